package asia.oncaller.api;

import java.util.Map;

import asia.oncaller.auth.OperatorOnly;
import asia.oncaller.auth.RestTokens;
import asia.oncaller.testsupport.RestTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document and Swagger UI are served without a token and describe the REST API with
 * its bearer scheme and examples; and every {@code /v1} endpoint declares which credential it
 * takes (the interceptor refuses one that does not).
 */
class OpenApiIntegrationTests extends RestTestSupport {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	@SuppressWarnings("unchecked")
	void apiDocsDescribeTheEndpointsTheBearerSchemeAndExamples() {
		Response docs = get("/v3/api-docs", null);
		assertThat(docs.status()).isEqualTo(200);
		Map<String, Object> paths = (Map<String, Object>) docs.map().get("paths");
		assertThat(paths).containsKeys("/v1/calls", "/v1/calls/{callId}", "/v1/calls/{callId}/answer",
				"/v1/calls/{callId}/transfer", "/v1/projects", "/v1/projects/{projectId}/api-key",
				"/v1/projects/{projectId}/signing-secret", "/v1/numbers",
				"/v1/sip-trunks", "/v1/rates", "/v1/account", "/v1/account/transactions", "/v1/accounts",
				"/v1/accounts/{accountId}/top-ups", "/v1/accounts/{accountId}/limits");
		Map<String, Object> components = (Map<String, Object>) docs.map().get("components");
		Map<String, Object> schemes = (Map<String, Object>) components.get("securitySchemes");
		assertThat((Map<String, Object>) schemes.get("restToken")).containsEntry("type", "http")
			.containsEntry("scheme", "bearer")
			.containsEntry("bearerFormat", "JWT");
		assertThat((Map<String, Object>) schemes.get("xOnCallerAuth")).containsEntry("name", "X-OnCaller-Auth");
		assertThat((Map<String, Object>) components.get("examples")).containsKeys("notEnoughMoney", "invalidField",
				"rateLimited");
		assertThat(docs.body()).contains("\"example\"").doesNotContain("RestIdentity");
		Map<String, Object> schemas = (Map<String, Object>) components.get("schemas");
		assertThat(schemas).containsKeys("SigningSecret", "WithSecret");
		assertThat(schemas.get("WithSecret").toString()).contains("signingSecret", "clientChosenCallerNames");
	}

	@Test
	void swaggerUiIsServed() {
		Response page = get("/swagger-ui/index.html", null);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("swagger-ui");
		assertThat(get("/swagger-ui.html", null).status()).isIn(200, 302);
	}

	@Test
	void everyV1EndpointDeclaresItsCredential() {
		int checked = 0;
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : this.mappings.getHandlerMethods().entrySet()) {
			boolean v1 = entry.getKey().getPatternValues().stream().anyMatch((pattern) -> pattern.startsWith("/v1/"));
			if (!v1) {
				continue;
			}
			HandlerMethod method = entry.getValue();
			boolean declared = method.hasMethodAnnotation(RestTokens.class)
					|| method.hasMethodAnnotation(OperatorOnly.class)
					|| method.getBeanType().isAnnotationPresent(RestTokens.class)
					|| method.getBeanType().isAnnotationPresent(OperatorOnly.class);
			assertThat(declared).as(method.toString()).isTrue();
			checked++;
		}
		assertThat(checked).isGreaterThanOrEqualTo(35);
	}

}
