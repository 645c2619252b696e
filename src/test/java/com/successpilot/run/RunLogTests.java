package com.successpilot.run;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import com.successpilot.SuccessPilotTest;
import com.successpilot.TestData;
import com.successpilot.TestInbox;
import com.successpilot.ingest.ImportDefinition;
import com.successpilot.portfolio.DemoPortfolio;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every line a run logs says which run it belongs to, also the lines of the partitions
 * computed side by side on threads of their own.
 */
@SuccessPilotTest
@ExtendWith(OutputCaptureExtension.class)
class RunLogTests {

	private static final LocalDate NIGHT = LocalDate.of(2026, 11, 24);

	@Autowired
	RunLauncher launcher;

	@Autowired
	ImportDefinition definition;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void emptyDatabase() {
		TestData.deleteAll(this.jdbc);
		// files other tests left in the shared inbox must not fail this run's import
		new TestInbox(this.definition).empty();
	}

	@Test
	void linesLoggedByPartitionThreadsCarryTheRunId(CapturedOutput output) throws Exception {
		DemoPortfolio.generate(this.definition.inbox(), 30, NIGHT, 42);

		JobExecution run = this.launcher.run("nightlyJob", NIGHT, true);

		assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		List<String> partitionLines = output.getOut()
			.lines()
			.filter((line) -> line.contains("Computed the facts of")
					|| line.contains("accountJudgementStepPartition:accounts"))
			.toList();
		assertThat(partitionLines).hasSizeGreaterThanOrEqualTo(2)
			.anyMatch((line) -> line.contains("Computed the facts of"))
			.anyMatch((line) -> line.contains("accountJudgementStepPartition:accounts"))
			.allMatch((line) -> line.contains("[" + run.getId() + "]"));
	}

}
