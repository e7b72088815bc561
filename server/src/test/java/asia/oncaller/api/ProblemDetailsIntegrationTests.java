package asia.oncaller.api;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import asia.oncaller.TestTenants;
import asia.oncaller.testsupport.RestTestSupport;
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

	@Test
	void controlCharacterInAFilterIsA400NamingIt() {
		String token = tenant().projectToken();
		for (String query : List.of("from=a%00b", "to=%00", "userId=bob%0d%0a", "userId=%1b%5b2J")) {
			Response problem = get("/v1/calls?" + query, token);
			assertThat(problem.status()).as(query).isEqualTo(400);
			assertThat(problem.map()).containsEntry("code", "invalid-request");
			assertThat(problem.body()).contains("must not contain control characters");
			assertNothingInternal(problem);
		}
	}

	@Test
	void requestsTomcatRefusesBeforeSpringAreProblemDetailsToo() throws IOException {
		String backslash = "GET /v1/calls?from=a\\b HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
		String hugeHeader = "GET /v1/calls HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "a".repeat(20 * 1024)
				+ "\r\nConnection: close\r\n\r\n";
		for (String request : List.of(backslash, hugeHeader)) {
			String answer = rawExchange(request);
			String head = answer.substring(0, answer.indexOf("\r\n\r\n"));
			String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
			assertThat(head).startsWith("HTTP/1.1 400").containsIgnoringCase("content-type: application/problem+json");
			assertThat(body).doesNotContainIgnoringCase("<html").doesNotContain("Tomcat");
			// The body may come chunked: the JSON is from the first brace to the last.
			@SuppressWarnings("unchecked")
			Map<String, Object> problem = this.json.readValue(body.substring(body.indexOf('{'), body.lastIndexOf('}') + 1),
					Map.class);
			assertThat(problem).containsEntry("status", 400)
				.containsEntry("code", "invalid-request")
				.containsEntry("type", ProblemType.BASE + "invalid-request")
				.containsKeys("title", "detail");
		}
	}

	/** Sends the bytes as they are: an HTTP client would encode or refuse what Tomcat must see. */
	private String rawExchange(String request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
			socket.getOutputStream().flush();
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
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
