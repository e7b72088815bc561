package asia.oncaller.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dropped connection and the calls that survive it ({@code docs/protocol.md} §2.1), on a fake
 * transport: {@code reconnecting}/{@code reconnected}, CONNECT's {@code resume-token} and the same
 * device id, {@code call.resume} and its r=0/1/11 or no answer, {@code seq} dedupe of replays,
 * {@code peerconnection}, {@code disconnect()}, and the window (none, or passed).
 */
class ResumeTests {

	private final List<String> clientEvents = new CopyOnWriteArrayList<>();

	private final List<SignalingState> states = new CopyOnWriteArrayList<>();

	private final List<String> infos = new CopyOnWriteArrayList<>();

	private final List<String> peer = new CopyOnWriteArrayList<>();

	/** A signed-in client with an answered call {@code call-9}, whose events 1 and 2 it has seen. */
	private ClientTestSupport withAnsweredCall(int windowSeconds, int... refusals) {
		ClientTestSupport support = new ClientTestSupport(refusals);
		support.authenFields = Map.of("resumeToken", "rt-1", "resumeWindowSeconds", windowSeconds);
		support.client.setDeviceId("laptop-1");
		support.connected("alice");
		support.client.on(ClientEvent.RECONNECTING, (reason) -> this.clientEvents.add("reconnecting " + reason));
		support.client.on(ClientEvent.RECONNECTED, (v) -> this.clientEvents.add("reconnected"));
		OnCallerCall call = new OnCallerCall(support.client, "alice", "bob", false);
		call.runtime.callId = "call-9";
		call.runtime.state = CallState.ANSWERED;
		support.register(call);
		call.on(CallEvent.SIGNALING_STATE, this.states::add);
		call.on(CallEvent.INFO, (info) -> this.infos.add(String.valueOf(info.get("n"))));
		call.on(CallEvent.PEER_CONNECTION, this.peer::add);
		support.transport().deliver(Map.of("type", "hold", "callId", "call-9", "hold", false, "seq", 1));
		support.transport().deliver(Map.of("type", "info", "callId", "call-9", "info", Map.of("n", 2), "seq", 2));
		ClientTestSupport.await("events 1 and 2", () -> this.infos.size() == 1);
		return support;
	}

	private static OnCallerCall call(ClientTestSupport support) {
		return support.client.findCallByCallId("call-9");
	}

	/** Drops the connection and waits for the reconnect's {@code call.resume}. */
	private static void dropAndReconnect(ClientTestSupport support) {
		support.transport().listener.onClosed("network down");
		ClientTestSupport.await("reconnected and resuming",
				() -> support.transports.size() >= 2 && support.transport().sentTo("call.resume"));
	}

	@Test
	void dropKeepsTheCallReconnectsWithTheResumeTokenAndResumesIt() {
		ClientTestSupport support = withAnsweredCall(30);
		OnCallerCall call = call(support);
		dropAndReconnect(support);
		assertThat(this.clientEvents).containsExactly("reconnecting network down");
		assertThat(call.isEnded()).isFalse();
		assertThat(support.transport().connectHeaders).containsEntry("resume-token", "rt-1")
			.containsEntry("device-id", "laptop-1");
		assertThat(support.transport().lastSentTo("call.resume")).containsEntry("callId", "call-9")
			.containsEntry("lastSeq", 2L);
		support.transport().reply("call.resume", 0, Map.of("state", 3));
		ClientTestSupport.await("reconnected", () -> this.clientEvents.contains("reconnected"));
		assertThat(call.isEnded()).isFalse();
		assertThat(this.states).isEmpty();
		assertThat(support.transports.get(0).connectHeaders).doesNotContainKey("resume-token");
		support.client.close();
	}

	@Test
	void hangupWhileReconnectingEndsTheCallHereAtOnceAndOnTheServerOnceBack() throws Exception {
		ClientTestSupport support = withAnsweredCall(30);
		OnCallerCall call = call(support);
		support.transport().listener.onClosed("network down");
		ClientTestSupport.await("reconnecting", () -> this.clientEvents.contains("reconnecting network down"));
		CompletableFuture<CallResult> hangup = new CompletableFuture<>();
		call.hangup(hangup::complete);
		ClientTestSupport.await("ended here", call::isEnded);
		assertThat(hangup).isNotDone();

		ClientTestSupport.await("reconnected and resuming",
				() -> support.transports.size() >= 2 && support.transport().sentTo("call.resume"));
		assertThat(support.transport().lastSentTo("call.resume")).containsEntry("callId", "call-9")
			.containsEntry("lastSeq", 2L);
		assertThat(support.transport().sentTo("call.hangup")).as("not before the call is this connection's").isFalse();
		support.transport().reply("call.resume", 0, Map.of("state", 3));
		ClientTestSupport.await("hangup sent", () -> support.transport().sentTo("call.hangup"));
		support.transport().reply("call.hangup", 0);
		assertThat(hangup.get(5, TimeUnit.SECONDS).r()).isZero();
		support.client.close();
	}

	@Test
	void hangupWhileReconnectingIsGivenUpWhenTheWindowPasses() throws Exception {
		// window 1 s; the first reconnect (after about 1 s) is refused with 13, the next comes about 2 s later
		ClientTestSupport support = withAnsweredCall(1, 0, 13);
		OnCallerCall call = call(support);
		support.transport().listener.onClosed("network down");
		ClientTestSupport.await("reconnecting", () -> this.clientEvents.contains("reconnecting network down"));
		CompletableFuture<CallResult> hangup = new CompletableFuture<>();
		call.hangup(hangup::complete);
		assertThat(hangup.get(10, TimeUnit.SECONDS).r()).as("given up when the 1 s window passed")
			.isEqualTo(OnCallerError.NOT_CONNECTED.code());
		CompletableFuture<Void> reconnected = new CompletableFuture<>();
		support.client.on(ClientEvent.RECONNECTED, (v) -> reconnected.complete(null));
		ClientTestSupport.get(reconnected);
		assertThat(support.transports.stream().noneMatch((t) -> t.sentTo("call.resume") || t.sentTo("call.hangup")))
			.isTrue();
		support.client.close();
	}

	@Test
	void resumeAnsweredOneEndsTheCallWithTheServersFinalStateAndReason() {
		ClientTestSupport support = withAnsweredCall(30);
		dropAndReconnect(support);
		support.transport().reply("call.resume", 1, Map.of("state", 6, "reason", "Max connect time"));
		ClientTestSupport.await("ended", () -> this.states.size() == 1);
		assertThat(this.states.get(0)).isEqualTo(new SignalingState(6, "Max connect time", null, null));
		ClientTestSupport.await("reconnected", () -> this.clientEvents.contains("reconnected"));
		assertThat(call(support)).isNull();
		support.client.close();
	}

	@Test
	void resumeRefusedWithElevenEndsTheCallAsConnectionLost() {
		ClientTestSupport support = withAnsweredCall(30);
		OnCallerCall call = call(support);
		dropAndReconnect(support);
		support.transport().reply("call.resume", 11);
		ClientTestSupport.await("ended", () -> this.states.size() == 1);
		assertThat(this.states.get(0).reason()).isEqualTo("Connection lost");
		assertThat(call.isEnded()).isTrue();
		support.client.close();
	}

	@Test
	void noAnswerToTheResumeEndsTheCallAsConnectionLost() {
		ClientTestSupport support = withAnsweredCall(30);
		dropAndReconnect(support);
		// the test client's requests time out after 2 s
		ClientTestSupport.await("ended", () -> this.states.size() == 1);
		assertThat(this.states.get(0)).isEqualTo(new SignalingState(6, "Connection lost", null, null));
		ClientTestSupport.await("reconnected", () -> this.clientEvents.contains("reconnected"));
		support.client.close();
	}

	@Test
	void replayedEventsWhoseSeqWasSeenAreIgnored() {
		ClientTestSupport support = withAnsweredCall(30);
		dropAndReconnect(support);
		support.transport().reply("call.resume", 0, Map.of("state", 3));
		FakeTransport server = support.transport();
		server.deliver(Map.of("type", "info", "callId", "call-9", "info", Map.of("n", 2), "seq", 2));
		server.deliver(Map.of("type", "info", "callId", "call-9", "info", Map.of("n", 3), "seq", 3));
		server.deliver(Map.of("type", "info", "callId", "call-9", "info", Map.of("n", 3), "seq", 3));
		server.deliver(Map.of("type", "signalingState", "callId", "call-9", "code", 6, "reason", "Ended", "seq", 1));
		server.deliver(Map.of("type", "info", "callId", "call-9", "info", Map.of("n", 4), "seq", 4));
		ClientTestSupport.await("event 4", () -> this.infos.contains("4"));
		assertThat(this.infos).containsExactly("2", "3", "4");
		assertThat(this.states).isEmpty();
		assertThat(call(support).isEnded()).isFalse();
		support.client.close();
	}

	@Test
	void anEventArrivingAfterAHigherSeqIsStillHandledOnce() {
		ClientTestSupport support = withAnsweredCall(30);
		FakeTransport server = support.transport();
		server.deliver(Map.of("type", "info", "callId", "call-9", "info", Map.of("n", 4), "seq", 4));
		server.deliver(Map.of("type", "info", "callId", "call-9", "info", Map.of("n", 3), "seq", 3));
		server.deliver(Map.of("type", "info", "callId", "call-9", "info", Map.of("n", 3), "seq", 3));
		server.deliver(Map.of("type", "info", "callId", "call-9", "info", Map.of("n", 5), "seq", 5));
		ClientTestSupport.await("event 5", () -> this.infos.contains("5"));
		assertThat(this.infos).containsExactly("2", "4", "3", "5");
		support.client.close();
	}

	@Test
	void peerConnectionEventsFirePeerconnection() {
		ClientTestSupport support = withAnsweredCall(30);
		support.transport().deliver(Map.of("type", "peerConnection", "callId", "call-9", "state", "lost", "seq", 3));
		support.transport().deliver(Map.of("type", "peerConnection", "callId", "call-9", "state", "restored", "seq", 4));
		ClientTestSupport.await("both", () -> this.peer.size() == 2);
		assertThat(this.peer).containsExactly("lost", "restored");
		assertThat(call(support).isEnded()).isFalse();
		support.client.close();
	}

	@Test
	void disconnectEndsCallsAtOnceWithoutReconnecting() {
		ClientTestSupport support = withAnsweredCall(30);
		OnCallerCall call = call(support);
		FakeTransport server = support.transport();
		ClientTestSupport.get(support.client.disconnect());
		assertThat(server.sentTo("call.hangup")).isTrue();
		assertThat(server.closed).isTrue();
		assertThat(call.isEnded()).isTrue();
		assertThat(this.clientEvents).isEmpty();
		assertThat(support.transports).hasSize(1);
		support.client.close();
	}

	@Test
	void withoutAResumeWindowADropEndsCallsAtOnceAndTheClientStillReconnects() {
		ClientTestSupport support = withAnsweredCall(0);
		OnCallerCall call = call(support);
		support.transport().listener.onClosed("network down");
		ClientTestSupport.await("ended", () -> this.states.size() == 1);
		assertThat(this.states.get(0).reason()).isEqualTo("Connection lost");
		assertThat(call.isEnded()).isTrue();
		ClientTestSupport.await("reconnected", () -> this.clientEvents.contains("reconnected"));
		assertThat(support.transports).hasSize(2);
		assertThat(support.transport().sentTo("call.resume")).isFalse();
		support.client.close();
	}

	@Test
	void theWindowPassingBeforeTheReconnectEndsCallsAsConnectionLost() {
		// window 1 s; the first reconnect (after about 1 s) is refused with 13, the next comes about 2 s later
		ClientTestSupport support = withAnsweredCall(1, 0, 13);
		OnCallerCall call = call(support);
		CompletableFuture<Void> reconnected = new CompletableFuture<>();
		support.client.on(ClientEvent.RECONNECTED, (v) -> reconnected.complete(null));
		support.transport().listener.onClosed("network down");
		ClientTestSupport.await("ended by the window", () -> this.states.size() == 1);
		assertThat(this.states.get(0).reason()).isEqualTo("Connection lost");
		assertThat(call.isEnded()).isTrue();
		assertThat(support.client.hasConnected()).isFalse();
		ClientTestSupport.get(reconnected);
		assertThat(support.transports).hasSize(3);
		assertThat(support.transports.stream().noneMatch((t) -> t.sentTo("call.resume"))).isTrue();
		support.client.close();
	}

}
