package asia.oncaller.billing;

import asia.oncaller.testsupport.RestTestSupport;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /v1/rates} over real HTTP: a rate is created in the account's currency with money as
 * decimal strings, repriced and deleted; one per type and prefix (409); invalid fields named.
 */
class RateApiIntegrationTests extends RestTestSupport {

	@Test
	void rateIsCreatedRepricedAndDeleted() {
		String token = tenant().accountToken();
		Response created = post("/v1/rates", token, rate(Map.of()));
		assertThat(created.status()).isEqualTo(201);
		String id = (String) created.map().get("id");
		assertThat(created.map()).containsEntry("callType", "EXTERNAL")
			.containsEntry("prefix", "44")
			.containsEntry("pricePerMinute", "0.012000")
			.containsEntry("connectionFee", "0.000000")
			.containsEntry("currency", "USD");

		Response repriced = put("/v1/rates/" + id, token,
				Map.of("pricePerMinute", "0.02", "billingIncrementSeconds", 6, "connectionFee", 0.1));
		assertThat(repriced.map()).containsEntry("pricePerMinute", "0.020000")
			.containsEntry("billingIncrementSeconds", 6)
			.containsEntry("connectionFee", "0.100000")
			.containsEntry("prefix", "44");
		assertThat(get("/v1/rates", token).data()).hasSize(1);
		assertThat(delete("/v1/rates/" + id, token).status()).isEqualTo(204);
		assertThat(get("/v1/rates/" + id, token).status()).isEqualTo(404);
	}

	@Test
	void oneRatePerTypeAndPrefix() {
		String token = tenant().accountToken();
		assertThat(post("/v1/rates", token, rate(Map.of())).status()).isEqualTo(201);
		assertThat(post("/v1/rates", token, rate(Map.of("pricePerMinute", 1))).status()).isEqualTo(409);
		assertThat(post("/v1/rates", token, rate(Map.of("callType", "INTERNAL"))).status()).isEqualTo(201);
	}

	@Test
	void invalidFieldsAreNamed() {
		String token = tenant().accountToken();
		assertThat(post("/v1/rates", token, rate(Map.of("prefix", "4a"))).body()).contains("\"field\":\"prefix\"");
		assertThat(post("/v1/rates", token, rate(Map.of("pricePerMinute", -1))).body())
			.contains("\"field\":\"pricePerMinute\"");
		assertThat(post("/v1/rates", token, rate(Map.of("billingIncrementSeconds", 0))).body())
			.contains("\"field\":\"billingIncrementSeconds\"");
		assertThat(post("/v1/rates", token, rate(Map.of("callType", "SMS"))).body()).contains("\"field\":\"callType\"");
	}

	private static Map<String, Object> rate(Map<String, Object> overrides) {
		Map<String, Object> rate = new HashMap<>(Map.of("callType", "EXTERNAL", "prefix", "44", "pricePerMinute",
				"0.012", "billingIncrementSeconds", 60));
		rate.putAll(overrides);
		return rate;
	}

}
