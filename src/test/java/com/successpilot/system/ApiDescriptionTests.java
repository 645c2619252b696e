package com.successpilot.system;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.successpilot.SuccessPilotTest;
import com.successpilot.TestData;
import com.successpilot.TestUsers;
import com.successpilot.TestUsers.SignIn;
import com.successpilot.security.ApiTokens;
import com.successpilot.security.Role;
import com.successpilot.security.UserAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The OpenAPI description ({@code /v3/api-docs}) and Swagger UI: generated from the
 * controllers, they describe every endpoint the API guide names, and only OPS and ADMIN
 * may open them — signed in with a password or with an API token of their own.
 */
@SuccessPilotTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiDescriptionTests {

	/**
	 * Every endpoint the README documented before the reference moved to the OpenAPI
	 * description, with the query parameters it documented.
	 */
	private static final Map<String, List<String>> DOCUMENTED = Map.ofEntries(Map.entry("GET /api/me", List.of()),
			Map.entry("GET /api/me/tokens", List.of()), Map.entry("POST /api/me/tokens", List.of()),
			Map.entry("DELETE /api/me/tokens/{id}", List.of()), Map.entry("GET /api/users", List.of()),
			Map.entry("GET /api/users/{username}", List.of()), Map.entry("POST /api/users", List.of()),
			Map.entry("PATCH /api/users/{username}", List.of()),
			Map.entry("POST /api/users/{username}/password", List.of()),
			Map.entry("GET /api/accounts",
					List.of("csm", "segment", "grade", "renewalWithinDays", "asOf", "q", "page", "size")),
			Map.entry("GET /api/accounts/{id}", List.of("asOf", "healthLimit", "taskLimit")),
			Map.entry("GET /api/accounts/{id}/thresholds", List.of()),
			Map.entry("DELETE /api/accounts/{id}/thresholds/{name}", List.of()),
			Map.entry("GET /api/tasks",
					List.of("status", "csm", "account", "type", "priority", "playbook", "dueBefore", "page", "size")),
			Map.entry("GET /api/tasks/{id}", List.of()), Map.entry("POST /api/tasks/{id}/done", List.of()),
			Map.entry("POST /api/tasks/{id}/snooze", List.of()), Map.entry("POST /api/tasks/{id}/dismiss", List.of()),
			Map.entry("POST /api/tasks/{id}/reopen", List.of()), Map.entry("GET /api/rules", List.of()),
			Map.entry("POST /api/rules/validate", List.of()), Map.entry("POST /api/rules/reload", List.of()),
			Map.entry("POST /api/rules/test", List.of()),
			Map.entry("GET /api/runs", List.of("job", "status", "from", "to", "page", "size")),
			Map.entry("GET /api/runs/{id}", List.of()), Map.entry("POST /api/runs", List.of()),
			Map.entry("POST /api/runs/{id}/restart", List.of()), Map.entry("GET /api/schedules", List.of()));

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserAccounts userAccounts;

	@Autowired
	ApiTokens apiTokens;

	private final ObjectMapper json = new ObjectMapper();

	private Map<Role, SignIn> users;

	@BeforeAll
	void oneUserPerRole() {
		TestData.deleteAll(this.jdbc);
		TestUsers testUsers = new TestUsers(this.userAccounts, this.jdbc);
		testUsers.csm("docs-csm@example.com", "Docs CSM");
		this.users = Map.of(Role.CSM, testUsers.csmUser("docs-csm@example.com"), Role.OPS, testUsers.ops(), Role.ADMIN,
				testUsers.admin());
	}

	@Test
	void describesEveryDocumentedEndpointWithItsParameters() throws Exception {
		JsonNode description = description(Role.OPS);

		Map<String, JsonNode> operations = operations(description);
		assertThat(operations.keySet()).as("endpoints in /v3/api-docs").containsAll(DOCUMENTED.keySet());
		DOCUMENTED.forEach((endpoint, parameters) -> {
			Set<String> described = new TreeSet<>();
			operations.get(endpoint)
				.path("parameters")
				.forEach((parameter) -> described.add(parameter.get("name").asString()));
			assertThat(described).as("parameters of " + endpoint).containsAll(parameters);
		});
	}

	@Test
	void describesTheApiAndNothingButTheApi() throws Exception {
		JsonNode description = description(Role.ADMIN);

		assertThat(description.path("info").path("title").asString()).isEqualTo("SuccessPilot API");
		List<String> paths = description.path("paths").propertyNames().stream().toList();
		assertThat(paths).isNotEmpty().allSatisfy((path) -> assertThat(path).startsWith("/api/"));
		assertThat(description.path("components").path("securitySchemes").propertyNames())
			.containsExactlyInAnyOrder("basic", "token");
	}

	@Test
	void summariesSayWhatAnEndpointDoes() throws Exception {
		Map<String, JsonNode> operations = operations(description(Role.OPS));

		assertThat(operations.get("POST /api/runs/{id}/restart").path("summary").asString())
			.contains("where it stopped");
		assertThat(operations.get("POST /api/rules/validate").path("summary").asString()).contains("without");
	}

	static Stream<String> openedByOpsAndAdminOnly() {
		return Stream.of("/v3/api-docs", "/v3/api-docs.yaml", "/swagger-ui/index.html");
	}

	@ParameterizedTest
	@MethodSource("openedByOpsAndAdminOnly")
	void onlyOpsAndAdminOpenIt(String path) throws Exception {
		assertThat(status(get(path).with(this.users.get(Role.CSM).basic()))).as("CSM").isEqualTo(403);
		assertThat(status(get(path).with(this.users.get(Role.OPS).basic()))).as("OPS").isEqualTo(200);
		assertThat(status(get(path).with(this.users.get(Role.ADMIN).basic()))).as("ADMIN").isEqualTo(200);
	}

	@ParameterizedTest
	@MethodSource("openedByOpsAndAdminOnly")
	void apiTokensOpenItWithTheirUsersRole(String path) throws Exception {
		assertThat(status(get(path).header("Authorization", "Bearer " + token(Role.CSM)))).as("CSM token")
			.isEqualTo(403);
		assertThat(status(get(path).header("Authorization", "Bearer " + token(Role.OPS)))).as("OPS token")
			.isEqualTo(200);
		assertThat(status(get(path).header("Authorization", "Bearer " + token(Role.ADMIN)))).as("ADMIN token")
			.isEqualTo(200);
		assertThat(status(get(path).header("Authorization", "Bearer sp_made-up"))).as("unknown token").isEqualTo(401);
	}

	@Test
	void aScriptSignedOutGetsAProblem() throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get("/v3/api-docs")).andReturn().getResponse();

		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getContentType()).startsWith("application/problem+json");
	}

	@Test
	void aBrowserSignedOutIsSentToTheLoginPage() throws Exception {
		for (String page : List.of("/swagger-ui.html", "/swagger-ui/index.html")) {
			MockHttpServletResponse response = this.mvc.perform(get(page).accept(MediaType.TEXT_HTML))
				.andReturn()
				.getResponse();

			assertThat(response.getStatus()).as(page).isEqualTo(302);
			assertThat(response.getRedirectedUrl()).as(page).endsWith("/login");
		}
	}

	@Test
	void swaggerUiOpensOnTheDescription() throws Exception {
		MockHttpServletResponse ui = this.mvc.perform(get("/swagger-ui.html").with(this.users.get(Role.OPS).basic()))
			.andReturn()
			.getResponse();
		assertThat(ui.getRedirectedUrl()).endsWith("/swagger-ui/index.html");

		MockHttpServletResponse config = this.mvc
			.perform(get("/v3/api-docs/swagger-config").with(this.users.get(Role.OPS).basic()))
			.andReturn()
			.getResponse();
		assertThat(config.getStatus()).isEqualTo(200);
		assertThat(this.json.readTree(config.getContentAsString()).path("url").asString()).isEqualTo("/v3/api-docs");
	}

	private JsonNode description(Role role) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get("/v3/api-docs").with(this.users.get(role).basic()))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return this.json.readTree(response.getContentAsString());
	}

	private static Map<String, JsonNode> operations(JsonNode description) {
		Map<String, JsonNode> operations = new TreeMap<>();
		description.path("paths")
			.properties()
			.forEach((path) -> path.getValue()
				.properties()
				.forEach((operation) -> operations.put(operation.getKey().toUpperCase() + " " + path.getKey(),
						operation.getValue())));
		assertThat(operations).as("operations in the description").isNotEmpty();
		return operations;
	}

	private String token(Role role) {
		long userId = this.userAccounts.find(this.users.get(role).username()).orElseThrow().id();
		return this.apiTokens.issue(userId, "api description " + role).token();
	}

	private int status(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getStatus();
	}

}
