package asia.oncaller.trunks;

import asia.oncaller.TestTenants;
import asia.oncaller.testsupport.RestTestSupport;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /v1/sip-trunks} over real HTTP: credentials are stored but never answered, kept or
 * cleared on a replace as asked; port, transport and credential pairing are checked and named;
 * a trunk a number uses cannot be deleted.
 */
class SipTrunkApiIntegrationTests extends RestTestSupport {

	@Test
	void credentialsGoInAndNeverComeOut() {
		String token = tenant().accountToken();
		Response created = post("/v1/sip-trunks", token, trunk(Map.of("username", "trunk-user-81", "password",
				"trunk-password-93")));

		assertThat(created.status()).isEqualTo(201);
		String id = (String) created.map().get("id");
		assertThat(created.map()).containsEntry("hasCredentials", true)
			.containsEntry("port", 5061)
			.containsEntry("transport", "TLS")
			.doesNotContainKeys("username", "password");
		String everything = created.body() + get("/v1/sip-trunks/" + id, token).body()
				+ get("/v1/sip-trunks", token).body();
		assertThat(everything).doesNotContain("trunk-user-81").doesNotContain("trunk-password-93");
	}

	@Test
	void replaceKeepsCredentialsUnlessReplacedOrCleared() {
		String token = tenant().accountToken();
		String id = (String) post("/v1/sip-trunks", token, trunk(Map.of("username", "u", "password", "p"))).map()
			.get("id");
		String path = "/v1/sip-trunks/" + id;

		Response kept = put(path, token, trunk(Map.of("host", "sip2.example.com", "port", 5080)));
		assertThat(kept.map()).containsEntry("hasCredentials", true)
			.containsEntry("host", "sip2.example.com")
			.containsEntry("port", 5080);
		assertThat(put(path, token, trunk(Map.of("clearCredentials", true))).map()).containsEntry("hasCredentials",
				false);
		assertThat(put(path, token, trunk(Map.of("username", "u2", "password", "p2", "enabled", false))).map())
			.containsEntry("hasCredentials", true)
			.containsEntry("enabled", false);
	}

	@Test
	void invalidFieldsAreNamed() {
		String token = tenant().accountToken();
		assertThat(field(post("/v1/sip-trunks", token, trunk(Map.of("port", 0))))).isEqualTo("port");
		assertThat(field(post("/v1/sip-trunks", token, trunk(Map.of("port", 65536))))).isEqualTo("port");
		assertThat(field(post("/v1/sip-trunks", token, trunk(Map.of("transport", "SCTP"))))).isEqualTo("transport");
		assertThat(field(post("/v1/sip-trunks", token, trunk(Map.of("host", "http://x/y"))))).isEqualTo("host");
		assertThat(field(post("/v1/sip-trunks", token, trunk(Map.of("username", "only"))))).isEqualTo("password");
		assertThat(field(post("/v1/sip-trunks", token, trunk(Map.of("password", "only"))))).isEqualTo("username");
	}

	@Test
	void trunkInUseByANumberCannotBeDeleted() {
		String token = tenant().accountToken();
		String id = (String) post("/v1/sip-trunks", token, trunk(Map.of())).map().get("id");
		post("/v1/numbers", token, Map.of("number", TestTenants.freshNumber(), "trunkId", id));

		assertThat(delete("/v1/sip-trunks/" + id, token).status()).isEqualTo(409);
		String spare = (String) post("/v1/sip-trunks", token, trunk(Map.of())).map().get("id");
		assertThat(delete("/v1/sip-trunks/" + spare, token).status()).isEqualTo(204);
	}

	private static Map<String, Object> trunk(Map<String, Object> overrides) {
		Map<String, Object> trunk = new HashMap<>(
				Map.of("name", "Carrier", "host", "sip.example.com", "port", 5061, "transport", "TLS"));
		trunk.putAll(overrides);
		return trunk;
	}

	@SuppressWarnings("unchecked")
	private static String field(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		return (String) ((java.util.List<Map<String, Object>>) response.map().get("errors")).get(0).get("field");
	}

}
