package asia.oncaller.accounts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import asia.oncaller.TestTenants;
import asia.oncaller.testsupport.RestTestSupport;
import asia.oncaller.auth.TokenIssuer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account endpoints over real HTTP: the operator creates an account (its secret answered
 * once) and tops it up once per idempotency key; the account reads its balance and pages its
 * ledger. Operator endpoints refuse any other credential with 401.
 */
class AccountApiIntegrationTests extends RestTestSupport {

	@Autowired
	TokenIssuer issuer;

	@Test
	void operatorCreatesAnAccountWhoseSecretSignsItsTokens() {
		Response created = post("/v1/accounts", TestTenants.OPERATOR_TOKEN, Map.of("name", "Acme", "currency", "EUR"));

		assertThat(created.status()).isEqualTo(201);
		String id = (String) created.map().get("id");
		String secret = (String) created.map().get("secret");
		String token = this.issuer.restToken(id, secret, Duration.ofMinutes(5));
		Response account = get("/v1/account", token);
		assertThat(account.map()).containsEntry("id", id)
			.containsEntry("balance", "0.000000")
			.containsEntry("currency", "EUR")
			.containsEntry("status", "ACTIVE")
			.doesNotContainKey("secret");
		assertThat(account.body()).doesNotContain(secret);
	}

	@Test
	void topUpCreditsOncePerIdempotencyKey() {
		TestTenants.Tenant tenant = tenant();
		String path = "/v1/accounts/" + tenant.account.getId() + "/top-ups";

		Response first = post(path, TestTenants.OPERATOR_TOKEN, Map.of("amount", "25.50", "idempotencyKey", "inv-1"));
		Response again = post(path, TestTenants.OPERATOR_TOKEN, Map.of("amount", 25.5, "idempotencyKey", "inv-1"));
		Response otherAmount = post(path, TestTenants.OPERATOR_TOKEN,
				Map.of("amount", "30", "idempotencyKey", "inv-1"));

		assertThat(first.status()).isEqualTo(201);
		assertThat(first.map()).containsEntry("kind", "TOP_UP")
			.containsEntry("amount", "25.500000")
			.containsEntry("balanceAfter", "25.500000");
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.map()).containsEntry("id", first.map().get("id"));
		assertThat(otherAmount.status()).isEqualTo(409);
		assertThat(get("/v1/account", tenant.accountToken()).map()).containsEntry("balance", "25.500000");
	}

	@Test
	void topUpChecksAccountAndAmount() {
		String token = TestTenants.OPERATOR_TOKEN;
		assertThat(post("/v1/accounts/AC" + "0".repeat(32) + "/top-ups", token,
				Map.of("amount", "1", "idempotencyKey", "k")).status()).isEqualTo(404);
		String path = "/v1/accounts/" + tenant().account.getId() + "/top-ups";
		assertThat(post(path, token, Map.of("amount", "0", "idempotencyKey", "k")).body())
			.contains("\"field\":\"amount\"");
		assertThat(post(path, token, Map.of("amount", "1.0000001", "idempotencyKey", "k")).body())
			.contains("\"field\":\"amount\"");
		assertThat(post(path, token, Map.of("amount", "1")).body()).contains("\"field\":\"idempotencyKey\"");
	}

	@Test
	void operatorEndpointsRefuseEveryOtherCredential() {
		TestTenants.Tenant tenant = tenant();
		Map<String, Object> body = Map.of("name", "Acme", "currency", "USD");
		assertThat(post("/v1/accounts", null, body).map()).containsEntry("status", 401).containsEntry("code", 1);
		assertThat(post("/v1/accounts", "wrong-operator-token", body).map()).containsEntry("code", 6);
		assertThat(post("/v1/accounts", tenant.accountToken(), body).map()).containsEntry("code", 6);
		assertThat(post("/v1/accounts/" + tenant.account.getId() + "/top-ups", tenant.accountToken(),
				Map.of("amount", "1000", "idempotencyKey", "self-service")).status()).isEqualTo(401);
	}

	@Test
	void ledgerPagesNewestFirst() {
		TestTenants.Tenant tenant = tenant();
		for (int i = 1; i <= 5; i++) {
			post("/v1/accounts/" + tenant.account.getId() + "/top-ups", TestTenants.OPERATOR_TOKEN,
					Map.of("amount", i, "idempotencyKey", "k" + i));
		}
		List<Object> amounts = new ArrayList<>();
		String cursor = null;
		do {
			Response page = get("/v1/account/transactions?limit=2" + ((cursor != null) ? "&cursor=" + cursor : ""),
					tenant.accountToken());
			page.data().forEach((row) -> amounts.add(row.get("amount")));
			cursor = (String) page.map().get("nextCursor");
		}
		while (cursor != null);
		assertThat(amounts).containsExactly("5.000000", "4.000000", "3.000000", "2.000000", "1.000000");
		assertThat(get("/v1/account/transactions?cursor=x.y", tenant.accountToken()).status()).isEqualTo(400);
	}

}
