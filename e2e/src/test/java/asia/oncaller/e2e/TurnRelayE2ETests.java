package asia.oncaller.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import asia.oncaller.client.IceServer;
import asia.oncaller.client.IceTransportPolicy;
import asia.oncaller.client.MediaOptions;
import asia.oncaller.turn.CoturnProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Media only through a TURN relay: a server of its own hands out credentials minted for each
 * user, a real coturn on the namespace's veth address checks them with the shared secret
 * ({@code use-auth-secret}), and both Java clients gather relay candidates only
 * ({@link IceTransportPolicy#RELAY}). With the secret shared, each side hears the other's tone
 * and coturn logs an allocation for each user; with coturn holding another secret, it refuses
 * them and no media flows, since no other path is allowed; and so with credentials used after
 * their lifetime.
 */
class TurnRelayE2ETests extends TwoUsersE2ESupport {

	private static final String SECRET = "e2e-turn-shared-secret";

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static int coturnPort;

	private static E2eServer server;

	private CoturnProcess coturn;

	@BeforeAll
	static void startServer() throws Exception {
		E2eServer.requireNetworkNamespace();
		coturnPort = CoturnProcess.freeUdpPort("10.213.0.1");
		server = E2eServer.startWith("--oncaller.ice.turn.urls=turn:10.213.0.1:" + coturnPort + "?transport=udp",
				"--oncaller.ice.turn.secret=" + SECRET, "--oncaller.ice.turn.lifetime=10m");
	}

	@AfterAll
	static void stopServer() {
		if (server != null) {
			server.stop();
		}
	}

	@AfterEach
	void stopCoturn() throws InterruptedException {
		if (this.coturn != null) {
			this.coturn.stop();
		}
	}

	@Test
	void relayOnlyCallCarriesMediaThroughCoturnWithMintedCredentials() throws Exception {
		startCoturn(SECRET);
		this.alice = relayOnlyUser("alice-relay", 440);
		this.bob = relayOnlyUser("bob-relay", 660);
		assertThat(this.alice.client.getAuthen().iceServers()).extracting(IceServer::username)
			.anyMatch((username) -> username != null && username.endsWith(":alice-relay"));

		Call call = answeredCall();
		Await.until(TIMEOUT, "media connected on both sides",
				() -> call.caller.mediaConnected() && call.callee.mediaConnected());
		Await.until(TIMEOUT, "a second of tone on both sides",
				() -> call.caller.tone.done() && call.callee.tone.done());

		assertThat(call.caller.tone.frequency()).as("alice hears bob's 660 Hz").isCloseTo(660, within(5));
		assertThat(call.callee.tone.frequency()).as("bob hears alice's 440 Hz").isCloseTo(440, within(5));
		String log = this.coturn.log();
		assertThat(log).as("coturn allocated a relay for alice with her minted credentials")
			.containsPattern("user <\\d+:alice-relay>.*ALLOCATE processed, success");
		assertThat(log).as("and for bob with his")
			.containsPattern("user <\\d+:bob-relay>.*ALLOCATE processed, success");
		assertThat(log).as("each bound a channel to the other's relay: the media path")
			.containsPattern("user <\\d+:alice-relay>.*CHANNEL_BIND processed, success")
			.containsPattern("user <\\d+:bob-relay>.*CHANNEL_BIND processed, success");
	}

	@Test
	void relayOnlyCallGetsNoMediaWhenCoturnRefusesTheCredentials() throws Exception {
		startCoturn("not-the-servers-secret");
		this.alice = relayOnlyUser("alice-refused", 440);
		this.bob = relayOnlyUser("bob-refused", 660);

		Call call = answeredCall();

		Await.until(TIMEOUT, "coturn refused both users' credentials",
				() -> this.coturn.log().contains("Cannot find credentials of user")
						&& this.coturn.log().matches("(?s).*user <\\d+:alice-refused>.*")
						&& this.coturn.log().matches("(?s).*user <\\d+:bob-refused>.*"));
		// Host and server-reflexive paths are not allowed: nothing may connect.
		Await.holds(Duration.ofSeconds(5), "no media path without the relay",
				() -> !call.caller.mediaConnected() && !call.callee.mediaConnected());
		assertThat(call.caller.inboundAudioBytes()).isZero();
		assertThat(call.callee.inboundAudioBytes()).isZero();
	}

	@Test
	void relayOnlyCallGetsNoMediaWhenTheCredentialsExpiredBeforeUse() throws Exception {
		startCoturn(SECRET);
		// Credentials valid for 2 s: bob's, minted with the incoming call, have expired when he
		// answers 4 s later and his side first asks coturn for a relay.
		E2eServer shortLived = E2eServer.startWith(
				"--oncaller.ice.turn.urls=turn:10.213.0.1:" + coturnPort + "?transport=udp",
				"--oncaller.ice.turn.secret=" + SECRET, "--oncaller.ice.turn.lifetime=2s");
		try {
			this.alice = relayOnlyUser(shortLived, "alice-expired", 440);
			this.bob = relayOnlyUser(shortLived, "bob-expired", 660);
			AtomicReference<CallProbe> callee = new AtomicReference<>();
			this.bob.onIncoming((incoming) -> callee.set(new CallProbe(incoming)));
			CallProbe caller = this.alice.call(this.bob, false);
			assertThat(CallProbe.result(caller.makeResult).r()).isZero();
			Await.until(TIMEOUT, "bob's call ringing", () -> callee.get() != null);
			// Minted no later than now, valid for 2 s: answer once the clock is well past that.
			long rang = Instant.now().getEpochSecond();
			Await.until(TIMEOUT, "bob's credentials expired", () -> Instant.now().getEpochSecond() > rang + 3);
			callee.get().call.answer((r) -> {
			});

			Await.until(TIMEOUT, "coturn refused bob's expired credentials",
					() -> this.coturn.log().matches("(?s).*Cannot find credentials of user <\\d+:bob-expired>.*"));
			Await.holds(Duration.ofSeconds(5), "no media path with expired credentials",
					() -> !caller.mediaConnected() && !callee.get().mediaConnected());
			assertThat(callee.get().inboundAudioBytes()).isZero();
		}
		finally {
			closeUsers();
			this.alice = null;
			this.bob = null;
			shortLived.stop();
		}
	}

	private void startCoturn(String secret) throws Exception {
		// verbose: coturn logs each request it processes, with the user, so the test can see them.
		this.coturn = new CoturnProcess(secret, "verbose").onAddress("10.213.0.1").onPort(coturnPort);
		this.coturn.start();
	}

	private static TestUser relayOnlyUser(String userId, double hz) {
		return relayOnlyUser(server, userId, hz);
	}

	private static TestUser relayOnlyUser(E2eServer on, String userId, double hz) {
		TestUser user = TestUser.connectTo(on, userId, MediaOptions.synthetic(hz));
		user.client.setIceTransportPolicy(IceTransportPolicy.RELAY);
		return user;
	}

	/** alice calls bob, bob answers on incomingcall. */
	private Call answeredCall() {
		AtomicReference<CallProbe> callee = new AtomicReference<>();
		this.bob.onIncoming((incoming) -> {
			callee.set(new CallProbe(incoming));
			incoming.answer((r) -> {
			});
		});
		CallProbe caller = this.alice.call(this.bob, false);
		assertThat(CallProbe.result(caller.makeResult).r()).isZero();
		Await.until(TIMEOUT, "bob's call answered", () -> callee.get() != null);
		return new Call(caller, callee.get());
	}

	private static org.assertj.core.data.Offset<Double> within(double hz) {
		return org.assertj.core.data.Offset.offset(hz);
	}

	record Call(CallProbe caller, CallProbe callee) {
	}

}
