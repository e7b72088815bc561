package asia.oncaller.accounts;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import asia.oncaller.TestTenants;
import asia.oncaller.WebhookReceiver;
import asia.oncaller.testsupport.RestTestSupport;
import asia.oncaller.auth.TokenIssuer;
import asia.oncaller.outbound.RequestSigner;
import asia.oncaller.records.CallSeeder;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /v1/projects} over real HTTP: the API key secret appears in the create and rotate
 * answers only, the webhook signing secret in the create and signing-secret answers only (and a
 * real receiver sees the signature change), URLs follow the one rule the server fetches by, tokens follow the key and the enabled flag, unused projects delete and used ones
 * answer 409, invalid fields are named, and the listing pages.
 */
class ProjectApiIntegrationTests extends RestTestSupport {

	@Autowired
	TokenIssuer issuer;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void createAnswersTheSecretOnceAndNoReadShowsIt() {
		TestTenants.Tenant tenant = tenant();
		Response created = post("/v1/projects", tenant.accountToken(),
				Map.of("name", "Support", "answerUrl", "https://example.com/answer"));

		assertThat(created.status()).isEqualTo(201);
		Map<String, Object> project = created.map();
		String id = (String) project.get("id");
		String secret = (String) project.get("apiKeySecret");
		assertThat(created.headers().getLocation()).hasToString("/v1/projects/" + id);
		assertThat(secret).matches("[0-9a-f]{64}");
		assertThat(project).containsEntry("name", "Support").containsEntry("enabled", true);

		String token = this.issuer.restToken((String) project.get("apiKeySid"), secret, Duration.ofMinutes(5));
		assertThat(get("/v1/calls", token).status()).isEqualTo(200);
		String signingSecret = (String) project.get("signingSecret");
		assertThat(signingSecret).matches("[0-9a-f]{64}").isNotEqualTo(secret);

		Response read = get("/v1/projects/" + id, tenant.accountToken());
		Response listed = get("/v1/projects", tenant.accountToken());
		Response updated = put("/v1/projects/" + id, tenant.accountToken(), Map.of("name", "Support"));
		Response keyRotated = post("/v1/projects/" + id + "/api-key", tenant.accountToken(), null);
		assertThat(read.map()).doesNotContainKeys("apiKeySecret", "signingSecret")
			.containsEntry("apiKeySid", project.get("apiKeySid"));
		assertThat(keyRotated.map()).doesNotContainKey("signingSecret");
		assertThat(read.body() + listed.body()).doesNotContain(secret);
		assertThat(read.body() + listed.body() + updated.body() + keyRotated.body()).doesNotContain(signingSecret);
	}

	@Test
	void updateReplacesSettingsAndADisabledProjectsTokensAreRefused() {
		TestTenants.Tenant tenant = tenant();
		String path = "/v1/projects/" + tenant.project.getId();

		Response updated = put(path, tenant.accountToken(),
				Map.of("name", "Renamed", "eventUrl", "http://example.com/events", "enabled", false));

		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.map()).containsEntry("name", "Renamed")
			.containsEntry("answerUrl", null)
			.containsEntry("eventUrl", "http://example.com/events")
			.containsEntry("enabled", false);
		Response refused = get("/v1/calls", tenant.projectToken());
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.map()).containsEntry("code", 8);
	}

	@Test
	void rotatingTheKeyAnswersTheNewSecretOnceAndOldTokensStopWorking() {
		TestTenants.Tenant tenant = tenant();
		String oldToken = tenant.projectToken();

		Response rotated = post("/v1/projects/" + tenant.project.getId() + "/api-key", tenant.accountToken(), null);

		assertThat(rotated.status()).isEqualTo(200);
		String sid = (String) rotated.map().get("apiKeySid");
		String secret = (String) rotated.map().get("apiKeySecret");
		assertThat(sid).isNotEqualTo(tenant.project.getApiKeySid());
		assertThat(get("/v1/calls", oldToken).map()).containsEntry("code", 5);
		assertThat(get("/v1/calls", this.issuer.restToken(sid, secret, Duration.ofMinutes(5))).status()).isEqualTo(200);
		assertThat(get("/v1/projects/" + tenant.project.getId(), tenant.accountToken()).body()).doesNotContain(secret);
	}

	@Test
	void rotatingTheSigningSecretChangesTheSignatureAReceiverSees() throws Exception {
		TestTenants.Tenant tenant = tenant();
		String id = tenant.project.getId();
		String oldSecret = tenant.project.getSigningSecret();
		try (WebhookReceiver receiver = new WebhookReceiver()) {
			put("/v1/projects/" + id, tenant.accountToken(), Map.of("name", "App", "eventUrl", receiver.url()));
			WebhookReceiver.Request before = firstEventOfACall(tenant, receiver);
			assertThat(signedWith(oldSecret, before)).isTrue();

			Response rotated = post("/v1/projects/" + id + "/signing-secret", tenant.accountToken(), null);

			assertThat(rotated.status()).isEqualTo(200);
			String newSecret = (String) rotated.map().get("signingSecret");
			assertThat(rotated.map()).containsEntry("projectId", id);
			assertThat(newSecret).matches("[0-9a-f]{64}").isNotEqualTo(oldSecret);
			assertThat(get("/v1/projects/" + id, tenant.accountToken()).body()).doesNotContain(newSecret);
			WebhookReceiver.Request after = firstEventOfACall(tenant, receiver);
			assertThat(signedWith(newSecret, after)).isTrue();
			assertThat(signedWith(oldSecret, after)).isFalse();
		}
	}

	@Test
	void neitherAnotherAccountNorAProjectNorNoTokenRotatesTheSigningSecret() {
		TestTenants.Tenant owner = tenant();
		TestTenants.Tenant other = tenant();
		String path = "/v1/projects/" + owner.project.getId() + "/signing-secret";

		Response refused = post(path, other.accountToken(), null);

		assertThat(refused.status()).isEqualTo(404);
		assertThat(refused.body()).doesNotContain(owner.project.getSigningSecret());
		assertThat(this.jdbc.queryForObject("SELECT signing_secret FROM project WHERE id = ?", String.class,
				owner.project.getId()))
			.isEqualTo(owner.project.getSigningSecret());
		assertThat(post(path, owner.projectToken(), null).status()).isEqualTo(403);
		assertThat(post(path, null, null).status()).isEqualTo(401);
		assertThat(this.jdbc.queryForObject("SELECT signing_secret FROM project WHERE id = ?", String.class,
				owner.project.getId()))
			.isEqualTo(owner.project.getSigningSecret());
	}

	@Test
	void clientChosenCallerNamesIsOffByDefaultAndSettable() {
		TestTenants.Tenant tenant = tenant();
		String path = "/v1/projects/" + tenant.project.getId();
		assertThat(get(path, tenant.accountToken()).map()).containsEntry("clientChosenCallerNames", false);

		Response updated = put(path, tenant.accountToken(), Map.of("name", "App", "clientChosenCallerNames", true));

		assertThat(updated.map()).containsEntry("clientChosenCallerNames", true);
		assertThat(get(path, tenant.accountToken()).map()).containsEntry("clientChosenCallerNames", true);
		assertThat(put(path, tenant.accountToken(), Map.of("name", "App")).map())
			.containsEntry("clientChosenCallerNames", false);
	}

	@ParameterizedTest
	@ValueSource(strings = { "http:///etc/passwd", "https:///", "http://", "file:///etc/passwd", "javascript:alert(1)",
			"http//example.com", "//example.com/x" })
	void refusesUrlsWithoutSchemeOrHost(String url) {
		TestTenants.Tenant tenant = tenant();
		for (String field : List.of("answerUrl", "eventUrl")) {
			Response refused = post("/v1/projects", tenant.accountToken(), Map.of("name", "x", field, url));
			assertThat(refused.status()).as(field + " " + url).isEqualTo(400);
			assertThat(refused.body()).contains("\"field\":\"" + field + "\"");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "HTTP://example.com/answer", "Https://example.com:8443/a?b=c", "http://[2606:4700::1]/x" })
	void acceptsHttpUrlsWhateverTheCaseOfTheScheme(String url) {
		TestTenants.Tenant tenant = tenant();
		Response created = post("/v1/projects", tenant.accountToken(), Map.of("name", "x", "answerUrl", url));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.map()).containsEntry("answerUrl", url);
	}

	/** Places a call that ends at once (nobody online) and returns the first event it delivers. */
	private WebhookReceiver.Request firstEventOfACall(TestTenants.Tenant tenant, WebhookReceiver receiver) {
		int before = receiver.delivered().size();
		Response made = post("/v1/calls", tenant.projectToken(), Map.of("from", "support", "to", "nobody", "actions",
				List.of(Map.of("action", "connect", "from", Map.of("type", "internal", "number", "support"), "to",
						Map.of("type", "internal", "number", "nobody")))));
		assertThat(made.status()).as(made.body()).isEqualTo(200);
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> receiver.delivered().size() > before);
		return receiver.delivered().get(before);
	}

	private static boolean signedWith(String secret, WebhookReceiver.Request request) {
		long timestamp = Long.parseLong(request.headers().get("x-oncaller-timestamp"));
		String expected = RequestSigner.headers(secret, timestamp, "POST", request.url(), request.body())
			.get(RequestSigner.SIGNATURE_HEADER);
		return expected.equals(request.headers().get("x-oncaller-signature"));
	}

	@Test
	void deleteRemovesAnUnusedProjectAndRefusesOneWithCalls() {
		TestTenants.Tenant tenant = tenant();
		String unused = (String) post("/v1/projects", tenant.accountToken(), Map.of("name", "Spare")).map().get("id");
		new CallSeeder(this.jdbc).insert(CallSeeder.row(tenant.account.getId(), tenant.project.getId(),
				java.time.Instant.now()));

		assertThat(delete("/v1/projects/" + unused, tenant.accountToken()).status()).isEqualTo(204);
		assertThat(get("/v1/projects/" + unused, tenant.accountToken()).status()).isEqualTo(404);
		Response inUse = delete("/v1/projects/" + tenant.project.getId(), tenant.accountToken());
		assertThat(inUse.status()).isEqualTo(409);
		assertThat(inUse.map()).containsEntry("code", "conflict");
		assertThat(inUse.body()).doesNotContainIgnoringCase("sql").doesNotContain("constraint");
	}

	@Test
	void invalidFieldsAreNamed() {
		TestTenants.Tenant tenant = tenant();
		assertThat(post("/v1/projects", tenant.accountToken(), Map.of("name", " ")).body()).contains("\"field\":\"name\"");
		assertThat(post("/v1/projects", tenant.accountToken(), Map.of("name", "x", "answerUrl", "ftp://example.com"))
			.body()).contains("\"field\":\"answerUrl\"");
		assertThat(post("/v1/projects", tenant.accountToken(), "{\"name\":").status()).isEqualTo(400);
	}

	@Test
	void listingPagesNewestFirst() {
		TestTenants.Tenant tenant = tenant();
		for (int i = 0; i < 4; i++) {
			post("/v1/projects", tenant.accountToken(), Map.of("name", "P" + i));
		}
		List<String> names = new java.util.ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			Response page = get("/v1/projects?limit=2" + ((cursor != null) ? "&cursor=" + cursor : ""),
					tenant.accountToken());
			page.data().forEach((project) -> names.add((String) project.get("name")));
			cursor = (String) page.map().get("nextCursor");
			pages++;
		}
		while (cursor != null);
		assertThat(names).containsExactly("P3", "P2", "P1", "P0", "App");
		assertThat(new HashSet<>(names)).hasSize(5);
		assertThat(pages).isEqualTo(3);
	}

}
