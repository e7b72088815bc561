package asia.oncaller.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import asia.oncaller.auth.TokenIssuer;
import asia.oncaller.tenant.Project;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;

/**
 * The REST call-control API as a customer's server uses it, over real HTTP with a project REST
 * token: every answer is read whole, 4xx included, as its status and JSON body.
 */
public final class RestClientForTests {

	private final RestClient http;

	private final JsonMapper json = JsonMapper.builder().build();

	/** With the project's REST token, issued for an hour, against the server at this port. */
	public RestClientForTests(int port, TokenIssuer issuer, Project project) {
		this(port, issuer.restToken(project.getApiKeySid(), project.getApiKeySecret(), Duration.ofHours(1)));
	}

	/** With any REST token (an account token too). */
	public RestClientForTests(int port, String token) {
		this.http = RestClient.builder()
			.baseUrl("http://127.0.0.1:" + port)
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.build();
	}

	/** POSTs the body as JSON. */
	public Answer post(String path, Map<String, Object> body) {
		return postText(path, this.json.writeValueAsString(body));
	}

	/** POSTs the text as it is, declared as JSON. */
	public Answer postText(String path, String body) {
		return this.http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).exchange(this::answer);
	}

	/** GETs the path. */
	public Answer get(String path) {
		return this.http.get().uri(path).exchange(this::answer);
	}

	private Answer answer(HttpRequest request, ClientHttpResponse response) throws IOException {
		String text = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
		@SuppressWarnings("unchecked")
		Map<String, Object> parsed = this.json.readValue(text, Map.class);
		return new Answer(response.getStatusCode().value(), response.getHeaders(), parsed);
	}

	/** A verb on a call, for {@code userId}. */
	public Answer verb(String callId, String verb, String userId, Map<String, Object> fields) {
		Map<String, Object> body = new LinkedHashMap<>(fields);
		body.put("userId", userId);
		return post("/v1/calls/" + callId + "/" + verb, body);
	}

	/** An HTTP answer: status, headers and body. */
	public record Answer(int status, HttpHeaders headers, Map<String, Object> body) {

		/** The result code {@code r} of the body. */
		public Object r() {
			return this.body.get("r");
		}

	}

}
