package asia.oncaller.api;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import asia.oncaller.TestTenants;
import asia.oncaller.auth.TokenIssuer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /v1/projects} over real HTTP: the API key secret appears in the create and rotate
 * answers only, tokens follow the key and the enabled flag, unused projects delete and used ones
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

		Response read = get("/v1/projects/" + id, tenant.accountToken());
		Response listed = get("/v1/projects", tenant.accountToken());
		assertThat(read.map()).doesNotContainKey("apiKeySecret").containsEntry("apiKeySid", project.get("apiKeySid"));
		assertThat(read.body() + listed.body()).doesNotContain(secret);
		String token = this.issuer.restToken((String) project.get("apiKeySid"), secret, Duration.ofMinutes(5));
		assertThat(get("/v1/calls", token).status()).isEqualTo(200);
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
