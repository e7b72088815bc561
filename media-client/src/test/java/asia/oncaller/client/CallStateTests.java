package asia.oncaller.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every verb in every reachable state of an outgoing and an incoming call, on a fake transport:
 * a verb either sends its request, or sends nothing and calls back with 1005. Also the forward
 * only moves of {@link CallState}. No media is involved (no verb here starts any).
 */
class CallStateTests {

	private final ClientTestSupport support = new ClientTestSupport().connected("alice");

	@AfterEach
	void close() {
		this.support.client.close();
	}

	static Stream<Arguments> verbsInStates() {
		List<String> live = List.of("CALLING", "RINGING", "ANSWERED");
		return Stream.of("makeCall", "answer", "reject", "ringing", "hangup", "sendInfo", "sendDtmf", "hold", "unhold",
				"sendTransfer")
			.flatMap((verb) -> Stream.of("out:NEW", "out:CALLING", "out:RINGING", "out:ANSWERED", "out:ENDED", "in:RINGING",
					"in:ANSWERED", "in:ENDED")
				.filter((s) -> !(verb.equals("makeCall") && s.equals("out:NEW"))) // starts media: covered end to end
				.map((s) -> {
					boolean incoming = s.startsWith("in:");
					String state = s.substring(s.indexOf(':') + 1);
					boolean sends = switch (verb) {
						case "answer", "reject", "ringing" -> incoming && state.equals("RINGING");
						case "hangup", "sendInfo", "sendDtmf" -> live.contains(state);
						case "hold", "sendTransfer" -> state.equals("ANSWERED");
						default -> false; // makeCall outside NEW; unhold of a call not on hold
					};
					return Arguments.of(verb, incoming, CallState.valueOf(state), sends);
				}));
	}

	@ParameterizedTest(name = "{0} on {1}/{2}: sends={3}")
	@MethodSource("verbsInStates")
	void verbSendsOnlyInItsStates(String verb, boolean incoming, CallState state, boolean sends) {
		OnCallerCall call = call(incoming, state);
		CompletableFuture<CallResult> result = new CompletableFuture<>();
		VERBS.get(verb).accept(call, result::complete);
		String destination = switch (verb) {
			case "makeCall" -> "call.make";
			case "sendInfo" -> "call.info";
			case "sendDtmf" -> "call.dtmf";
			case "unhold" -> "call.hold";
			case "sendTransfer" -> "call.transfer";
			default -> "call." + verb;
		};
		if (sends) {
			ClientTestSupport.await(verb + " sent", () -> this.support.transport().sentTo(destination));
			this.support.transport().reply(destination, 0);
			assertThat(ClientTestSupport.get(result).r()).isZero();
		}
		else {
			assertThat(ClientTestSupport.get(result).r()).isEqualTo(OnCallerError.INVALID_STATE.code());
			assertThat(this.support.transport().sentTo(destination)).isFalse();
		}
	}

	@Test
	void holdThenUnholdSendsBoth() {
		OnCallerCall call = call(false, CallState.ANSWERED);
		assertThat(call.hold()).isTrue();
		ClientTestSupport.await("hold sent", () -> this.support.transport().sentTo("call.hold"));
		assertThat(call.isOnHold()).isTrue();
		assertThat(call.hold()).as("already on hold").isFalse();
		assertThat(call.unhold()).isTrue();
		ClientTestSupport.await("unhold sent", () -> this.support.transport().sent.stream()
			.anyMatch((b) -> Boolean.FALSE.equals(b.get("hold"))));
		assertThat(call.isOnHold()).isFalse();
	}

	@Test
	void peerVideoMakesAnAudioCallAVideoCallWhileThisSideStillSendsNone() {
		OnCallerCall call = call(true, CallState.ANSWERED);
		assertThat(call.isVideoCall()).isFalse();
		call.runtime.remoteVideo(); // what the call's media does when the peer's video track arrives
		assertThat(call.isVideoCall()).isTrue();
		assertThat(call.isLocalVideoEnabled()).isFalse();
		assertThat(call.runtime.mediaSpec().video()).as("no camera of its own").isNull();
		assertThat(call.enableLocalVideo(true)).as("no video of its own to switch").isFalse();
		assertThat(call.upgradeToVideoCall()).as("it may still add its own").isTrue();
	}

	@Test
	void statesOnlyMoveForward() {
		for (CallState from : CallState.values()) {
			for (CallState to : CallState.values()) {
				assertThat(from.canMoveTo(to)).as(from + " -> " + to)
					.isEqualTo(from != CallState.ENDED && to.ordinal() > from.ordinal());
			}
		}
	}

	@Test
	void finalSignalingStateEndsTheCall() {
		OnCallerCall call = call(false, CallState.CALLING);
		CompletableFuture<SignalingState> ended = new CompletableFuture<>();
		call.on(CallEvent.SIGNALING_STATE, ended::complete);
		this.support.transport().deliver(Map.of("type", "signalingState", "callId", call.getCallId(), "code", 5, "reason",
				"Busy here", "sipCode", 486));
		assertThat(ClientTestSupport.get(ended).sipCode()).isEqualTo(486);
		assertThat(call.isEnded()).isTrue();
		assertThat(this.support.client.findCallByCallId(call.getCallId())).isNull();
	}

	private static final Map<String, BiConsumer<OnCallerCall, Consumer<CallResult>>> VERBS = Map.of("makeCall",
			OnCallerCall::makeCall, "answer", OnCallerCall::answer, "reject", OnCallerCall::reject, "ringing",
			OnCallerCall::ringing, "hangup", OnCallerCall::hangup, "sendInfo", (c, cb) -> c.sendInfo(Map.of("a", 1), cb),
			"sendDtmf", (c, cb) -> c.sendDtmf("1", cb), "hold", (c, cb) -> c.hold(cb), "unhold", (c, cb) -> c.unhold(cb),
			"sendTransfer", (c, cb) -> c.sendTransfer("carol", cb));

	private OnCallerCall call(boolean incoming, CallState state) {
		OnCallerCall call;
		if (incoming) {
			call = new OnCallerCall(this.support.client, new IncomingCall("call-1", "bob", "alice", null, null, false, true,
					null, List.of()));
		}
		else {
			call = new OnCallerCall(this.support.client, "alice", "bob", false);
			if (state != CallState.NEW) {
				call.runtime.callId = "call-1";
			}
		}
		call.runtime.state = state;
		this.support.register(call);
		return call;
	}

}
