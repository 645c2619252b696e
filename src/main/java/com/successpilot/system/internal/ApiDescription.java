package com.successpilot.system.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springdoc.core.utils.SpringDocUtils;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The head of the OpenAPI description springdoc generates from the controllers
 * ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}; OPS and ADMIN only):
 * what the API is, and the two ways a script signs in, so Swagger UI's "Authorize" offers
 * both. The prose (roles, paging, errors, examples) is {@code docs/api.md}.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

	static final String BASIC = "basic";

	static final String TOKEN = "token";

	static {
		// Jackson 3's JsonNode (a task's evidence) is any JSON, not a bean with
		// isArray(),
		// isNull() … properties, which is what introspecting it would describe
		SpringDocUtils.getConfig()
			.replaceWithSchema(JsonNode.class, new ObjectSchema().description("A JSON object (see docs/api.md)"));
	}

	@Bean
	OpenAPI successPilotApi(ObjectProvider<BuildProperties> build) {
		String version = build.stream().map(BuildProperties::getVersion).findFirst().orElse("development");
		return new OpenAPI()
			.info(new Info().title("SuccessPilot API")
				.version(version)
				.description("Accounts, tasks, runs, rules and users of a SuccessPilot server. Every call needs a "
						+ "signed-in user: HTTP Basic, an API token (Authorization: Bearer sp_…) or a browser "
						+ "session with its CSRF token. A CSM sees only their own accounts and tasks; runs and "
						+ "rules need OPS, users ADMIN. Lists are pages (items, page, size, total); errors are "
						+ "RFC 9457 problems (application/problem+json). The guide with examples is docs/api.md."))
			.components(new Components()
				.addSecuritySchemes(BASIC,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("basic")
							.description("A user's name and password"))
				.addSecuritySchemes(TOKEN,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.bearerFormat("sp_…")
							.description("An API token (POST /api/me/tokens or the create-token command); "
									+ "acts with its user's role")))
			.addSecurityItem(new SecurityRequirement().addList(BASIC))
			.addSecurityItem(new SecurityRequirement().addList(TOKEN));
	}

}
