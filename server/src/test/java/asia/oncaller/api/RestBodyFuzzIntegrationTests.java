package asia.oncaller.api;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import asia.oncaller.AccountRows;
import asia.oncaller.HostileJson;
import asia.oncaller.PropertyContext;
import asia.oncaller.TestTenants;
import asia.oncaller.testsupport.RestTestSupport;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeProperty;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed bodies to every POST and PUT under {@code /v1} that reads one, each with a valid
 * token for it (account, project or operator): JSON that is not an object, broken JSON, invalid
 * UTF-8, deep nesting, and objects with a field that no value of its type can be read from. Each
 * gets a 4xx problem+json, never a 5xx, and the account's rows and the number of accounts stay
 * the same.
 */
class RestBodyFuzzIntegrationTests extends RestTestSupport {

	private static final List<String> PROJECT = List.of("name", "answerUrl", "eventUrl", "enabled");

	private static final List<String> TRUNK = List.of("name", "host", "port", "transport", "username", "password",
			"clearCredentials", "enabled", "dtmfMode");

	private static final List<String> VERB = List.of("userId", "info", "digits", "hold", "toUserId");

	/** Each endpoint, the token it takes, and a field that must hold a string, number or boolean. */
	private static final List<Endpoint> ENDPOINTS = List.of(
			new Endpoint(HttpMethod.POST, "/v1/projects", Token.ACCOUNT, "name", PROJECT),
			new Endpoint(HttpMethod.PUT, "/v1/projects/{project}", Token.ACCOUNT, "name", PROJECT),
			new Endpoint(HttpMethod.POST, "/v1/numbers", Token.ACCOUNT, "number",
					List.of("number", "projectId", "answerUrl", "eventUrl", "trunkId")),
			new Endpoint(HttpMethod.PUT, "/v1/numbers/{number}", Token.ACCOUNT, "projectId",
					List.of("projectId", "answerUrl", "eventUrl", "trunkId")),
			new Endpoint(HttpMethod.POST, "/v1/rates", Token.ACCOUNT, "prefix",
					List.of("callType", "prefix", "pricePerMinute", "billingIncrementSeconds", "connectionFee")),
			new Endpoint(HttpMethod.PUT, "/v1/rates/{rate}", Token.ACCOUNT, "pricePerMinute",
					List.of("pricePerMinute", "billingIncrementSeconds", "connectionFee")),
			new Endpoint(HttpMethod.POST, "/v1/sip-trunks", Token.ACCOUNT, "name", TRUNK),
			new Endpoint(HttpMethod.PUT, "/v1/sip-trunks/{trunk}", Token.ACCOUNT, "name", TRUNK),
			new Endpoint(HttpMethod.POST, "/v1/calls", Token.PROJECT, "from",
					List.of("from", "to", "answerUrl", "actions", "isVideoCall", "custom")),
			new Endpoint(HttpMethod.POST, "/v1/calls/call-x/ringing", Token.PROJECT, "userId", VERB),
			new Endpoint(HttpMethod.POST, "/v1/calls/call-x/answer", Token.PROJECT, "userId", VERB),
			new Endpoint(HttpMethod.POST, "/v1/calls/call-x/reject", Token.PROJECT, "userId", VERB),
			new Endpoint(HttpMethod.POST, "/v1/calls/call-x/hangup", Token.PROJECT, "userId", VERB),
			new Endpoint(HttpMethod.POST, "/v1/calls/call-x/info", Token.PROJECT, "userId", VERB),
			new Endpoint(HttpMethod.POST, "/v1/calls/call-x/dtmf", Token.PROJECT, "userId", VERB),
			new Endpoint(HttpMethod.POST, "/v1/calls/call-x/hold", Token.PROJECT, "userId", VERB),
			new Endpoint(HttpMethod.POST, "/v1/calls/call-x/transfer", Token.PROJECT, "userId", VERB),
			new Endpoint(HttpMethod.POST, "/v1/accounts", Token.OPERATOR, "name", List.of("name", "currency")),
			new Endpoint(HttpMethod.POST, "/v1/accounts/{account}/top-ups", Token.OPERATOR, "idempotencyKey",
					List.of("amount", "idempotencyKey")),
			new Endpoint(HttpMethod.PUT, "/v1/accounts/{account}/limits", Token.OPERATOR, "callsAtOnce",
					List.of("callAttemptsPerSecond", "callsAtOnce")));

	@Autowired
	JdbcTemplate jdbc;

	private TestTenants.Tenant tenant;

	private Map<String, String> ids;

	@BeforeProperty
	void tenantWithOneOfEverything() throws Exception {
		PropertyContext.inject(this);
		this.tenant = tenant(new BigDecimal("10.00"));
		// Limits of its own, so that a body wrongly taken as "back to the defaults" changes the row.
		this.tenants.limitCalls(this.tenant.project, 7, 9);
		String token = this.tenant.accountToken();
		this.ids = Map.of("{account}", this.tenant.account.getId(), "{project}", this.tenant.project.getId(),
				"{trunk}", id(post("/v1/sip-trunks", token,
						Map.of("name", "Trunk", "host", "sip.fuzz.example", "port", 5060, "transport", "UDP"))),
				"{number}", id(post("/v1/numbers", token, Map.of("number", TestTenants.freshNumber()))),
				"{rate}", id(post("/v1/rates", token, Map.of("callType", "EXTERNAL", "prefix", "44", "pricePerMinute",
						"0.01", "billingIncrementSeconds", 60))));
	}

	@Property(tries = 150)
	void malformedBodyGetsAProblemAndChangesNothing(@ForAll("requests") Request request) {
		List<String> rowsBefore = AccountRows.of(this.jdbc, this.tenant.account.getId());
		int accountsBefore = accounts();
		Endpoint endpoint = request.endpoint();
		Response response = exchange(endpoint.method(), path(endpoint), token(endpoint), request.body(),
				MediaType.APPLICATION_JSON);
		assertThat(response.status()).as("%s", response).isBetween(400, 499);
		assertThat(response.contentType()).as("%s", response).startsWith("application/problem+json");
		ProblemDetailsIntegrationTests.assertNothingInternal(response);
		assertThat(AccountRows.of(this.jdbc, this.tenant.account.getId())).isEqualTo(rowsBefore);
		assertThat(accounts()).isEqualTo(accountsBefore);
	}

	@Provide
	Arbitrary<Request> requests() {
		return Arbitraries.of(ENDPOINTS).flatMap((endpoint) -> {
			Arbitrary<Map<String, Object>> objects = HostileJson.objects(endpoint.fields());
			Arbitrary<byte[]> poisoned = Combinators.combine(objects, HostileJson.containers())
				.as((object, container) -> {
					Map<String, Object> body = new LinkedHashMap<>(object);
					body.put(endpoint.poison(), container);
					return HostileJson.write(body);
				});
			return Arbitraries.oneOf(poisoned, HostileJson.notObjects(objects))
				.map((body) -> new Request(endpoint, body));
		});
	}

	private String path(Endpoint endpoint) {
		String path = endpoint.path();
		for (Map.Entry<String, String> id : this.ids.entrySet()) {
			path = path.replace(id.getKey(), id.getValue());
		}
		return path;
	}

	private String token(Endpoint endpoint) {
		return switch (endpoint.token()) {
			case ACCOUNT -> this.tenant.accountToken();
			case PROJECT -> this.tenant.projectToken();
			case OPERATOR -> TestTenants.OPERATOR_TOKEN;
		};
	}

	private int accounts() {
		return this.jdbc.queryForObject("SELECT count(*) FROM account", Integer.class);
	}

	private static String id(Response created) {
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		return (String) created.map().get("id");
	}

	enum Token {

		ACCOUNT, PROJECT, OPERATOR

	}

	/**
	 * An endpoint that reads a body; {@code poison} is a field of a string, number or boolean
	 * type, which makes any object that holds an array or object there malformed.
	 */
	record Endpoint(HttpMethod method, String path, Token token, String poison, List<String> fields) {

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

	/** An endpoint and a body for it. */
	record Request(Endpoint endpoint, byte[] body) {

		/** The endpoint and the start of the body: jqwik reports a failing sample by it. */
		@Override
		public String toString() {
			return this.endpoint + " " + new String(this.body, 0, Math.min(this.body.length, 300), StandardCharsets.UTF_8);
		}

	}

}
