package asia.oncaller.accounts;

import java.util.HashMap;
import java.util.Map;

import asia.oncaller.TestTenants;
import asia.oncaller.testsupport.RestTestSupport;
import asia.oncaller.tenant.Account;
import asia.oncaller.tenant.AccountRepository;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code PUT /v1/accounts/{id}/limits} over real HTTP: the operator sets an account's call limits
 * and the account reads them in {@code GET /v1/account}; no account token, its own or another's,
 * can set them; a bad body is a 400 problem that changes nothing.
 */
class AccountLimitsApiIntegrationTests extends RestTestSupport {

	@Autowired
	AccountRepository accounts;

	@Test
	void operatorSetsTheCallLimitsTheAccountReads() {
		TestTenants.Tenant tenant = tenant();
		String path = "/v1/accounts/" + tenant.account.getId() + "/limits";

		Response set = put(path, TestTenants.OPERATOR_TOKEN, Map.of("callAttemptsPerSecond", 3, "callsAtOnce", 7));

		assertThat(set.status()).isEqualTo(200);
		assertThat(set.map()).isEqualTo(Map.of("callAttemptsPerSecond", 3, "callsAtOnce", 7));
		assertThat(get("/v1/account", tenant.accountToken()).map()).containsEntry("limits",
				Map.of("callAttemptsPerSecond", 3, "callsAtOnce", 7));
		Map<String, Object> oneDefault = new HashMap<>();
		oneDefault.put("callAttemptsPerSecond", null);
		oneDefault.put("callsAtOnce", 9);
		assertThat(put(path, TestTenants.OPERATOR_TOKEN, oneDefault).map())
			.isEqualTo(Map.of("callAttemptsPerSecond", 200, "callsAtOnce", 9));
		assertThat(put(path, TestTenants.OPERATOR_TOKEN, Map.of()).map())
			.isEqualTo(Map.of("callAttemptsPerSecond", 200, "callsAtOnce", 1000));
		assertThat(stored(tenant).getCallsAtOnce()).isNull();
	}

	@Test
	void noAccountTokenSetsCallLimits() {
		TestTenants.Tenant tenant = tenant();
		TestTenants.Tenant other = tenant();
		String path = "/v1/accounts/" + tenant.account.getId() + "/limits";
		Map<String, Object> body = Map.of("callAttemptsPerSecond", 100000, "callsAtOnce", 100000);

		assertThat(put(path, tenant.accountToken(), body).map()).containsEntry("status", 401).containsEntry("code", 6);
		assertThat(put(path, other.accountToken(), body).map()).containsEntry("status", 401).containsEntry("code", 6);
		assertThat(put(path, tenant.projectToken(), body).status()).isEqualTo(401);
		assertThat(put(path, null, body).map()).containsEntry("code", 1);
		assertThat(stored(tenant).getCallsAtOnce()).isNull();
		assertThat(stored(tenant).getCallAttemptsPerSecond()).isNull();
	}

	@Test
	void badLimitsAreA400ProblemAndChangeNothing() {
		TestTenants.Tenant tenant = tenant();
		String path = "/v1/accounts/" + tenant.account.getId() + "/limits";
		put(path, TestTenants.OPERATOR_TOKEN, Map.of("callAttemptsPerSecond", 4, "callsAtOnce", 6));

		Map<String, String> fieldOf = Map.of("{\"callsAtOnce\":0}", "callsAtOnce", "{\"callAttemptsPerSecond\":-1}",
				"callAttemptsPerSecond", "{\"callsAtOnce\":1000001}", "callsAtOnce", "{\"callsAtOnce\":\"many\"}",
				"callsAtOnce", "{\"callAttemptsPerSecond\":[2]}", "callAttemptsPerSecond");
		fieldOf.forEach((body, field) -> {
			Response answer = put(path, TestTenants.OPERATOR_TOKEN, body);
			assertThat(answer.status()).as(body).isEqualTo(400);
			assertThat(answer.contentType()).isEqualTo("application/problem+json");
			assertThat(answer.map()).as(body).containsEntry("code", "invalid-request");
			assertThat(answer.body()).as(body).contains("\"field\":\"" + field + "\"");
		});
		for (String body : new String[] { "not json", "[1,2]", "" }) {
			Response answer = put(path, TestTenants.OPERATOR_TOKEN, body);
			assertThat(answer.status()).as(body).isEqualTo(400);
			assertThat(answer.map()).as(body).containsEntry("code", "invalid-request");
		}
		assertThat(put("/v1/accounts/AC" + "0".repeat(32) + "/limits", TestTenants.OPERATOR_TOKEN,
				Map.of("callsAtOnce", 6)).status()).isEqualTo(404);
		assertThat(stored(tenant).getCallAttemptsPerSecond()).isEqualTo(4);
		assertThat(stored(tenant).getCallsAtOnce()).isEqualTo(6);
	}

	private Account stored(TestTenants.Tenant tenant) {
		return this.accounts.findById(tenant.account.getId()).orElseThrow();
	}

}
