package com.successpilot.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import com.successpilot.SuccessPilotTest;
import com.successpilot.run.RunLauncher;

/**
 * Feeds saved by Excel in Japan: Shift_JIS (Windows-31J) with CRLF line ends.
 */
@SuccessPilotTest
@TestPropertySource(properties = "test.feed-encoding=Shift_JIS")
class ShiftJisFeedImportTests {

	private static final Charset WINDOWS_31J = Charset.forName("windows-31j");

	@Autowired
	RunLauncher launcher;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ImportDefinition definition;

	@Test
	void shiftJisFileImportsWithJapaneseNamesIntact() throws Exception {
		FeedFiles feeds = new FeedFiles(this.definition);
		feeds.drop("csms", "担当者.csv", "email,name\r\nkenta.takahashi@example.com,高橋 健太\r\n", WINDOWS_31J);
		feeds.drop("accounts", "顧客一覧.csv",
				"account_id,name,segment,industry,csm_email,lifecycle_stage,start_date,go_live_date\r\n"
						+ "ACC-77,株式会社①テクノ～ソリューションズ,mid-market,情報通信業,kenta.takahashi@example.com,adoption,2025/4/1,2025/5/1\r\n",
				WINDOWS_31J);

		assertThat(this.launcher.run("importJob", LocalDate.of(2026, 11, 23), true).getStatus())
			.isEqualTo(BatchStatus.COMPLETED);

		assertThat(this.jdbc.queryForMap("SELECT a.name, a.industry, a.start_date, c.name AS csm FROM accounts a "
				+ "JOIN csms c ON c.id = a.csm_id WHERE a.external_id = 'ACC-77'"))
			.containsEntry("name", "株式会社①テクノ～ソリューションズ")
			.containsEntry("industry", "情報通信業")
			.containsEntry("csm", "高橋 健太");
	}

}
