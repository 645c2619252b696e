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

	void csms(String... emailsAndNames) {
		StringBuilder rows = new StringBuilder();
		for (int i = 0; i < emailsAndNames.length; i += 2) {
			rows.append(emailsAndNames[i]).append(',').append(emailsAndNames[i + 1]).append('\n');
		}
		write("csms", rows.toString(), "email,name");
		write("segment-thresholds", """
				smb,first_value_days,30,First value is due within 30 days
				smb,support_escalations_max_30d,1,At most one escalation in 30 days
				smb,support_open_tickets_max,2,At most two open tickets
				""", "segment,threshold,value,description");
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
