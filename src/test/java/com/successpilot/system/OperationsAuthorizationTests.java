package com.successpilot.system;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.successpilot.SuccessPilotTest;
import com.successpilot.TestData;
import com.successpilot.TestUsers;
import com.successpilot.security.UserAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every rules and operations endpoint × every role: anonymous 401 (health and info are
 * public), CSM 403, OPS and ADMIN 200.
 */
@SuccessPilotTest
class OperationsAuthorizationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserAccounts userAccounts;

	Map<String, RequestPostProcessor> signIns;

	@BeforeEach
	void oneUserPerRole() {
		TestData.deleteAll(this.jdbc);
		TestUsers users = new TestUsers(this.userAccounts, this.jdbc);
		users.csm("misaki.sato@example.com", "Misaki");
		// anonymous requests carry a CSRF token, so what answers is the authorization
		// rule
		this.signIns = Map.of("anonymous", csrf(), "CSM", users.csmUser("misaki.sato@example.com").basic(), "OPS",
				users.ops().basic(), "ADMIN", users.admin().basic());
	}

	static Stream<Arguments> operatorEndpoints() {
		return Stream.of(Arguments.of("GET", "/api/rules"), Arguments.of("POST", "/api/rules/validate"),
				Arguments.of("POST", "/api/rules/reload"), Arguments.of("POST", "/api/rules/test"),
				Arguments.of("GET", "/actuator/prometheus"), Arguments.of("GET", "/actuator/metrics"),
				Arguments.of("GET", "/actuator/metrics/successpilot.mails"));
	}

	static Stream<Arguments> publicEndpoints() {
		return Stream.of(Arguments.of("GET", "/actuator/health"), Arguments.of("GET", "/actuator/info"));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("operatorEndpoints")
	void operatorEndpointsAreForOpsAndAdminOnly(String method, String path) throws Exception {
		assertThat(status(method, path, "anonymous")).isEqualTo(401);
		assertThat(status(method, path, "CSM")).isEqualTo(403);
		assertThat(status(method, path, "OPS")).isEqualTo(200);
		assertThat(status(method, path, "ADMIN")).isEqualTo(200);
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("publicEndpoints")
	void healthAndInfoAnswerEveryone(String method, String path) throws Exception {
		for (String who : this.signIns.keySet()) {
			assertThat(status(method, path, who)).as(who).isEqualTo(200);
		}
	}

	private int status(String method, String path, String who) throws Exception {
		MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(method), path).with(this.signIns.get(who));
		return this.mvc.perform(request).andReturn().getResponse().getStatus();
	}

}
