package asia.oncaller.api;

import java.util.List;
import java.util.Map;

import asia.oncaller.TestTenants;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error of the REST API is an RFC 9457 problem detail ({@code application/problem+json})
 * with a type URI of the catalogue, a title, the status and a {@code code}, and tells nothing of
 * the server's insides: no stack trace, class name or SQL, whatever went wrong.
 */
class ProblemDetailsIntegrationTests extends RestTestSupport {

	@Test
	void everyKindOfErrorIsAProblemDetail() {
		TestTenants.Tenant tenant = tenant();
		String account = tenant.accountToken();
		List<Response> problems = List.of(get("/v1/account", null), get("/v1/account", "a.b.c"),
				get("/v1/account", tenant.projectToken()), get("/v1/nothing-here", account),
				exchange(HttpMethod.PATCH, "/v1/projects", account, null, MediaType.APPLICATION_JSON),
				post("/v1/projects", account, "{not json"), post("/v1/projects", account, Map.of()),
				get("/v1/projects?limit=1000", account), get("/v1/projects/PJ123", account),
				exchange(HttpMethod.GET, "/v1/account", account, null, MediaType.IMAGE_PNG),
				postPlainText("/v1/projects", account));
		for (Response problem : problems) {
			assertThat(problem.status()).as(problem.body()).isBetween(400, 499);
			assertThat(problem.contentType()).as(problem.body()).startsWith("application/problem+json");
			Map<String, Object> body = problem.map();
			assertThat(body).as(problem.body()).containsKeys("type", "title", "status", "detail", "code");
			assertThat((String) body.get("type")).startsWith(ProblemType.BASE);
			assertThat(body.get("status")).isEqualTo(problem.status());
			assertNothingInternal(problem);
		}
		assertThat(problems).extracting(Response::status)
			.containsExactly(401, 401, 403, 404, 405, 400, 400, 400, 404, 406, 415);
	}

	@Test
	void databaseConflictIsA409WithoutSql() {
		String token = tenant().accountToken();
		Map<String, Object> rate = Map.of("callType", "INTERNAL", "prefix", "", "pricePerMinute", "0",
				"billingIncrementSeconds", 60);
		post("/v1/rates", token, rate);
		Response conflict = post("/v1/rates", token, rate);
		assertThat(conflict.status()).isEqualTo(409);
		assertThat(conflict.map()).containsEntry("code", "conflict")
			.containsEntry("type", ProblemType.BASE + "conflict");
		assertNothingInternal(conflict);
	}

	@Test
	void unauthenticatedAnswerSaysHowToAuthenticate() {
		Response response = get("/v1/calls", null);
		assertThat(response.headers().getFirst("WWW-Authenticate")).startsWith("Bearer");
		assertThat(response.map()).containsEntry("code", 1).containsEntry("detail", "Token is empty");
	}

	private Response postPlainText(String path, String token) {
		return org.springframework.web.client.RestClient.create()
			.post()
			.uri(java.net.URI.create("http://127.0.0.1:" + this.port + path))
			.header("Authorization", "Bearer " + token)
			.contentType(MediaType.TEXT_PLAIN)
			.body("name=x")
			.exchange((request, response) -> new Response(response.getStatusCode().value(), response.getHeaders(),
					new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), this.json));
	}

	static void assertNothingInternal(Response problem) {
		assertThat(problem.body()).doesNotContain("Exception")
			.doesNotContain("\tat ")
			.doesNotContain("asia.oncaller")
			.doesNotContain("org.springframework")
			.doesNotContainIgnoringCase("select ")
			.doesNotContainIgnoringCase("insert into")
			.doesNotContain("violates");
	}

}
