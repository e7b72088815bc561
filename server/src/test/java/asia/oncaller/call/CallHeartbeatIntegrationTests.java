package asia.oncaller.call;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import asia.oncaller.testsupport.CallTestSupport;
import asia.oncaller.testsupport.StompTestClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The heartbeat keeps alive the answered calls of this node's connections, and sends PostgreSQL
 * only the connections that placed or answered a call, not every signed-in client's (issue 15):
 * what the lost-call reaper relies on holds, and idle clients cost no statement.
 */
class CallHeartbeatIntegrationTests extends CallTestSupport {

	@Autowired
	CallHeartbeat heartbeat;

	@Autowired
	CallConnections connections;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void marksTheAnsweredCallOfItsCallerAndAnswererAndSendsNoIdleConnection() throws Exception {
		StompTestClient alice = device("alice", "a1");
		StompTestClient bob = device("bob", "b1");
		StompTestClient idle = device("carol", "c1");
		String callId = call(alice, "bob", 60);
		assertThat(bob.request("call.answer", body(callId))).containsEntry("r", 0);
		this.jdbc.update("UPDATE call SET last_seen_at = now() - interval '1 hour' WHERE id = ?", callId);

		this.heartbeat.beat();

		assertThat(record(callId).timing().lastSeenAt()).isAfter(Instant.now().minus(1, ChronoUnit.MINUTES));
		assertThat(this.connections.ids()).contains(alice.connectionId(), bob.connectionId())
			.doesNotContain(idle.connectionId());
	}

	@Test
	void aClosedConnectionKeepsNoCallAliveAndIsForgotten() throws Exception {
		StompTestClient alice = device("alice", "a1");
		StompTestClient bob = device("bob", "b1");
		String callId = call(alice, "bob", 60);
		assertThat(bob.request("call.answer", body(callId))).containsEntry("r", 0);
		// As if the caller's connection had closed while its call.make was still being written:
		// the set may name a connection that is gone, and the call must not live on through it.
		this.jdbc.update("UPDATE call SET caller_connection_id = 'gone-1', answered_connection_id = 'gone-2',"
				+ " last_seen_at = now() - interval '1 hour' WHERE id = ?", callId);
		this.connections.takingPart("gone-1");
		this.connections.takingPart("gone-2");

		this.heartbeat.beat();

		assertThat(record(callId).timing().lastSeenAt()).isBefore(Instant.now().minus(59, ChronoUnit.MINUTES));
		assertThat(this.connections.ids()).doesNotContain("gone-1", "gone-2");
	}

	@Test
	void aConnectionIsForgottenWhenItCloses() throws Exception {
		StompTestClient alice = device("alice", "a1");
		StompTestClient bob = device("bob", "b1");
		String callId = call(alice, "bob", 60);
		String aliceConnection = alice.connectionId();
		assertThat(this.connections.ids()).contains(aliceConnection);

		alice.close();

		assertThat(bob.await((m) -> "signalingState".equals(m.get("type")) && callId.equals(m.get("callId"))
				&& Integer.valueOf(6).equals(m.get("code"))))
			.isNotNull();
		assertThat(this.connections.ids()).doesNotContain(aliceConnection);
	}

}
