package asia.oncaller.testsupport;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import asia.oncaller.TestDatabaseConfig;
import asia.oncaller.TestTenants;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * What REST tests share: the whole server on a random port with real PostgreSQL, real HTTP
 * through {@link RestClient} that never throws for a status, and fresh tenants.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ TestDatabaseConfig.class, TestTenants.class })
public abstract class RestTestSupport {

	@LocalServerPort
	protected int port;

	@Autowired
	protected TestTenants tenants;

	@Autowired
	protected JsonMapper json;

	protected TestTenants.Tenant tenant(BigDecimal balance) {
		return this.tenants.create(null, balance);
	}

	protected TestTenants.Tenant tenant() {
		return tenant(BigDecimal.ZERO);
	}

	protected Response get(String path, String token) {
		return exchange(HttpMethod.GET, path, token, null, MediaType.APPLICATION_JSON);
	}

	protected Response post(String path, String token, Object body) {
		return exchange(HttpMethod.POST, path, token, body, MediaType.APPLICATION_JSON);
	}

	protected Response put(String path, String token, Object body) {
		return exchange(HttpMethod.PUT, path, token, body, MediaType.APPLICATION_JSON);
	}

	protected Response delete(String path, String token) {
		return exchange(HttpMethod.DELETE, path, token, null, MediaType.APPLICATION_JSON);
	}

	/**
	 * Any request; a String or byte[] body goes as it is, anything else as JSON; {@code token} as
	 * a bearer.
	 */
	protected Response exchange(HttpMethod method, String path, String token, Object body, MediaType accept) {
		// A URI as written, so that a test's own percent-encoding (%2B for +) reaches the server.
		RestClient.RequestBodySpec request = RestClient.create()
			.method(method)
			.uri(URI.create("http://127.0.0.1:" + this.port + path))
			.accept(accept);
		if (token != null) {
			request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON)
				.body((body instanceof String || body instanceof byte[]) ? body : this.json.writeValueAsString(body));
		}
		return request.exchange((req, res) -> new Response(res.getStatusCode().value(), res.getHeaders(),
				new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8), this.json));
	}

	/** A response read whole: status, headers, body text and, when it is JSON, the body parsed. */
	public record Response(int status, HttpHeaders headers, String body, JsonMapper json) {

		@SuppressWarnings("unchecked")
		public Map<String, Object> map() {
			return this.json.readValue(this.body, Map.class);
		}

		@SuppressWarnings("unchecked")
		public List<Map<String, Object>> data() {
			return (List<Map<String, Object>>) map().get("data");
		}

		public String contentType() {
			return String.valueOf(this.headers.getContentType());
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
