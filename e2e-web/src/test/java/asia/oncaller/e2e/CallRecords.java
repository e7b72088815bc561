package asia.oncaller.e2e;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import asia.oncaller.auth.TokenIssuer;
import asia.oncaller.tenant.Project;
import asia.oncaller.tenant.ProjectRepository;
import com.nimbusds.jwt.SignedJWT;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The call records of the browser tests' server as an operator reads them: {@code GET /v1/calls}
 * (PROTOCOL §5) with a REST token of the demo project, the project whose client tokens the
 * pages and Java clients sign in with.
 */
final class CallRecords {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private CallRecords() {
	}

	/** Every record (up to 100, newest first) of calls with {@code userId} on either side. */
	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> ofUser(E2eEnvironment environment, String userId) {
		try {
			HttpResponse<String> response = HTTP.send(HttpRequest
				.newBuilder(URI.create(environment.baseUrl() + "/v1/calls?limit=100&userId="
						+ URLEncoder.encode(userId, StandardCharsets.UTF_8)))
				.header("X-OnCaller-Auth", restToken(environment, userId))
				.timeout(Duration.ofSeconds(10))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new AssertionError("GET /v1/calls: " + response.statusCode() + " " + response.body());
			}
			return (List<Map<String, Object>>) JSON.readValue(response.body(), Map.class).get("data");
		}
		catch (java.io.IOException ex) {
			throw new AssertionError("GET /v1/calls failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted", ex);
		}
	}

	/**
	 * Checks that the records show exactly one call of {@code userId}, answered and ended once
	 * (a record has one end), and not as a lost connection: the call outlived any drop.
	 */
	static void assertOneCallAnsweredAndEnded(E2eEnvironment environment, String userId) {
		List<Map<String, Object>> records = ofUser(environment, userId);
		assertThat(records).as("the call records of %s", userId).hasSize(1);
		Map<String, Object> record = records.get(0);
		assertThat(record.get("status")).as("status").isEqualTo("ENDED");
		assertThat(record.get("answeredAt")).as("answeredAt").isNotNull();
		assertThat(record.get("endedAt")).as("endedAt").isNotNull();
		assertThat(record.get("endReason")).as("endReason").isNotEqualTo("Connection lost");
	}

	/** A project REST token of the project that issues {@code userId}'s demo client tokens. */
	private static String restToken(E2eEnvironment environment, String userId) {
		String apiKeySid;
		try {
			apiKeySid = SignedJWT.parse(E2eServer.demoToken(environment.baseUrl(), userId)).getJWTClaimsSet().getIssuer();
		}
		catch (ParseException ex) {
			throw new AssertionError("a demo token that is no JWT", ex);
		}
		Project project = environment.bean(ProjectRepository.class).findByApiKeySid(apiKeySid).orElseThrow();
		return environment.bean(TokenIssuer.class)
			.restToken(project.getApiKeySid(), project.getApiKeySecret(), Duration.ofMinutes(10));
	}

}
