package asia.oncaller.signaling;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import asia.oncaller.TestDatabaseConfig;
import asia.oncaller.TestTenants;
import asia.oncaller.tenant.Project;
import asia.oncaller.testsupport.StompTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.messaging.simp.user.SimpUserRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bounded cost of PROTOCOL §2 over real WebSockets, with small limits: past the devices of
 * a user or the WebSockets of an address CONNECT gets ERROR {@code code} 12; a WebSocket that
 * never CONNECTs is closed; a client that stops reading is cut off; and every way a connection
 * ends gives its place back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "oncaller.signaling.max-devices-per-user=3", "oncaller.signaling.max-connections-per-address=6",
				"oncaller.signaling.connect-timeout=3s", "oncaller.signaling.send-time-limit=2s",
				"oncaller.signaling.send-buffer-size-limit=64KB", "spring.datasource.hikari.maximum-pool-size=4" })
@Import({ TestDatabaseConfig.class, TestTenants.class })
class ConnectionLimitsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestTenants tenants;

	@Autowired
	ConnectionLimits limits;

	@Autowired
	ClientMessenger messages;

	@Autowired
	SimpUserRegistry users;

	@Autowired
	SimpleBrokerMessageHandler broker;

	final HttpClient http = HttpClient.newHttpClient();

	final List<RawStompSocket> sockets = new ArrayList<>();

	Project project;

	@BeforeEach
	void createTenant() {
		this.project = this.tenants.create("http://127.0.0.1:1/unused", BigDecimal.ZERO).project;
	}

	@AfterEach
	void closeEverything() {
		this.sockets.forEach(RawStompSocket::close);
		// The next test counts from zero.
		await().atMost(StompTestClient.WAIT).until(() -> this.limits.open() == 0);
	}

	@Test
	void aUserPastItsDevicesGetsCode12AndOthersStillConnect() throws Exception {
		for (int i = 0; i < 3; i++) {
			device("alice", "d" + i).expect("CONNECTED");
		}
		RawStompSocket fourth = device("alice", "d3");
		assertThat(fourth.expect("ERROR")).contains("\ncode:12\n", "\nmessage:Too many connections\n");
		fourth.awaitClosed();
		device("bob", "d0").expect("CONNECTED");
	}

	@Test
	void anAddressPastItsWebSocketsGetsCode12() throws Exception {
		for (int i = 0; i < 6; i++) {
			device("user" + i, "d").expect("CONNECTED");
		}
		RawStompSocket seventh = device("user6", "d");
		assertThat(seventh.expect("ERROR")).contains("\ncode:12\n");
		seventh.awaitClosed();
	}

	@Test
	void aWebSocketThatNeverConnectsIsClosed() throws Exception {
		RawStompSocket silent = track(RawStompSocket.open(this.http, this.port));
		assertThat(silent.awaitClosed()).isEqualTo(1008);
	}

	@Test
	void everyWayOfClosingGivesThePlaceBack() throws Exception {
		for (int cycle = 0; cycle < 10; cycle++) {
			RawStompSocket disconnects = device("alice", "a");
			disconnects.expect("CONNECTED");
			disconnects.send("DISCONNECT");
			RawStompSocket drops = device("alice", "b");
			drops.expect("CONNECTED");
			drops.close();
			try (StompTestClient app = StompTestClient.connect(this.port, token("alice"), "c")) {
				assertThat(app.authen()).containsEntry("r", 0);
			}
			RawStompSocket trespasses = device("alice", "d");
			trespasses.expect("CONNECTED");
			trespasses.send("SUBSCRIBE", "id:0", "destination:/queue/**");
			trespasses.awaitClosed();
			RawStompSocket babbles = device("alice", "e");
			babbles.expect("CONNECTED");
			babbles.sendRaw("HELLO\n\n\0");
			babbles.awaitClosed();
			await().atMost(StompTestClient.WAIT).until(() -> this.limits.open() == 0);
		}
		RawStompSocket late = track(RawStompSocket.open(this.http, this.port));
		late.awaitClosed();
		RawStompSocket refused = null;
		for (int i = 0; i < 4; i++) {
			refused = device("alice", "again" + i);
			refused.next();
		}
		assertThat(this.users.getUser(ClientPrincipal.nameOf(this.project.getId(), "alice")).getSessions()).hasSize(3);
		refused.awaitClosed();
	}

	@Test
	void aClientThatStopsReadingIsCutOff() throws Exception {
		RawStompSocket stuck = device("stuck", "d");
		stuck.expect("CONNECTED");
		stuck.send("SUBSCRIBE", "id:0", "destination:/user/queue/events");
		String name = ClientPrincipal.nameOf(this.project.getId(), "stuck");
		await().atMost(StompTestClient.WAIT).until(() -> this.users.getUser(name) != null);
		String connectionId = this.users.getUser(name).getSessions().iterator().next().getId();
		stuck.stopReading();
		Map<String, Object> big = Map.of("type", "customMessage", "message", "x".repeat(32 * 1024));
		// At most 30 s of 1 MB bursts: far more than loopback's socket buffers and the 64 KB limit.
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
			for (int i = 0; i < 32; i++) {
				this.messages.toConnection(connectionId, big);
			}
			return this.users.getUser(name) == null;
		});
	}

	private RawStompSocket device(String userId, String deviceId) throws Exception {
		return track(RawStompSocket.connected(this.http, this.port, token(userId), deviceId));
	}

	private RawStompSocket track(RawStompSocket socket) {
		this.sockets.add(socket);
		return socket;
	}

	private String token(String userId) {
		return this.tenants.clientToken(this.project, userId);
	}

	/**
	 * Each connection's events go to a destination of its own: the broker finds its subscribers
	 * by name, not by a pass over every connection's subscriptions.
	 */
	@Test
	void theBrokerFindsSubscribersByTheirExactDestination() {
		assertThat(this.broker.getSubscriptionRegistry()).isInstanceOf(ExactSubscriptions.class);
	}

}
