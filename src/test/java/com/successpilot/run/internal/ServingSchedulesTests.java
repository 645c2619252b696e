package com.successpilot.run.internal;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.successpilot.SuccessPilotTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A serving process registers the schedules of {@code batch-jobs/} when it starts; other
 * processes (the commands) never do.
 */
@SuccessPilotTest
@TestPropertySource(properties = "successpilot.serving=true")
class ServingSchedulesTests {

	@Autowired
	ScheduledRuns scheduledRuns;

	@Test
	void theServerStartsWithItsSchedulesRegistered() {
		assertThat(this.scheduledRuns.isRunning()).isTrue();
	}

}
