package asia.oncaller.api;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import asia.oncaller.TestTenants;
import asia.oncaller.records.CallSeeder;
import asia.oncaller.tenant.ProjectRepository;
import asia.oncaller.testsupport.RestTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Account A's tokens against every endpoint that takes an id, with account B's ids: each answer
 * is the 404 a missing id gets, field for field; A's listings and exports hold nothing of B; and
 * B's data is unchanged afterwards. Nothing leaks and nothing can be inferred.
 */
class IsolationMatrixIntegrationTests extends RestTestSupport {

	private static final String MISSING = "0".repeat(32);

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ProjectRepository projects;

	TestTenants.Tenant a;

	TestTenants.Tenant b;

	Map<String, String> bIds = new HashMap<>();

	@BeforeEach
	void twoAccountsWithOneOfEverything() {
		this.a = tenant();
		this.b = tenant();
		String token = this.b.accountToken();
		this.bIds.put("project", this.b.project.getId());
		this.bIds.put("trunk", (String) post("/v1/sip-trunks", token,
				Map.of("name", "B trunk", "host", "sip.b.example", "port", 5060, "transport", "UDP")).map().get("id"));
		this.bIds.put("number", (String) post("/v1/numbers", token,
				Map.of("number", TestTenants.freshNumber())).map().get("id"));
		this.bIds.put("rate", (String) post("/v1/rates", token,
				Map.of("callType", "EXTERNAL", "prefix", "1", "pricePerMinute", "0.01", "billingIncrementSeconds", 60))
			.map()
			.get("id"));
		CallSeeder.Row call = CallSeeder.row(this.b.account.getId(), this.b.project.getId(), Instant.now())
			.status("RINGING");
		call.endedAt = null;
		call.answeredAt = null;
		new CallSeeder(this.jdbc).insert(call);
		this.bIds.put("call", call.id);
	}

	/** method, path with {id}, kind of id, which of A's tokens, body. */
	private Stream<Object[]> endpoints() {
		Map<String, Object> project = Map.of("name", "Taken over");
		Map<String, Object> number = Map.of();
		Map<String, Object> trunk = Map.of("name", "X", "host", "sip.x.example", "port", 5060, "transport", "TCP");
		Map<String, Object> rate = Map.of("pricePerMinute", "9", "billingIncrementSeconds", 1);
		Map<String, Object> acting = Map.of("userId", "alice", "digits", "1", "hold", true, "info", Map.of(),
				"toUserId", "bob");
		Stream<Object[]> management = Stream.of(new Object[] { HttpMethod.GET, "/v1/projects/{id}", "project", "account", null },
				new Object[] { HttpMethod.PUT, "/v1/projects/{id}", "project", "account", project },
				new Object[] { HttpMethod.DELETE, "/v1/projects/{id}", "project", "account", null },
				new Object[] { HttpMethod.POST, "/v1/projects/{id}/api-key", "project", "account", null },
				new Object[] { HttpMethod.GET, "/v1/numbers/{id}", "number", "account", null },
				new Object[] { HttpMethod.PUT, "/v1/numbers/{id}", "number", "account", number },
				new Object[] { HttpMethod.DELETE, "/v1/numbers/{id}", "number", "account", null },
				new Object[] { HttpMethod.GET, "/v1/sip-trunks/{id}", "trunk", "account", null },
				new Object[] { HttpMethod.PUT, "/v1/sip-trunks/{id}", "trunk", "account", trunk },
				new Object[] { HttpMethod.DELETE, "/v1/sip-trunks/{id}", "trunk", "account", null },
				new Object[] { HttpMethod.GET, "/v1/rates/{id}", "rate", "account", null },
				new Object[] { HttpMethod.PUT, "/v1/rates/{id}", "rate", "account", rate },
				new Object[] { HttpMethod.DELETE, "/v1/rates/{id}", "rate", "account", null },
				new Object[] { HttpMethod.GET, "/v1/calls/{id}", "call", "account", null },
				new Object[] { HttpMethod.GET, "/v1/calls/{id}", "call", "project", null });
		Stream<Object[]> verbs = Stream.of("ringing", "answer", "reject", "hangup", "info", "dtmf", "hold", "transfer")
			.map((verb) -> new Object[] { HttpMethod.POST, "/v1/calls/{id}/" + verb, "call", "project", acting });
		return Stream.concat(management, verbs);
	}

	@Test
	void everyEndpointAnswersAnotherAccountsIdExactlyAsAMissingOne() {
		List<Object[]> all = endpoints().toList();
		assertThat(all).hasSize(23);
		for (Object[] endpoint : all) {
			HttpMethod method = (HttpMethod) endpoint[0];
			String template = (String) endpoint[1];
			String kind = (String) endpoint[2];
			String token = "account".equals(endpoint[3]) ? this.a.accountToken() : this.a.projectToken();
			Object body = endpoint[4];
			String theirs = this.bIds.get(kind);
			String missing = theirs.substring(0, theirs.length() - 32) + MISSING;

			Response foreign = exchange(method, template.replace("{id}", theirs), token, body, MediaType.APPLICATION_JSON);
			Response absent = exchange(method, template.replace("{id}", missing), token, body, MediaType.APPLICATION_JSON);

			String label = method + " " + template;
			assertThat(foreign.status()).as(label).isEqualTo(404);
			assertThat(comparable(foreign, theirs)).as(label).isEqualTo(comparable(absent, missing));
			assertThat(foreign.body()).as(label).doesNotContain(this.b.account.getId());
		}
		assertUnchanged();
	}

	@Test
	void listingsAndExportsHoldNothingOfAnotherAccount() {
		String account = this.a.accountToken();
		String project = this.a.projectToken();
		List<Response> answers = List.of(get("/v1/projects", account), get("/v1/numbers", account),
				get("/v1/sip-trunks", account), get("/v1/rates", account), get("/v1/account", account),
				get("/v1/account/transactions", account), get("/v1/calls", account), get("/v1/calls", project),
				get("/v1/calls?userId=alice", account),
				exchange(HttpMethod.GET, "/v1/calls", account, null, MediaType.parseMediaType("text/csv")));
		for (Response answer : answers) {
			assertThat(answer.status()).as(answer.body()).isEqualTo(200);
			assertThat(answer.body()).doesNotContain(this.b.account.getId());
			this.bIds.values().forEach((id) -> assertThat(answer.body()).doesNotContain(id));
		}
	}

	@Test
	void referencesToAnotherAccountsProjectOrTrunkAreRefusedAsUnknown() {
		Response project = post("/v1/numbers", this.a.accountToken(),
				Map.of("number", TestTenants.freshNumber(), "projectId", this.b.project.getId()));
		Response trunk = post("/v1/numbers", this.a.accountToken(),
				Map.of("number", TestTenants.freshNumber(), "trunkId", this.bIds.get("trunk")));
		assertThat(project.status()).isEqualTo(422);
		assertThat(trunk.status()).isEqualTo(422);
	}

	@Test
	void tokensOfTheWrongKindAreForbiddenWhateverTheId() {
		assertThat(get("/v1/projects/" + this.a.project.getId(), this.a.projectToken()).status()).isEqualTo(403);
		assertThat(post("/v1/calls/" + this.bIds.get("call") + "/hangup", this.a.accountToken(),
				Map.of("userId", "alice")).status()).isEqualTo(403);
		assertThat(post("/v1/accounts/" + this.b.account.getId() + "/top-ups", this.a.accountToken(),
				Map.of("amount", "1", "idempotencyKey", "steal")).status()).isEqualTo(401);
	}

	/** The problem without the parts that name the id asked for. */
	private static Map<String, Object> comparable(Response response, String id) {
		Map<String, Object> map = new HashMap<>(response.map());
		map.remove("instance");
		map.replaceAll((key, value) -> (value instanceof String text) ? text.replace(id, "{id}") : value);
		return map;
	}

	private void assertUnchanged() {
		String token = this.b.accountToken();
		assertThat(get("/v1/projects/" + this.b.project.getId(), token).map()).containsEntry("name", "App")
			.containsEntry("apiKeySid", this.b.project.getApiKeySid());
		assertThat(get("/v1/sip-trunks/" + this.bIds.get("trunk"), token).map()).containsEntry("name", "B trunk");
		assertThat(get("/v1/numbers/" + this.bIds.get("number"), token).status()).isEqualTo(200);
		assertThat(get("/v1/rates/" + this.bIds.get("rate"), token).map()).containsEntry("pricePerMinute", "0.010000");
		assertThat(get("/v1/calls/" + this.bIds.get("call"), token).map()).containsEntry("status", "RINGING");
		assertThat(get("/v1/calls", this.b.projectToken()).status()).isEqualTo(200);
	}

}
