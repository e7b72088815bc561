package asia.oncaller.e2e;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import asia.oncaller.client.CallResult;
import asia.oncaller.client.SignalingState;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two SDKs in one video call across a dropped connection (PROTOCOL §2.1, §6): media is
 * measured both ways, one side's WebSocket is cut under it by a {@link DroppingProxy} (TCP
 * resets, and the relay stays down for {@link ResumeBrowserTests#OUTAGE}), that side's SDK
 * reconnects and resumes by itself, the other side hears {@code peerconnection} lost then
 * restored, and media is measured again both ways. Once the page's connection drops, once the
 * Java client's. And the Java client's hangup pressed while it reconnects, which must reach the
 * page once the client is back.
 */
class JavaSdkResumeBrowserTests extends JavaSdkBrowserTestSupport {

	private static final Duration RECONNECT_PATIENCE = ResumeBrowserTests.RECONNECT_PATIENCE;

	@Test
	void pageCallsJavaClientAndTheCallSurvivesThePagesDroppedConnection() throws InterruptedException {
		DroppingProxy network = droppableNetwork();
		this.java = javaClient(user("bot"));
		AtomicReference<CallProbe> answered = answerIncoming(this.java);
		SdkTab page = signedInThrough(network, user("agent"));
		assertThat(page.script("return h.toneAsMicrophone(" + PAGE_HZ + ")")).isEqualTo(true);
		assertThat(page.makeCall(this.java.userId, true)).containsEntry("r", 0L);
		page.waitFor("outgoing", "mediastate", "e.code === 1");
		Await.until(TIMEOUT, "the Java client's media connected",
				() -> answered.get() != null && answered.get().mediaConnected());
		CallProbe callee = answered.get();
		assertMediaFlowsBothWays("before the drop", page, "outgoing", callee);

		long dropped = System.nanoTime();
		network.cut(ResumeBrowserTests.OUTAGE);
		Await.until(TIMEOUT, "the Java client hears that the page's connection was lost",
				() -> callee.peer.contains("lost"));
		page.waitFor("client", "reconnected", RECONNECT_PATIENCE);
		long resumedMillis = Duration.ofNanos(System.nanoTime() - dropped).toMillis();
		Await.until(TIMEOUT, "the Java client hears that the page is back",
				() -> callee.peer.contains("restored"));
		assertThat(page.eventNames("client", "reconnecting", "reconnected")).containsExactly("reconnecting",
				"reconnected");
		assertThat(callee.peer).containsExactly("lost", "restored");
		assertThat(page.finalStates("outgoing")).isZero();
		assertThat(callee.signaling).noneMatch(SignalingState::isFinal);
		System.out.printf("page drop (page -> java): %d ms from the cut to reconnected%n", resumedMillis);
		assertMediaFlowsBothWays("after the page's resume", page, "outgoing", callee);

		page.verbOk("outgoing", "hangup");
		Await.until(TIMEOUT, "the Java client's call ended", () -> callee.hasSignalingState(SignalingState.ENDED));
		assertEndedOnce(page, "outgoing", callee);
		CallRecords.assertOneCallAnsweredAndEnded(environment(), page.userId());
	}

	@Test
	void javaClientCallsPageAndTheCallSurvivesTheJavaClientsDroppedConnection() throws InterruptedException {
		DroppingProxy network = droppableNetwork();
		this.java = javaClientThrough(network, user("bot"));
		List<String> javaEvents = reconnectEvents(this.java);
		SdkTab page = signedIn(user("agent"));
		assertThat(page.script("return h.toneAsMicrophone(" + PAGE_HZ + ")")).isEqualTo(true);
		CallProbe caller = javaCallsPage(page, true);
		assertMediaFlowsBothWays("before the drop", page, "incoming", caller);

		long dropped = System.nanoTime();
		network.cut(ResumeBrowserTests.OUTAGE);
		page.waitFor("incoming", "peerconnection", "e.state === 'lost'");
		Await.until(RECONNECT_PATIENCE, "the Java client reconnected and resumed",
				() -> javaEvents.contains("reconnected"));
		long resumedMillis = Duration.ofNanos(System.nanoTime() - dropped).toMillis();
		page.waitFor("incoming", "peerconnection", "e.state === 'restored'");
		assertThat(javaEvents).containsExactly("reconnecting", "reconnected");
		assertThat(page.events("incoming", "peerconnection")).extracting((e) -> e.get("state"))
			.containsExactly("lost", "restored");
		assertThat(caller.signaling).noneMatch(SignalingState::isFinal);
		assertThat(page.finalStates("incoming")).isZero();
		System.out.printf("java drop (java -> page): %d ms from the cut to reconnected%n", resumedMillis);
		assertMediaFlowsBothWays("after the Java client's resume", page, "incoming", caller);

		CompletableFuture<CallResult> hangup = new CompletableFuture<>();
		caller.call.hangup(hangup::complete);
		assertThat(CallProbe.result(hangup).r()).as("the resumed call is the Java client's on its new connection")
			.isZero();
		page.waitFor("incoming", "signalingstate", "e.code === 6");
		assertEndedOnce(page, "incoming", caller);
		CallRecords.assertOneCallAnsweredAndEnded(environment(), this.java.userId);
	}

	@Test
	void hangupOfTheJavaClientWhileItReconnectsReachesThePageOnceItIsBack() throws InterruptedException {
		DroppingProxy network = droppableNetwork();
		this.java = javaClientThrough(network, user("bot"));
		List<String> javaEvents = reconnectEvents(this.java);
		SdkTab page = signedIn(user("agent"));
		CallProbe caller = javaCallsPage(page, false);

		network.cut(ResumeBrowserTests.LONG_OUTAGE);
		Await.until(TIMEOUT, "the Java client reconnecting", () -> javaEvents.contains("reconnecting"));
		long pressed = System.nanoTime();
		CompletableFuture<CallResult> hangup = new CompletableFuture<>();
		caller.call.hangup(hangup::complete);
		// On the client's event thread: ended there before the reconnect (media-client ResumeTests).
		Await.until(TIMEOUT, "the call ended on the Java client", caller.call::isEnded);
		// Its reply comes once the client is back: the outage, then the back-off.
		assertThat(CallProbe.result(hangup, RECONNECT_PATIENCE).r()).isZero();
		page.waitFor("incoming", "signalingstate", "e.code === 6");
		long endedMillis = Duration.ofNanos(System.nanoTime() - pressed).toMillis();
		assertThat(page.events("incoming", "signalingstate")).last()
			.extracting((e) -> e.get("reason"))
			.as("ended by the Java client's hangup, not by the resume window running out")
			.isEqualTo("Ended");
		System.out.printf("java hangup while reconnecting: the page's call ended %d ms after the hangup (%d ms outage)%n",
				endedMillis, ResumeBrowserTests.LONG_OUTAGE.toMillis());
		assertEndedOnce(page, "incoming", caller);
		CallRecords.assertOneCallAnsweredAndEnded(environment(), this.java.userId);
	}

	/**
	 * Media flows both ways from now on: more audio and video arrive on each side, the Java client
	 * hears the page's tone (measured afresh) and the page the Java client's.
	 */
	private static void assertMediaFlowsBothWays(String when, SdkTab page, String label, CallProbe javaCall) {
		Await.until(TIMEOUT, "the Java client's first tone measurement", javaCall.tone::done);
		long pageAudio = page.inboundBytes(label, "audio");
		long pageVideo = page.inboundBytes(label, "video");
		long javaFrames = javaCall.videoFrames.get();
		ToneMeter javaHears = javaCall.measureToneAgain();
		page.waitForInboundBytesAbove(label, "audio", pageAudio + 4000);
		page.waitForInboundBytesAbove(label, "video", pageVideo + 10000);
		Await.until(TIMEOUT, "the Java client decodes more of the page's video",
				() -> javaCall.videoFrames.get() > javaFrames + 20);
		Await.until(TIMEOUT, "the Java client measured the page's tone " + when, javaHears::done);
		assertThat(javaHears.frequency()).as("the Java client hears the page's tone " + when)
			.isCloseTo(PAGE_HZ, Offset.offset(5.0));
		assertThat(javaHears.peak()).isGreaterThan(3000);
		page.assertHearsTone(label, JAVA_HZ);
	}

	/**
	 * No side saw a second end: the page one final state, the Java client at most one (the side
	 * that hangs up may or may not be told Ended after its hangup; the other side waited for it).
	 */
	private static void assertEndedOnce(SdkTab page, String label, CallProbe javaCall) {
		Await.holds(Duration.ofSeconds(1), "one end on each side",
				() -> page.finalStates(label) == 1
						&& javaCall.signaling.stream().filter(SignalingState::isFinal).count() <= 1);
	}

}
