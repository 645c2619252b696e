package com.successpilot.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

import com.successpilot.TestClock;
import com.successpilot.TestData;
import com.successpilot.TestUsers;
import com.successpilot.TestUsers.SignIn;
import com.successpilot.TestWorkspace;
import com.successpilot.security.UserAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What only the real server (Tomcat) shows: a malformed address (invalid UTF-8, encoded
 * slashes) and the container's own errors are problem details like every other error, and
 * the session cookie is SameSite=Lax and HttpOnly (issue 13, points 3 and 4).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestWorkspace.class)
@Import(TestClock.class)
class RealServerErrorsTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserAccounts userAccounts;

	final HttpClient http = HttpClient.newHttpClient();

	SignIn ops;

	@BeforeEach
	void aUser() {
		TestData.deleteAll(this.jdbc);
		this.ops = new TestUsers(this.userAccounts, this.jdbc).ops();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/accounts/%C0%AF", "/api/%FF%FE", "/api/accounts%2F1", "/api/accounts/%00",
			"/api/accounts/..;/users", "/api/accounts?asOf=%FF" })
	void aMalformedAddressIsAProblemDetail(String path) throws Exception {
		HttpResponse<String> answer = get(path, true);

		assertThat(answer.statusCode()).as(path).isEqualTo(400);
		assertProblem(answer, 400);
	}

	@Test
	void anUnknownPathIsAProblemDetail() throws Exception {
		HttpResponse<String> answer = get("/api/no-such-thing", true);

		assertThat(answer.statusCode()).isEqualTo(404);
		assertProblem(answer, 404);
		assertThat(answer.body()).contains("There is nothing at /api/no-such-thing");
	}

	@Test
	void theSessionCookieIsSameSiteLaxAndHttpOnly() throws Exception {
		HttpResponse<String> answer = this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/tasks"))
				.header("Accept", "text/html")
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

		assertThat(answer.statusCode()).isEqualTo(302);
		String cookie = answer.headers().firstValue("Set-Cookie").orElseThrow();
		assertThat(cookie).startsWith("JSESSIONID=").contains("SameSite=Lax").contains("HttpOnly");
		assertThat(answer.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'");
	}

	private void assertProblem(HttpResponse<String> answer, int status) {
		assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(answer.body()).contains("\"status\":" + status)
			.doesNotContain("java.")
			.doesNotContain("com.successpilot")
			.doesNotContain("Exception")
			.doesNotContain("springframework");
	}

	private HttpResponse<String> get(String path, boolean signedIn) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (signedIn) {
			request.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((this.ops.username() + ":" + this.ops.password()).getBytes(StandardCharsets.UTF_8)));
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

}
