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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile STOMP clients over real WebSockets (issue 13, F1 and F2): an attacker, of another
 * tenant or of the victim's own project, who SUBSCRIBEs or SENDs anywhere but the destinations
 * of PROTOCOL §2 gets ERROR {@code code} 9 and a closed connection; the victim's messages never
 * reach it and nothing forged reaches the victim. Invalid frames get a generic ERROR with code 10.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ TestDatabaseConfig.class, TestTenants.class })
class HostileStompIntegrationTests {

	private static final String FORGED = "{\"type\":\"incomingCall\",\"callId\":\"forged\",\"from\":\"Your Bank\","
			+ "\"fromAlias\":\"Your Bank\",\"to\":\"victim\"}";

	@LocalServerPort
	int port;

	@Autowired
	TestTenants tenants;

	final HttpClient http = HttpClient.newHttpClient();

	Project victimProject;

	Project otherTenant;

	StompTestClient victim;

	@BeforeEach
	void connectVictim() throws Exception {
		this.victimProject = this.tenants.create("http://127.0.0.1:1/unused", BigDecimal.ZERO).project;
		this.otherTenant = this.tenants.create("http://127.0.0.1:1/unused", BigDecimal.ZERO).project;
		this.victim = StompTestClient.connect(this.port, this.tenants.clientToken(this.victimProject, "victim"),
				"phone");
	}

	@AfterEach
	void closeVictim() {
		this.victim.close();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/queue/**", "/queue/*", "/queue/events", "/queue/events-user*",
			"/queue/events-user{session}", "/user/{victim}/queue/events", "/user/queue/events/**", "/topic/x", "/app/call.make", "/app/../queue/**",
			"/user/queue/events-user{session}" })
	void subscribingElsewhereGetsCode9AndLeaksNothing(String destination) throws Exception {
		List<RawStompSocket> attackers = attackers();
		for (RawStompSocket attacker : attackers) {
			attacker.send("SUBSCRIBE", "id:0", "destination:" + resolve(destination));
		}
		// The victim's traffic: on the old server a reply to it reached every /queue/** subscriber.
		this.victim.request("call.hangup", Map.of("callId", "nothing"));
		assertCutOffWithCode(attackers, 9);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/user/{victim}/queue/events", "/queue/events-user{session}", "/user/queue/events",
			"/queue/events", "/topic/x", "/app/../queue/events-user{session}", "/app/call.nothing", "/app/session",
			"/app/call.make/../../user/{victim}/queue/events", "/app" })
	void sendingElsewhereGetsCode9AndForgesNothing(String destination) throws Exception {
		List<RawStompSocket> attackers = attackers();
		for (RawStompSocket attacker : attackers) {
			attacker.sendRaw("SEND\ndestination:" + resolve(destination) + "\ncontent-type:application/json\n\n"
					+ FORGED + "\0");
		}
		assertCutOffWithCode(attackers, 9);
		assertThat(this.victim.receives((m) -> "forged".equals(m.get("callId")), Duration.ofMillis(500))).isFalse();
	}

	@Test
	void aClientCannotSendTheServersMessageFrame() throws Exception {
		List<RawStompSocket> attackers = attackers();
		for (RawStompSocket attacker : attackers) {
			attacker.sendRaw("MESSAGE\ndestination:" + resolve("/queue/events-user{session}")
					+ "\nsubscription:0\nmessage-id:1\ncontent-type:application/json\n\n" + FORGED + "\0");
		}
		assertCutOffWithCode(attackers, 9);
		assertThat(this.victim.receives((m) -> "forged".equals(m.get("callId")), Duration.ofMillis(500))).isFalse();
	}

	@Test
	void subscribingBeforeConnectGetsCode10() throws Exception {
		try (RawStompSocket stranger = RawStompSocket.open(this.http, this.port)) {
			stranger.send("SUBSCRIBE", "id:0", "destination:/queue/**");
			this.victim.request("call.hangup", Map.of("callId", "nothing"));
			assertRefusedWithCode(stranger, 10);
		}
	}

	@Test
	void theStompAliasOfConnectNeedsATokenToo() throws Exception {
		try (RawStompSocket stranger = RawStompSocket.open(this.http, this.port)) {
			stranger.send("STOMP", "accept-version:1.2", "host:127.0.0.1");
			assertRefusedWithCode(stranger, 1);
		}
	}

	@Test
	void theAllowedDestinationsStillWork() throws Exception {
		try (RawStompSocket device = RawStompSocket.connected(this.http, this.port,
				this.tenants.clientToken(this.victimProject, "victim"), "laptop")) {
			device.expect("CONNECTED");
			device.subscribeAsClientsDo();
			assertThat(device.expect("MESSAGE")).contains("\"type\":\"authen\"");
			device.request("call.hangup", "{\"requestId\":\"r1\",\"callId\":\"nothing\"}");
			assertThat(device.expect("MESSAGE")).contains("\"requestId\":\"r1\"");
			assertThat(device.isClosed()).isFalse();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "HELLO\n\n\0", "CONNECT\naccept-version\n\n\0", "GET / HTTP/1.1\n\n\0",
			"SEND\ndestination:/app/call.make\ncontent-length:x\n\n{}\0" })
	void anInvalidFrameGetsAGenericErrorWithCode10(String garbage) throws Exception {
		try (RawStompSocket stranger = RawStompSocket.open(this.http, this.port)) {
			stranger.sendRaw(garbage);
			String error = stranger.expect("ERROR");
			assertThat(error).contains("\ncode:10\n", "\nmessage:Invalid STOMP frame\n")
				.doesNotContain("org.", "java.", "Exception", "springframework");
			stranger.awaitClosed();
		}
	}

	/** An attacker of the victim's own project and one of another tenant, both connected. */
	private List<RawStompSocket> attackers() throws Exception {
		RawStompSocket sameProject = RawStompSocket.connected(this.http, this.port,
				this.tenants.clientToken(this.victimProject, "mallory"), "evil");
		RawStompSocket otherTenant = RawStompSocket.connected(this.http, this.port,
				this.tenants.clientToken(this.otherTenant, "victim"), "evil");
		sameProject.expect("CONNECTED");
		otherTenant.expect("CONNECTED");
		return List.of(sameProject, otherTenant);
	}

	private String resolve(String destination) {
		return destination.replace("{session}", this.victim.connectionId())
			.replace("{victim}", ClientPrincipal.nameOf(this.victimProject.getId(), "victim"));
	}

	/** The next frame is ERROR with this code (no MESSAGE before it), and the server closes. */
	private static void assertRefusedWithCode(RawStompSocket socket, int code) throws Exception {
		try (socket) {
			String error = socket.expect("ERROR");
			assertThat(error).contains("\ncode:" + code + "\n");
			socket.awaitClosed();
		}
	}

	/**
	 * Every attacker is cut off, having received nothing but an ERROR with this code, and at
	 * least one of them got that ERROR. (Spring closes the WebSocket right after queueing the
	 * ERROR; when another send to the same connection is still finishing, the ERROR can be
	 * dropped and only the close arrives. The close is what protects the victim.)
	 */
	private static void assertCutOffWithCode(List<RawStompSocket> attackers, int code) throws Exception {
		List<String> received = new ArrayList<>();
		for (RawStompSocket attacker : attackers) {
			try (attacker) {
				attacker.awaitClosed();
				received.addAll(attacker.remaining());
			}
		}
		assertThat(received).isNotEmpty()
			.allSatisfy((frame) -> assertThat(frame).startsWith("ERROR\n").contains("\ncode:" + code + "\n"));
	}

}
