package asia.oncaller.api;

import java.util.Map;

import asia.oncaller.auth.RestIdentity;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}): the REST
 * token as a bearer JWT or the {@code X-OnCaller-Auth} header, the operator token for the
 * operator endpoints, and examples of a problem detail (a 429 among them).
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

	static final String BEARER = "restToken";

	static final String HEADER = "xOnCallerAuth";

	public static final String OPERATOR = "operatorToken";

	static {
		// Controllers get the identity from the auth module, not from the request's parameters.
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(RestIdentity.class);
	}

	@Bean
	OpenAPI onCallerOpenApi() {
		return new OpenAPI()
			.info(new Info().title("OnCaller REST API")
				.version("v1")
				.description("Call control, call records and account management (PROTOCOL §5). "
						+ "Send a project or account REST token (HS256 JWT with rest_api: true) as "
						+ "Authorization: Bearer or X-OnCaller-Auth. Errors are RFC 9457 problem details. "
						+ "Requests past a token's or an account's rate answer 429 with Retry-After (seconds)."))
			.components(new Components()
				.addSecuritySchemes(BEARER,
						new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
							.description("A project or account REST token"))
				.addSecuritySchemes(HEADER,
						new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER)
							.name("X-OnCaller-Auth").description("The same token in OnCaller's own header"))
				.addSecuritySchemes(OPERATOR,
						new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
							.description("The operator token, oncaller.operator.token"))
				.examples(Map.of("unauthenticated", example(Map.of("type", ProblemType.BASE + "unauthenticated",
						"title", "Unauthenticated", "status", 401, "detail", "Token expired or signature invalid", "code",
						6)), "notEnoughMoney",
						example(Map.of("type", ProblemType.BASE + "call-control", "title", "Call control request failed",
								"status", 402, "detail", "Make call failed. Not enough money", "code", 8, "r", 8,
								"message", "Make call failed. Not enough money")),
						"rateLimited",
						example(Map.of("type", ProblemType.BASE + "rate-limited", "title", "Too many requests", "status",
								429, "detail", "Too many requests with this token; retry after 1 s", "code",
								"rate-limited")),
						"invalidField",
						example(Map.of("type", ProblemType.BASE + "invalid-request", "title", "Invalid request", "status",
								400, "detail", "port must be less than or equal to 65535", "code", "invalid-request",
								"errors", java.util.List.of(Map.of("field", "port", "message",
										"must be less than or equal to 65535")))))))
			.addSecurityItem(new SecurityRequirement().addList(BEARER))
			.addSecurityItem(new SecurityRequirement().addList(HEADER));
	}

	private static Example example(Map<String, Object> value) {
		return new Example().value(value);
	}

}
