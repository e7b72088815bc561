package asia.oncaller.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import asia.oncaller.TestTenants;
import asia.oncaller.testsupport.RestTestSupport;
import asia.oncaller.auth.TokenIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets appear once, in the answer that creates them, and nowhere else: not in any later
 * answer of any endpoint, and not in any log line, even with Spring MVC logging every request and
 * body it handles (DEBUG). Covers the account secret, API key secrets and webhook signing
 * secrets (created and rotated), SIP
 * trunk credentials, the operator token and the REST tokens themselves.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsIntegrationTests extends RestTestSupport {

	/** The server side of Spring MVC; the test's own HTTP client (web.client) stays quiet. */
	private static final String[] CHATTY = { "org.springframework.web.servlet", "org.springframework.web.method",
			"org.springframework.web.filter", "org.springframework.web.context", "org.apache.catalina" };

	@Autowired
	TokenIssuer issuer;

	@Autowired
	LoggingSystem logging;

	@BeforeEach
	void logEveryRequestAndBody() {
		for (String logger : CHATTY) {
			this.logging.setLogLevel(logger, LogLevel.DEBUG);
		}
	}

	@AfterEach
	void quietAgain() {
		for (String logger : CHATTY) {
			this.logging.setLogLevel(logger, null);
		}
	}

	@Test
	void secretsNeverAppearAfterCreationNorInAnyLogLine(CapturedOutput output) {
		String operator = TestTenants.OPERATOR_TOKEN;
		Map<String, Object> account = post("/v1/accounts", operator, Map.of("name", "Secretive", "currency", "USD"))
			.map();
		String accountId = (String) account.get("id");
		String accountSecret = (String) account.get("secret");
		String accountToken = this.issuer.restToken(accountId, accountSecret, java.time.Duration.ofMinutes(5));
		post("/v1/accounts/" + accountId + "/top-ups", operator, Map.of("amount", "5", "idempotencyKey", "t1"));
		Map<String, Object> project = post("/v1/projects", accountToken, Map.of("name", "App")).map();
		String projectId = (String) project.get("id");
		String firstKeySecret = (String) project.get("apiKeySecret");
		String firstSigningSecret = (String) project.get("signingSecret");
		String signingSecret = (String) post("/v1/projects/" + projectId + "/signing-secret", accountToken, null).map()
			.get("signingSecret");
		Map<String, Object> rotated = post("/v1/projects/" + projectId + "/api-key", accountToken, null).map();
		String keySecret = (String) rotated.get("apiKeySecret");
		String projectToken = this.issuer.restToken((String) rotated.get("apiKeySid"), keySecret,
				java.time.Duration.ofMinutes(5));
		String trunkId = (String) post("/v1/sip-trunks", accountToken, Map.of("name", "T", "host", "sip.example.com",
				"port", 5060, "transport", "UDP", "username", "digest-user-4471", "password", "digest-pass-9932"))
			.map()
			.get("id");
		List<String> secrets = List.of(accountSecret, firstKeySecret, keySecret, firstSigningSecret, signingSecret,
				"digest-pass-9932", "digest-user-4471");

		List<Response> later = new ArrayList<>();
		later.add(get("/v1/account", accountToken));
		later.add(get("/v1/account/transactions", accountToken));
		later.add(get("/v1/projects", accountToken));
		later.add(get("/v1/projects/" + projectId, accountToken));
		later.add(put("/v1/projects/" + projectId, accountToken, Map.of("name", "Renamed")));
		later.add(get("/v1/sip-trunks", accountToken));
		later.add(get("/v1/sip-trunks/" + trunkId, accountToken));
		later.add(put("/v1/sip-trunks/" + trunkId, accountToken,
				Map.of("name", "T2", "host", "sip.example.com", "port", 5060, "transport", "UDP")));
		later.add(get("/v1/numbers", accountToken));
		later.add(get("/v1/rates", accountToken));
		later.add(get("/v1/calls", accountToken));
		later.add(get("/v1/calls", projectToken));
		later.add(exchange(HttpMethod.GET, "/v1/calls", projectToken, null, MediaType.parseMediaType("text/csv")));
		later.add(get("/v3/api-docs", null));
		for (Response answer : later) {
			assertThat(answer.status()).as(answer.body()).isLessThan(300);
			secrets.forEach((secret) -> assertThat(answer.body()).doesNotContain(secret));
		}

		List<String> neverLogged = new ArrayList<>(secrets);
		neverLogged.addAll(List.of(operator, accountToken, projectToken));
		assertThat(output.getAll()).as("the log saw these requests").contains("/v1/sip-trunks");
		neverLogged.forEach((secret) -> assertThat(output.getAll()).doesNotContain(secret));
	}

}
