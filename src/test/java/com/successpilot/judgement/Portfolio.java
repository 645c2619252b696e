package com.successpilot.judgement;

import java.time.LocalDate;

import com.successpilot.TestInbox;
import com.successpilot.ingest.ImportDefinition;

/**
 * Writes small, hand-made portfolios as feed files: accounts whose facts make a known
 * rule fire, so a test can follow one task from raise to close.
 */
public final class Portfolio {

	private final TestInbox inbox;

	public Portfolio(ImportDefinition definition) {
		this.inbox = new TestInbox(definition);
	}

	/**
	 * {@code accounts} smb accounts in onboarding, started 60 days before the night, with
	 * logins but no value milestone: each should get the first-value rescue playbook.
	 */
	public void stalledOnboarding(int accounts, LocalDate night) {
		write("csms", "misaki.sato@example.com,佐藤 美咲,ja\n", "email,name,language");
		write("segment-thresholds", "smb,first_value_days,30,First value is due within 30 days\n",
				"segment,threshold,value,description");
		StringBuilder rows = new StringBuilder();
		StringBuilder contracts = new StringBuilder();
		StringBuilder usage = new StringBuilder();
		for (int i = 1; i <= accounts; i++) {
			String id = "ACC-" + i;
			rows.append(id)
				.append(",株式会社テスト")
				.append(i)
				.append(",smb,retail,misaki.sato@example.com,onboarding,")
				.append(night.minusDays(60))
				.append(",\n");
			contracts.append("C-")
				.append(i)
				.append(',')
				.append(id)
				.append(",Platform,")
				.append(night.minusDays(60))
				.append(',')
				.append(night.plusDays(300))
				.append(",12000,USD,20,true,active\n");
			for (int day = 1; day <= 5; day++) {
				usage.append(id).append(',').append(night.minusDays(day)).append(",4,6,10,0,,\n");
			}
		}
		write("accounts", rows.toString(),
				"account_id,name,segment,industry,csm_email,lifecycle_stage,start_date,go_live_date");
		write("contracts", contracts.toString(),
				"contract_id,account_id,product,start_date,end_date,arr,currency,licensed_seats,auto_renew,status");
		write("usage", usage.toString(),
				"account_id,date,active_users,logins,key_events,value_milestones,reports_created,integrations_active");
	}

	/**
	 * A first value milestone for the account on the given day.
	 */
	public void firstValue(String accountId, LocalDate day) {
		write("usage", accountId + "," + day + ",6,9,30,1,,\n",
				"account_id,date,active_users,logins,key_events,value_milestones,reports_created,integrations_active");
	}

	private void write(String feed, String rows, String header) {
		this.inbox.drop(feed, header, rows);
	}

}
