package asia.oncaller.e2e;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import asia.oncaller.client.CallResult;
import asia.oncaller.client.CallState;
import asia.oncaller.client.SignalingState;
import asia.oncaller.client.internal.media.MediaSession;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Audio calls between two Java clients through the real server: the tones each side sends
 * arrive at the other at their frequency, DTMF and info arrive, hold by either side stops the
 * held direction, and a hangup on either side ends both calls and releases all media.
 */
class AudioCallE2ETests extends TwoUsersE2ESupport {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	@Test
	void eachSideHearsTheOthersTone() {
		Call call = answeredCall("tone", 440, 660);
		Await.until(TIMEOUT, "a second of tone on both sides", () -> call.caller.tone.done() && call.callee.tone.done());
		assertThat(call.caller.tone.frequency()).as("alice hears bob's 660 Hz").isCloseTo(660, within(5));
		assertThat(call.callee.tone.frequency()).as("bob hears alice's 440 Hz").isCloseTo(440, within(5));
		assertThat(call.caller.tone.peak()).isGreaterThan(3000);
		assertThat(call.callee.tone.peak()).isGreaterThan(3000);
		assertThat(call.caller.media.get(0).code()).isEqualTo(1);
		assertThat(call.callee.media.get(0).code()).isEqualTo(1);
		assertThat(call.caller.stats().inboundAudio().orElseThrow().codec()).isEqualTo("audio/opus");
	}

	@Test
	void dtmfAndInfoArrive() {
		Call call = answeredCall("dtmf", 440, 660);
		CompletableFuture<CallResult> dtmf = new CompletableFuture<>();
		call.caller.call.sendDtmf("12#", dtmf::complete);
		CompletableFuture<CallResult> info = new CompletableFuture<>();
		call.callee.call.sendInfo(Map.of("infoA", "1", "infoB", 2, "test", true), info::complete);
		assertThat(CallProbe.result(dtmf).r()).isZero();
		assertThat(CallProbe.result(info).r()).isZero();
		Await.until(TIMEOUT, "dtmf at bob and info at alice", () -> !call.callee.dtmf.isEmpty() && !call.caller.infos.isEmpty());
		assertThat(call.callee.dtmf).containsExactly("12#");
		assertThat(call.caller.infos.get(0)).containsEntry("infoA", "1").containsEntry("infoB", 2).containsEntry("test", true);
	}

	/** Either side holds (the callee's hold is a re-offer the caller must answer). */
	@ParameterizedTest(name = "held by the {0}")
	@ValueSource(strings = { "caller", "callee" })
	void holdStopsTheHeldDirectionAndUnholdResumes(String side) {
		Call call = answeredCall("hold-" + side, 440, 660);
		CallProbe holder = side.equals("caller") ? call.caller : call.callee;
		CallProbe held = (holder == call.caller) ? call.callee : call.caller;
		Await.until(TIMEOUT, "audio flowing to the holder", () -> holder.inboundAudioBytes() > 2000);
		assertThat(holder.call.hold()).isTrue();
		Await.until(TIMEOUT, "the other side told of the hold", () -> held.holds.contains(true));
		// The re-offer is applied when the holder's inbound audio stops growing between two looks.
		AtomicLong lastLook = new AtomicLong(-1);
		Awaitility.await("the holder's inbound audio stops growing (re-offer applied)")
			.atMost(TIMEOUT)
			.pollInterval(Duration.ofMillis(700))
			.until(() -> {
				long now = holder.inboundAudioBytes();
				return lastLook.getAndSet(now) == now;
			});
		long stopped = holder.inboundAudioBytes();
		long heldBefore = held.inboundAudioBytes();
		Awaitility.await("the holder receives nothing while it holds")
			.during(Duration.ofMillis(1500))
			.atMost(Duration.ofSeconds(3))
			.until(() -> holder.inboundAudioBytes() == stopped);
		assertThat(held.inboundAudioBytes()).as("the held side still receives (silence) from the sendonly holder")
			.isGreaterThan(heldBefore);
		assertThat(holder.call.isOnHold()).isTrue();

		assertThat(holder.call.unhold()).isTrue();
		Await.until(TIMEOUT, "the other side told of the unhold", () -> held.holds.contains(false));
		Await.until(TIMEOUT, "audio flowing to the holder again", () -> holder.inboundAudioBytes() > stopped + 2000);
		assertThat(holder.call.isOnHold()).isFalse();
	}

	@Test
	void callerHangupEndsBothAndReleasesMedia() {
		Call call = answeredCall("hang1", 440, 660);
		hangupEndsBoth(call.caller, call.callee);
	}

	@Test
	void calleeHangupEndsBothAndReleasesMedia() {
		Call call = answeredCall("hang2", 440, 660);
		hangupEndsBoth(call.callee, call.caller);
	}

	@Test
	void disconnectingTheClientEndsItsCalls() {
		Call call = answeredCall("disc", 440, 660);
		this.alice.client.disconnect();
		Await.until(TIMEOUT, "bob's call ended", () -> call.callee.hasSignalingState(SignalingState.ENDED));
		assertThat(call.caller.call.getState()).isEqualTo(CallState.ENDED);
		Await.until(TIMEOUT, "all media released", () -> MediaSession.openSessions() == 0);
	}

	private void hangupEndsBoth(CallProbe hangsUp, CallProbe other) {
		CompletableFuture<CallResult> result = new CompletableFuture<>();
		hangsUp.call.hangup(result::complete);
		assertThat(CallProbe.result(result).r()).isZero();
		assertThat(hangsUp.call.isEnded()).isTrue();
		Await.until(TIMEOUT, "the other side ended", () -> other.hasSignalingState(SignalingState.ENDED));
		assertThat(other.call.isEnded()).isTrue();
		Await.until(TIMEOUT, "all media released", () -> MediaSession.openSessions() == 0);
		CompletableFuture<CallResult> again = new CompletableFuture<>();
		hangsUp.call.hangup(again::complete);
		assertThat(CallProbe.result(again).r()).as("hangup of an ended call is refused locally").isEqualTo(1005);
	}

	/** alice calls bob, bob answers on incomingcall; both media connected. */
	private Call answeredCall(String tag, double aliceHz, double bobHz) {
		this.alice = TestUser.connect("alice-" + tag, aliceHz);
		this.bob = TestUser.connect("bob-" + tag, bobHz);
		AtomicReference<CallProbe> callee = new AtomicReference<>();
		this.bob.onIncoming((incoming) -> {
			callee.set(new CallProbe(incoming));
			incoming.answer((r) -> {
			});
		});
		CallProbe caller = this.alice.call(this.bob, false);
		assertThat(CallProbe.result(caller.makeResult).r()).isZero();
		Await.until(TIMEOUT, "media connected on both sides",
				() -> caller.mediaConnected() && callee.get() != null && callee.get().mediaConnected());
		return new Call(caller, callee.get());
	}

	private static org.assertj.core.data.Offset<Double> within(double hz) {
		return org.assertj.core.data.Offset.offset(hz);
	}

	record Call(CallProbe caller, CallProbe callee) {
	}

}
