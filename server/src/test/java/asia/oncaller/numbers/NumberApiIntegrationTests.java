package asia.oncaller.numbers;

import java.util.HashMap;
import java.util.Map;

import asia.oncaller.TestTenants;
import asia.oncaller.testsupport.RestTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /v1/numbers} over real HTTP: create, read, replace and release a number; E.164 checked
 * and named; a number taken anywhere in the system is a 409; a project or trunk that is not the
 * account's is refused exactly as one that does not exist.
 */
class NumberApiIntegrationTests extends RestTestSupport {

	@Test
	void numberIsCreatedReadUpdatedAndReleased() {
		TestTenants.Tenant tenant = tenant();
		String token = tenant.accountToken();
		String number = TestTenants.freshNumber();
		Response created = post("/v1/numbers", token, Map.of("number", number, "projectId", tenant.project.getId()));
		assertThat(created.status()).isEqualTo(201);
		String id = (String) created.map().get("id");
		assertThat(created.map()).containsEntry("number", number).containsEntry("projectId", tenant.project.getId());

		String trunkId = (String) post("/v1/sip-trunks", token,
				Map.of("name", "T", "host", "sip.example.com", "port", 5060, "transport", "UDP")).map().get("id");
		Response updated = put("/v1/numbers/" + id, token,
				Map.of("trunkId", trunkId, "answerUrl", "https://example.com/in"));
		assertThat(updated.map()).containsEntry("projectId", null)
			.containsEntry("trunkId", trunkId)
			.containsEntry("answerUrl", "https://example.com/in")
			.containsEntry("number", number);
		assertThat(get("/v1/numbers", token).data()).extracting((n) -> n.get("id")).containsExactly(id);

		assertThat(delete("/v1/numbers/" + id, token).status()).isEqualTo(204);
		assertThat(get("/v1/numbers/" + id, token).status()).isEqualTo(404);
	}

	@Test
	void numbersMustBeE164() {
		String token = tenant().accountToken();
		for (String bad : new String[] { "441234567", "+0441234567", "+1234567890123456", "+44 20 7123", "" }) {
			Response response = post("/v1/numbers", token, Map.of("number", bad));
			assertThat(response.status()).as(bad).isEqualTo(400);
			assertThat(response.body()).contains("\"field\":\"number\"");
		}
	}

	@Test
	void aNumberTakenAnywhereIsAConflict() {
		String number = TestTenants.freshNumber();
		assertThat(post("/v1/numbers", tenant().accountToken(), Map.of("number", number)).status()).isEqualTo(201);
		TestTenants.Tenant other = tenant();
		Response taken = post("/v1/numbers", other.accountToken(), Map.of("number", number));
		assertThat(taken.status()).isEqualTo(409);
		assertThat(taken.map()).containsEntry("code", "conflict");
	}

	@Test
	void anotherAccountsProjectOrTrunkIsAsUnknownAsNone() {
		TestTenants.Tenant mine = tenant();
		TestTenants.Tenant theirs = tenant();
		String theirTrunk = (String) post("/v1/sip-trunks", theirs.accountToken(),
				Map.of("name", "T", "host", "10.0.0.1", "port", 5060, "transport", "TCP")).map().get("id");

		Map<String, Object> foreignProject = body("projectId", theirs.project.getId());
		Map<String, Object> missingProject = body("projectId", "PJ" + "0".repeat(32));
		Response foreign = post("/v1/numbers", mine.accountToken(), foreignProject);
		Response missing = post("/v1/numbers", mine.accountToken(), missingProject);
		assertThat(foreign.status()).isEqualTo(422);
		assertThat(foreign.map()).containsEntry("code", "unknown-reference");
		assertThat(withoutInstance(foreign)).isEqualTo(withoutInstance(missing));
		assertThat(post("/v1/numbers", mine.accountToken(), body("trunkId", theirTrunk)).status()).isEqualTo(422);
	}

	private static Map<String, Object> body(String key, String value) {
		Map<String, Object> body = new HashMap<>();
		body.put("number", TestTenants.freshNumber());
		body.put(key, value);
		return body;
	}

	static Map<String, Object> withoutInstance(Response response) {
		Map<String, Object> map = new HashMap<>(response.map());
		map.remove("instance");
		return map;
	}

}
