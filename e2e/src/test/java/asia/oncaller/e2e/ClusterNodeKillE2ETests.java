package asia.oncaller.e2e;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import asia.oncaller.client.CallResult;
import asia.oncaller.client.ClientEvent;
import asia.oncaller.client.MediaOptions;
import asia.oncaller.client.SignalingState;
import asia.oncaller.testsupport.ClusterNodeProcess;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Media across a node's death (issue 17, item 4): three server nodes, each a JVM of its own on
 * one PostgreSQL and one RabbitMQ ({@link NamespaceRabbitMq}), all inside this JVM's network
 * namespace; two Java SDK clients with media in an answered call, Alice on node A and Bob on node
 * B. Node A is killed with SIGKILL. Alice's client, given node A and then node C, reconnects to C
 * and resumes the call (PROTOCOL §2.1); the media, peer to peer, never passed through a node and
 * keeps flowing: each side's tone is measured at its frequency again after the kill. The hangup
 * ends the record once, charged once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterNodeKillE2ETests extends TwoUsersE2ESupport {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	/** The demo account (DemoTenantLoader), whose project every node's demo tokens are for. */
	private static final String DEMO_ACCOUNT = "AC00000000000000000000000000000de0";

	private NamespaceRabbitMq broker;

	private EmbeddedPostgres postgres;

	private HikariDataSource database;

	private ClusterNodeProcess nodeA;

	private ClusterNodeProcess nodeB;

	private ClusterNodeProcess nodeC;

	/**
	 * One node after another: each loads the demo tenant on start (pointing its answer_url at
	 * itself), and two at once would race on the project's row.
	 */
	@BeforeAll
	void startThreeNodes() throws Exception {
		E2eServer.requireNetworkNamespace();
		this.broker = NamespaceRabbitMq.start();
		this.postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofMinutes(2)).start();
		this.database = new HikariDataSource();
		this.database.setJdbcUrl(this.postgres.getJdbcUrl("postgres", "postgres"));
		this.database.setUsername("postgres");
		this.database.setPassword("postgres");
		this.database.setMaximumPoolSize(2);
		this.nodeA = start("kill-a");
		this.nodeB = start("kill-b");
		this.nodeC = start("kill-c");
	}

	@AfterAll
	void stopAll() throws Exception {
		for (ClusterNodeProcess node : new ClusterNodeProcess[] { this.nodeA, this.nodeB, this.nodeC }) {
			if (node != null) {
				node.server().close();
			}
		}
		if (this.database != null) {
			this.database.close();
		}
		if (this.postgres != null) {
			this.postgres.close();
		}
		if (this.broker != null) {
			this.broker.close();
		}
	}

	@Test
	void aKilledNodesClientResumesElsewhereAndTheMediaKeepsFlowing() throws Exception {
		// An internal rate, so that the call has a cost and a second charge would show.
		execute("insert into rate (id, account_id, call_type, prefix, price_per_minute, billing_increment_seconds,"
				+ " currency) values (?, ?, 'INTERNAL', '', 0.60, 1, 'USD')",
				"RT" + UUID.randomUUID().toString().replace("-", ""), DEMO_ACCOUNT);
		this.alice = TestUser.connectTo(List.of(webSocketUrl(this.nodeA), webSocketUrl(this.nodeC)), "alice-kill",
				"alice-kill-laptop", MediaOptions.synthetic(440), token(this.nodeA, "alice-kill"));
		this.bob = TestUser.connectTo(List.of(webSocketUrl(this.nodeB), webSocketUrl(this.nodeC)), "bob-kill",
				"bob-kill-laptop", MediaOptions.synthetic(660), token(this.nodeB, "bob-kill"));
		List<String> aliceConnections = new CopyOnWriteArrayList<>();
		this.alice.client.on(ClientEvent.CONNECT, aliceConnections::add);
		ResumableCall call = new ResumableCall(this.alice, this.bob);
		CallProbe caller = call.caller;
		AtomicReference<CallProbe> callee = call.callee;
		CallResult made = CallProbe.result(caller.makeResult);
		assertThat(made.r()).isZero();
		String callId = (String) made.get("callId");
		Await.until(TIMEOUT, "a second of tone on both sides",
				() -> callee.get() != null && caller.tone.done() && callee.get().tone.done());
		assertThat(caller.tone.frequency()).as("alice hears bob's 660 Hz").isCloseTo(660, within(5.0));
		assertThat(callee.get().tone.frequency()).as("bob hears alice's 440 Hz").isCloseTo(440, within(5.0));

		this.nodeA.kill();
		Await.until(TIMEOUT, "alice reconnected to node C and resumed", () -> call.callerConnection.contains("reconnected"));
		assertThat(aliceConnections).last().isEqualTo(webSocketUrl(this.nodeC));
		ToneMeter aliceHears = caller.measureToneAgain();
		ToneMeter bobHears = callee.get().measureToneAgain();
		Await.until(TIMEOUT, "a second of tone on both sides after the kill", () -> aliceHears.done() && bobHears.done());
		assertThat(aliceHears.frequency()).as("alice still hears bob's 660 Hz").isCloseTo(660, within(5.0));
		assertThat(bobHears.frequency()).as("bob still hears alice's 440 Hz").isCloseTo(440, within(5.0));
		assertThat(caller.call.isEnded()).isFalse();
		assertThat(callee.get().call.isEnded()).isFalse();
		System.out.println("Bob heard of Alice's connection: " + call.calleePeer);

		CompletableFuture<CallResult> hangup = new CompletableFuture<>();
		caller.call.hangup(hangup::complete);
		assertThat(CallProbe.result(hangup).r()).as("the resumed call is alice's on node C").isZero();
		Await.until(TIMEOUT, "bob's call ended", () -> callee.get().hasSignalingState(SignalingState.ENDED));
		Await.holds(Duration.ofMillis(500), "one end on each side",
				() -> callee.get().signaling.stream().filter(SignalingState::isFinal).count() == 1
						&& caller.signaling.stream().filter(SignalingState::isFinal).count() <= 1);
		assertThat(query("select status || ' ' || end_reason from call where id = ?", callId)).isEqualTo("ENDED Ended");
		BigDecimal cost = new BigDecimal(query("select cost from call where id = ?", callId));
		assertThat(cost).isPositive();
		assertThat(query("select count(*) || ' ' || coalesce(-sum(amount), 0) from balance_transaction"
				+ " where call_id = ? and kind = 'CALL_CHARGE'", callId))
			.as("one charge, of the call's cost")
			.isEqualTo("1 " + query("select cost from call where id = ?", callId));
	}

	private ClusterNodeProcess start(String name) {
		return ClusterNodeProcess.start(name + "-" + UUID.randomUUID().toString().substring(0, 8), this.database,
				"oncaller.demo.enabled=true", "oncaller.outbound.allow-private-networks=true");
	}

	private static String webSocketUrl(ClusterNodeProcess node) {
		return "ws://127.0.0.1:" + node.port() + "/ws";
	}

	private static String token(ClusterNodeProcess node, String userId) {
		return E2eServer.demoToken("http://127.0.0.1:" + node.port(), userId);
	}

	private void execute(String sql, String... parameters) throws SQLException {
		try (Connection connection = this.database.getConnection();
				PreparedStatement statement = prepare(connection, sql, parameters)) {
			statement.executeUpdate();
		}
	}

	/** The first column of the one row the query returns, as text. */
	private String query(String sql, String... parameters) throws SQLException {
		try (Connection connection = this.database.getConnection();
				PreparedStatement statement = prepare(connection, sql, parameters);
				ResultSet row = statement.executeQuery()) {
			assertThat(row.next()).as(sql).isTrue();
			return row.getString(1);
		}
	}

	private static PreparedStatement prepare(Connection connection, String sql, String... parameters)
			throws SQLException {
		PreparedStatement statement = connection.prepareStatement(sql);
		for (int i = 0; i < parameters.length; i++) {
			statement.setString(i + 1, parameters[i]);
		}
		return statement;
	}

}
