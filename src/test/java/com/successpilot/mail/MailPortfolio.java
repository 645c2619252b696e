package com.successpilot.mail;

import java.time.LocalDate;

import com.successpilot.TestInbox;
import com.successpilot.ingest.ImportDefinition;

/**
 * Feed files for mail tests: two CSMs, accounts stalled in onboarding (two high-priority
 * rescue tasks each) and, on request, accounts with escalations (an urgent high-priority
 * escalation recovery and a medium support effort review).
 */
final class MailPortfolio {

	static final String MISAKI = "misaki.sato@example.com";

	static final String KENTA = "kenta.tanaka@example.com";

	private final TestInbox inbox;

	MailPortfolio(ImportDefinition definition) {
		this.inbox = new TestInbox(definition);
	}

	/**
	 * CSMs as email, name, language (ja, en or empty for the default) triples.
	 */
	void csms(String... emailsNamesAndLanguages) {
		StringBuilder rows = new StringBuilder();
		for (int i = 0; i < emailsNamesAndLanguages.length; i += 3) {
			rows.append(emailsNamesAndLanguages[i])
				.append(',')
				.append(emailsNamesAndLanguages[i + 1])
				.append(',')
				.append(emailsNamesAndLanguages[i + 2])
				.append('\n');
		}
		write("csms", rows.toString(), "email,name,language");
		write("segment-thresholds", """
				smb,first_value_days,30,First value is due within 30 days
				smb,support_escalations_max_30d,1,At most one escalation in 30 days
				smb,support_open_tickets_max,2,At most two open tickets
				smb,nps_detractor_max,6,A detractor answers 6 or less
				""", "segment,threshold,value,description");
	}

	/** The customer's main contact, written with the account row. */
	void stalledOnboarding(String accountId, String name, String csm, LocalDate night, String contactName,
			String contactEmail) {
		stalledOnboarding(accountId, name, csm, night);
		write("accounts",
				accountId + "," + name + ",smb,retail," + csm + ",onboarding," + night.minusDays(60) + ",,"
						+ contactName + "," + contactEmail + "\n",
				"account_id,name,segment,industry,csm_email,lifecycle_stage,start_date,go_live_date,contact_name,contact_email");
	}

	/** An NPS answer given the day before the night. */
	void npsAnswer(String accountId, LocalDate night, int score, String comment) {
		write("nps", "N-" + accountId + "," + accountId + "," + night.minusDays(1) + "," + score + ",executive,\""
				+ comment + "\"\n", "response_id,account_id,responded_on,score,respondent_role,comment");
	}

	/** A threshold agreed with the customer, replacing the segment's default. */
	void agreedThreshold(String accountId, String threshold, double value, LocalDate agreedOn, String note) {
		write("account-thresholds", accountId + "," + threshold + "," + value + "," + agreedOn + "," + note + "\n",
				"account_id,threshold,value,agreed_on,note");
	}

	/**
	 * An smb account in onboarding for 60 days without a value milestone, renewing in 300
	 * days.
	 */
	void stalledOnboarding(String accountId, String name, String csm, LocalDate night) {
		write("accounts", accountId + "," + name + ",smb,retail," + csm + ",onboarding," + night.minusDays(60) + ",\n",
				"account_id,name,segment,industry,csm_email,lifecycle_stage,start_date,go_live_date");
		write("contracts",
				"C-" + accountId + "," + accountId + ",Platform," + night.minusDays(60) + "," + night.plusDays(300)
						+ ",12000,USD,20,true,active\n",
				"contract_id,account_id,product,start_date,end_date,arr,currency,licensed_seats,auto_renew,status");
		StringBuilder usage = new StringBuilder();
		for (int day = 1; day <= 5; day++) {
			usage.append(accountId).append(',').append(night.minusDays(day)).append(",4,6,10,0,,\n");
		}
		write("usage", usage.toString(),
				"account_id,date,active_users,logins,key_events,value_milestones,reports_created,integrations_active");
	}

	/**
	 * Three open escalated tickets opened in the last days.
	 */
	void escalations(String accountId, LocalDate night) {
		StringBuilder rows = new StringBuilder();
		for (int i = 1; i <= 3; i++) {
			rows.append("T-")
				.append(accountId)
				.append('-')
				.append(i)
				.append(',')
				.append(accountId)
				.append(",ログインできない ")
				.append(i)
				.append(',')
				.append(night.minusDays(i))
				.append(" 10:00:00,,high,true,\n");
		}
		write("tickets", rows.toString(), "ticket_id,account_id,subject,opened_at,closed_at,priority,escalated,csat");
	}

	private void write(String feed, String rows, String header) {
		this.inbox.drop(feed, header, rows);
	}

}
