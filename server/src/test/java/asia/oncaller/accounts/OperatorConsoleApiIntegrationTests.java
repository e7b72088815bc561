package asia.oncaller.accounts;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import asia.oncaller.TestTenants;
import asia.oncaller.testsupport.RestTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the console's operator sign-in uses, over real HTTP: the operator pages through the
 * accounts (never their secrets) and gets a 15-minute account REST token for the one picked,
 * which acts as that account and no other; no account token can do either.
 */
class OperatorConsoleApiIntegrationTests extends RestTestSupport {

	@Test
	void operatorPagesThroughEveryAccountWithoutSecrets() {
		List<TestTenants.Tenant> created = List.of(tenant(), tenant(), tenant());
		List<Object> seen = new ArrayList<>();
		String cursor = null;
		do {
			Response page = get("/v1/accounts?limit=2" + ((cursor != null) ? "&cursor=" + cursor : ""),
					TestTenants.OPERATOR_TOKEN);
			assertThat(page.status()).isEqualTo(200);
			assertThat(page.data()).hasSizeLessThanOrEqualTo(2).allSatisfy((account) -> assertThat(account)
				.containsKeys("id", "name", "balance", "currency", "status")
				.doesNotContainKey("secret"));
			created.forEach((tenant) -> assertThat(page.body()).doesNotContain(tenant.account.getSecret()));
			page.data().forEach((account) -> seen.add(account.get("id")));
			cursor = (String) page.map().get("nextCursor");
		}
		while (cursor != null);
		assertThat(seen).doesNotHaveDuplicates()
			.containsAll(created.stream().map((tenant) -> (Object) tenant.account.getId()).toList());
		assertThat(seen).isSortedAccordingTo((a, b) -> ((String) a).compareTo((String) b));
	}

	@Test
	void aMintedTokenActsAsThePickedAccountForFifteenMinutes() {
		TestTenants.Tenant picked = tenant();
		TestTenants.Tenant other = tenant();

		Response minted = post("/v1/accounts/" + picked.account.getId() + "/tokens", TestTenants.OPERATOR_TOKEN, null);

		assertThat(minted.status()).isEqualTo(200);
		String token = (String) minted.map().get("token");
		assertThat(get("/v1/account", token).map()).containsEntry("id", picked.account.getId());
		Map<String, Object> claims = claims(token);
		long lifetime = ((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue();
		assertThat(lifetime).isEqualTo(15 * 60);
		assertThat(claims).containsEntry("iss", picked.account.getId()).containsEntry("rest_api", true);
		assertThat(minted.body()).doesNotContain(picked.account.getSecret());
		assertThat(get("/v1/calls/call-of-" + other.account.getId(), token).status()).isEqualTo(404);
	}

	@Test
	void noAccountTokenListsAccountsOrMintsTokens() {
		TestTenants.Tenant tenant = tenant();
		String mint = "/v1/accounts/" + tenant.account.getId() + "/tokens";
		assertThat(get("/v1/accounts", tenant.accountToken()).status()).isEqualTo(401);
		assertThat(get("/v1/accounts", null).status()).isEqualTo(401);
		assertThat(post(mint, tenant.accountToken(), null).status()).isEqualTo(401);
		assertThat(post(mint, tenant.projectToken(), null).status()).isEqualTo(401);
		assertThat(post("/v1/accounts/AC" + "0".repeat(32) + "/tokens", TestTenants.OPERATOR_TOKEN, null).status())
			.isEqualTo(404);
		assertThat(get("/v1/accounts?cursor=x.y", TestTenants.OPERATOR_TOKEN).status()).isEqualTo(400);
		assertThat(get("/v1/accounts?limit=101", TestTenants.OPERATOR_TOKEN).status()).isEqualTo(400);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> claims(String token) {
		String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
		return this.json.readValue(payload, Map.class);
	}

}
