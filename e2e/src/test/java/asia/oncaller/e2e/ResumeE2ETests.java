package asia.oncaller.e2e;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import asia.oncaller.client.CallResult;
import asia.oncaller.client.MediaOptions;
import asia.oncaller.client.SignalingState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A call survives the caller's dropped connection (PROTOCOL §2.1) with the real server: the
 * caller's WebSocket is cut under it (no DISCONNECT), its client reconnects and resumes the call,
 * the callee hears {@code peerconnection} lost then restored, media (peer to peer) keeps flowing,
 * and a hangup afterwards ends the call once on each side.
 */
class ResumeE2ETests extends TwoUsersE2ESupport {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	@Test
	void callSurvivesTheCallersDroppedConnection() throws Exception {
		try (DroppingProxy network = new DroppingProxy(E2eServer.get().port())) {
			this.alice = TestUser.connectTo(network.webSocketUrl(), "alice-resume", "alice-resume-laptop",
					MediaOptions.synthetic(440), E2eServer.get().token("alice-resume"));
			this.bob = TestUser.connect("bob-resume", 660);
			ResumableCall call = new ResumableCall(this.alice, this.bob);
			CallProbe caller = call.caller;
			AtomicReference<CallProbe> callee = call.callee;
			List<String> aliceEvents = call.callerConnection;
			List<String> bobPeer = call.calleePeer;
			assertThat(CallProbe.result(caller.makeResult).r()).isZero();
			Await.until(TIMEOUT, "media connected on both sides",
					() -> caller.mediaConnected() && callee.get() != null && callee.get().mediaConnected());

			network.drop();
			Await.until(TIMEOUT, "bob hears that alice's connection was lost", () -> bobPeer.contains("lost"));
			Await.until(TIMEOUT, "alice reconnected and resumed", () -> aliceEvents.contains("reconnected"));
			Await.until(TIMEOUT, "bob hears that alice is back", () -> bobPeer.contains("restored"));
			assertThat(aliceEvents).containsExactly("reconnecting", "reconnected");
			assertThat(bobPeer).containsExactly("lost", "restored");
			assertThat(caller.call.isEnded()).isFalse();
			assertThat(callee.get().call.isEnded()).isFalse();
			assertThat(caller.signaling).noneMatch(SignalingState::isFinal);
			assertThat(callee.get().signaling).noneMatch(SignalingState::isFinal);
			long heard = callee.get().inboundAudioBytes();
			Await.until(TIMEOUT, "alice's audio still reaches bob", () -> callee.get().inboundAudioBytes() > heard + 2000);

			CompletableFuture<CallResult> hangup = new CompletableFuture<>();
			caller.call.hangup(hangup::complete);
			assertThat(CallProbe.result(hangup).r()).as("the resumed call is alice's on the new connection").isZero();
			Await.until(TIMEOUT, "bob's call ended", () -> callee.get().hasSignalingState(SignalingState.ENDED));
			Await.holds(Duration.ofMillis(500), "one end on each side",
					() -> callee.get().signaling.stream().filter(SignalingState::isFinal).count() == 1
							&& caller.signaling.stream().filter(SignalingState::isFinal).count() <= 1);
		}
	}

}
