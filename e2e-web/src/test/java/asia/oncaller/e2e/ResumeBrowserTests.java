package asia.oncaller.e2e;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser call survives the page's dropped connection (PROTOCOL §2.1, §6). Alice's page is
 * loaded through a {@link DroppingProxy}, so its WebSocket goes through the relay, which the
 * test cuts with TCP resets and keeps down for a while: the SDK itself notices, reconnects and
 * resumes. Bob's page is connected directly. Each page sends a tone of its own. And a hangup
 * pressed while the page reconnects, which must reach bob once the page is back rather than
 * when the server's resume window runs out; and a page whose call was only ringing when it
 * dropped, which must still ring once back and can answer.
 */
class ResumeBrowserTests extends BrowserTestSupport {

	/** How long the relay stays down: the SDK's first reconnect (after about 1 s) fails. */
	static final Duration OUTAGE = Duration.ofSeconds(2);

	/** An outage long enough to press hangup while the client reconnects. */
	static final Duration LONG_OUTAGE = Duration.ofSeconds(4);

	/** For the reconnect: the outage, then the SDK's back-off, on a loaded machine. */
	static final Duration RECONNECT_PATIENCE = Duration.ofSeconds(60);

	private static final double ALICE_HZ = 660;

	private static final double BOB_HZ = 440;

	@Test
	void callGoesOnAfterTheCallersPageLostItsConnection() throws InterruptedException {
		DroppingProxy network = droppableNetwork();
		SdkTab alice = signedInThrough(network, user("alice"));
		SdkTab bob = signedIn(user("bob"));
		assertThat(alice.script("return h.toneAsMicrophone(" + ALICE_HZ + ")")).isEqualTo(true);
		assertThat(bob.script("return h.toneAsMicrophone(" + BOB_HZ + ")")).isEqualTo(true);
		establish(alice, bob, false);
		alice.assertHearsTone("outgoing", BOB_HZ);
		bob.assertHearsTone("incoming", ALICE_HZ);

		long dropped = System.nanoTime();
		network.cut(OUTAGE);
		alice.waitFor("client", "reconnecting");
		bob.waitFor("incoming", "peerconnection", "e.state === 'lost'");
		alice.waitFor("client", "reconnected", RECONNECT_PATIENCE);
		long resumedMillis = Duration.ofNanos(System.nanoTime() - dropped).toMillis();
		bob.waitFor("incoming", "peerconnection", "e.state === 'restored'");
		assertThat(alice.eventNames("client", "reconnecting", "reconnected", "disconnect", "authen"))
			.as("the app sees the drop and the resume once each, with a new sign-in between")
			.containsExactly("authen", "disconnect", "reconnecting", "authen", "reconnected");
		assertThat(bob.events("incoming", "peerconnection")).extracting((e) -> e.get("state"))
			.containsExactly("lost", "restored");
		assertThat(alice.finalStates("outgoing")).as("alice's call goes on").isZero();
		assertThat(bob.finalStates("incoming")).as("bob's call goes on").isZero();

		// Media after the resume, both ways: more audio comes in, and it is the other side's tone.
		long aliceHeard = alice.inboundBytes("outgoing", "audio");
		long bobHeard = bob.inboundBytes("incoming", "audio");
		alice.waitForInboundBytesAbove("outgoing", "audio", aliceHeard + 4000);
		bob.waitForInboundBytesAbove("incoming", "audio", bobHeard + 4000);
		Map<String, Object> aliceHears = alice.assertHearsTone("outgoing", BOB_HZ);
		Map<String, Object> bobHears = bob.assertHearsTone("incoming", ALICE_HZ);
		System.out.printf("page drop: %d ms from the cut (%d ms outage) to reconnected; after it alice hears %s, "
				+ "bob hears %s%n", resumedMillis, OUTAGE.toMillis(), aliceHears, bobHears);

		alice.verbOk("outgoing", "hangup");
		bob.waitFor("incoming", "signalingstate", "e.code === 6");
		assertEndedOnce(alice, bob);
	}

	@Test
	void hangupWhileThePageReconnectsEndsTheCallForTheOtherSideOnceThePageIsBack() throws InterruptedException {
		DroppingProxy network = droppableNetwork();
		SdkTab alice = signedInThrough(network, user("alice"));
		SdkTab bob = signedIn(user("bob"));
		establish(alice, bob, false);

		network.cut(LONG_OUTAGE);
		alice.waitFor("client", "reconnecting");
		long pressed = System.nanoTime();
		// Ends here at once; its callback comes with the server's reply once the page is back.
		assertThat(alice.verb("outgoing", "hangup")).containsEntry("r", 0L);
		assertThat(alice.events("outgoing", "signalingstate")).last().extracting((e) -> e.get("code")).isEqualTo(6L);
		bob.waitFor("incoming", "signalingstate", "e.code === 6");
		long endedMillis = Duration.ofNanos(System.nanoTime() - pressed).toMillis();
		assertThat(bob.events("incoming", "signalingstate")).last()
			.extracting((e) -> e.get("reason"))
			.as("ended by alice's hangup, not by the resume window running out")
			.isEqualTo("Ended");
		System.out.printf("hangup while reconnecting: bob's call ended %d ms after alice pressed hangup (%d ms outage)%n",
				endedMillis, LONG_OUTAGE.toMillis());
		assertEndedOnce(alice, bob);
	}

	@Test
	void aPageThatWasOnlyRingingWhenItsConnectionDroppedStillRingsAndCanAnswer() throws InterruptedException {
		DroppingProxy network = droppableNetwork();
		SdkTab alice = signedIn(user("alice"));
		SdkTab bob = signedInThrough(network, user("bob"));
		assertThat(alice.makeCall(bob.userId(), false)).containsEntry("r", 0L);
		bob.waitFor("client", "incomingcall");

		network.cut(OUTAGE);
		bob.waitFor("client", "reconnecting");
		bob.waitFor("client", "reconnected", RECONNECT_PATIENCE);
		assertThat(bob.finalStates("incoming")).as("the call still rings on bob's page").isZero();
		assertThat(alice.events("outgoing", "peerconnection")).as("bob's page held no side of the call yet").isEmpty();

		bob.verbOk("incoming", "answer");
		alice.waitFor("outgoing", "signalingstate", "e.code === 3");
		alice.waitFor("outgoing", "mediastate", "e.code === 1");
		bob.waitFor("incoming", "mediastate", "e.code === 1");
		alice.verbOk("outgoing", "hangup");
		bob.waitFor("incoming", "signalingstate", "e.code === 6");
		assertEndedOnce(alice, bob);
	}

	/**
	 * After the end of alice's call to bob: no page saw a second end, and the operator's records
	 * show one call, answered and ended (not as a lost connection).
	 */
	private void assertEndedOnce(SdkTab alice, SdkTab bob) throws InterruptedException {
		Await.holds(Duration.ofSeconds(1), "one end on each page",
				() -> alice.finalStates("outgoing") == 1 && bob.finalStates("incoming") == 1);
		CallRecords.assertOneCallAnsweredAndEnded(environment(), alice.userId());
	}

}
