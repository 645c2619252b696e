package com.successpilot;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only {@code serve} starts a web server; every other command runs and exits.
 */
class ServeModeTests {

	@Test
	void serveAsFirstWordStartsTheServer() {
		assertThat(SuccessPilotApplication.serving(new String[] { "serve" })).isTrue();
		assertThat(SuccessPilotApplication.serving(new String[] { "--spring.profiles.active=mysql", "serve" }))
			.isTrue();
	}

	@Test
	void otherCommandsDoNot() {
		assertThat(SuccessPilotApplication.serving(new String[] { "demo" })).isFalse();
		assertThat(SuccessPilotApplication.serving(new String[] { "run", "serve" })).isFalse();
		assertThat(SuccessPilotApplication.serving(new String[0])).isFalse();
	}

}
