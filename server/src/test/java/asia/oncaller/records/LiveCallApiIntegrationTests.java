package asia.oncaller.records;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import asia.oncaller.TestTenants;
import asia.oncaller.tenant.Project;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's live calls over real HTTP on real PostgreSQL: {@code GET /v1/live-calls} streams
 * the tenant's calls in progress as server-sent events, a snapshot at once and a new one within a
 * second of a change (long before the 10 s refresh); the operator's hang-up ends a call of the
 * named account only, and nobody else's credential can; streams are bounded per tenant.
 */
class LiveCallApiIntegrationTests extends SeededRecordsTestSupport {

	@Test
	void streamsTheTenantsLiveCallsAndTheirEndAsItHappens() throws Exception {
		CallSeeder.Row ringing = ringing(this.tenant.account.getId(), this.tenant.project.getId());
		TestTenants.Tenant other = tenant();
		CallSeeder.Row othersCall = ringing(other.account.getId(), other.project.getId());

		try (EventStream stream = EventStream.open(this.port, this.tenant.accountToken(), this.json)) {
			assertThat(stream.status()).isEqualTo(200);
			List<Map<String, Object>> first = stream.next(EventStream.has(ringing.id));
			assertThat(first).noneMatch((call) -> othersCall.id.equals(call.get("callId")));
			assertThat(first.get(0)).containsEntry("status", "RINGING")
				.containsEntry("fromNumber", "alice")
				.containsEntry("toNumber", "bob")
				.containsEntry("direction", "APP_TO_PHONE");

			Response hangup = post(hangupPath(this.tenant.account.getId(), ringing.id), TestTenants.OPERATOR_TOKEN,
					null);

			assertThat(hangup.status()).isEqualTo(200);
			assertThat(hangup.map()).containsEntry("r", 0);
			assertThat(stream.arrives(EventStream.has(ringing.id).negate(), Duration.ofSeconds(3))).isTrue();
		}
		Map<String, Object> record = get("/v1/calls/" + ringing.id, this.tenant.accountToken()).map();
		assertThat(record).containsEntry("status", "ENDED").containsEntry("endReason", "Ended by operator");
		assertThat(get("/v1/calls/" + othersCall.id, other.accountToken()).map()).containsEntry("status", "RINGING");
	}

	@Test
	void aProjectTokenStreamsItsProjectsCallsOnly() throws Exception {
		Project second = this.projects.save(new Project(this.tenant.account.getId(), "Second app"));
		CallSeeder.Row own = ringing(this.tenant.account.getId(), this.tenant.project.getId());
		CallSeeder.Row sibling = ringing(this.tenant.account.getId(), second.getId());

		try (EventStream stream = EventStream.open(this.port, this.tenant.projectToken(), this.json)) {
			List<Map<String, Object>> first = stream.next(EventStream.has(own.id));
			assertThat(first).noneMatch((call) -> sibling.id.equals(call.get("callId")));
		}
		try (EventStream stream = EventStream.open(this.port, this.tenant.accountToken(), this.json)) {
			assertThat(stream.next(EventStream.has(own.id))).anyMatch((call) -> sibling.id.equals(call.get("callId")));
		}
	}

	@Test
	void onlyTheOperatorHangsUpAndOnlyTheNamedAccountsCall() {
		CallSeeder.Row ringing = ringing(this.tenant.account.getId(), this.tenant.project.getId());
		TestTenants.Tenant other = tenant();
		String path = hangupPath(this.tenant.account.getId(), ringing.id);

		assertThat(post(path, null, null).status()).isEqualTo(401);
		assertThat(post(path, this.tenant.accountToken(), null).status()).isEqualTo(401);
		assertThat(post(path, this.tenant.projectToken(), null).status()).isEqualTo(401);
		Response wrongAccount = post(hangupPath(other.account.getId(), ringing.id), TestTenants.OPERATOR_TOKEN, null);
		assertThat(wrongAccount.status()).isEqualTo(404);
		assertThat(wrongAccount.map()).containsEntry("r", 1);
		assertThat(post(hangupPath(this.tenant.account.getId(), "call-nope"), TestTenants.OPERATOR_TOKEN, null)
			.status()).isEqualTo(404);
		assertThat(get("/v1/calls/" + ringing.id, this.tenant.accountToken()).map()).containsEntry("status", "RINGING");

		assertThat(post(path, TestTenants.OPERATOR_TOKEN, null).status()).isEqualTo(200);
		Response again = post(path, TestTenants.OPERATOR_TOKEN, null);
		assertThat(again.status()).isEqualTo(404);
		assertThat(again.map()).containsEntry("r", 1);
	}

	@Test
	void streamsAreBoundedPerTenantAndNeedAToken() throws Exception {
		List<EventStream> open = new ArrayList<>();
		try {
			for (int i = 0; i < LiveCallFeed.STREAMS_PER_TENANT; i++) {
				EventStream stream = EventStream.open(this.port, this.tenant.accountToken(), this.json);
				open.add(stream);
				assertThat(stream.status()).isEqualTo(200);
			}
			EventStream refused = EventStream.open(this.port, this.tenant.accountToken(), this.json);
			open.add(refused);
			assertThat(refused.status()).isEqualTo(429);
			EventStream others = EventStream.open(this.port, tenant().accountToken(), this.json);
			open.add(others);
			assertThat(others.status()).isEqualTo(200);
		}
		finally {
			open.forEach(EventStream::close);
		}
		assertThat(exchange(HttpMethod.GET, "/v1/live-calls", null, null, MediaType.TEXT_EVENT_STREAM).status())
			.isEqualTo(401);
		assertThat(exchange(HttpMethod.GET, "/v1/live-calls", TestTenants.OPERATOR_TOKEN, null,
				MediaType.TEXT_EVENT_STREAM)
			.status()).isEqualTo(401);
	}

	/** A phone call ringing, as nothing on this server would end by itself. */
	private CallSeeder.Row ringing(String accountId, String projectId) {
		CallSeeder.Row row = CallSeeder.row(accountId, projectId, Instant.now()).unanswered().status("RINGING");
		row.direction = "APP_TO_PHONE";
		row.endedAt = null;
		row.endReason = null;
		this.seeder.insert(row);
		return row;
	}

	private static String hangupPath(String accountId, String callId) {
		return "/v1/accounts/" + accountId + "/calls/" + callId + "/hangup";
	}

}
