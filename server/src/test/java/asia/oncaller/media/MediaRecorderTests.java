package asia.oncaller.media;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link MediaRecorder} against a real rtpengine set up as the bridge sets up a phone call: the
 * ports it names for the phone are those of the plain RTP side the carrier was given (on a call the
 * server answered, its labelled side), the app's are the WebRTC side's, and a call rtpengine does
 * not know is refused.
 */
class MediaRecorderTests {

	@RegisterExtension
	static final RtpEngineProcess rtpengine = new RtpEngineProcess("--recording-method=pcap",
			"--recording-dir=target/captures-media-recorder");

	@Test
	void tellsThePhonesPortsFromTheAppsOnAPhoneCall() {
		String toApp = rtpengine.bridge().offerToApp("rec", "carrier", MediaPackets.sdp("sipp-offer.sdp"));
		String toPhone = rtpengine.bridge()
			.answerFromApp("rec", "carrier", "app", MediaPackets.sdp("chromium-answer.sdp"));

		MediaRecorder.PartyPorts ports = rtpengine.recorder().start("rec");

		assertThat(ports.phone()).as("the carrier sends to the port of the answer it got")
			.contains(MediaBridgeTests.port(toPhone));
		assertThat(ports.app()).as("the app sends to the port of the offer it got").contains(MediaBridgeTests.port(toApp));
		assertThat(ports.phone()).doesNotContainAnyElementsOf(ports.app());
		rtpengine.bridge().delete("rec");
	}

	/**
	 * A call the server answered has both sides on plain RTP when its recording starts, and the
	 * connect's re-offer to the app keeps the other side's ports: only the carrier's label tells
	 * the phone's ports, before the connect as after it.
	 */
	@Test
	void tellsThePhonesPortsByLabelOnACallTheServerAnswered() {
		String toPhone = rtpengine.bridge()
			.anchorPhone("rec-ivr", "carrier", "server", MediaPackets.sdp("sipp-offer.sdp"));

		MediaRecorder.PartyPorts answered = rtpengine.recorder().start("rec-ivr");

		assertThat(answered.phone()).as("the carrier's side only").contains(MediaBridgeTests.port(toPhone));
		assertThat(answered.app()).as("the placeholder's side").isNotEmpty();
		assertThat(answered.phone()).doesNotContainAnyElementsOf(answered.app());

		String toApp = rtpengine.bridge().offerToApp("rec-ivr", "carrier", MediaPackets.sdp("sipp-offer.sdp"));
		rtpengine.bridge().answerFromApp("rec-ivr", "carrier", "server", MediaPackets.sdp("chromium-answer.sdp"));

		assertThat(answered.app()).as("the app sends to the port the placeholder had").contains(MediaBridgeTests.port(toApp));
		MediaRecorder.PartyPorts connected = rtpengine.recorder().start("rec-ivr");
		assertThat(connected.phone()).isEqualTo(answered.phone());
		assertThat(connected.app()).contains(MediaBridgeTests.port(toApp));
		rtpengine.bridge().delete("rec-ivr");
	}

	/** Both sides of an anchored app-to-app call are WebRTC: only their tags tell whose ports are whose. */
	@Test
	void tellsTheCallersPortsByTagOnAnAnchoredAppCall() {
		String toCallee = rtpengine.bridge()
			.offerBetweenApps("rec-apps", MediaBridge.APP_CALLER_TAG, MediaBridge.APP_CALLEE_TAG,
					MediaPackets.sdp("chromium-offer.sdp"));
		String toCaller = rtpengine.bridge()
			.answerBetweenApps("rec-apps", MediaBridge.APP_CALLER_TAG, MediaBridge.APP_CALLEE_TAG,
					MediaPackets.sdp("chromium-answer.sdp"));

		MediaRecorder.PartyPorts ports = rtpengine.recorder().start("rec-apps");

		assertThat(ports.phone()).isEmpty();
		assertThat(ports.ofTag(MediaBridge.APP_CALLER_TAG)).as("the caller sends to the port of the answer it got")
			.contains(MediaBridgeTests.port(toCaller))
			.doesNotContain(MediaBridgeTests.port(toCallee));
		assertThat(ports.ofTag(MediaBridge.APP_CALLEE_TAG)).as("the callee sends to the port of the offer it got")
			.contains(MediaBridgeTests.port(toCallee));
		assertThat(ports.ofTag("nobody")).isEmpty();
		rtpengine.bridge().delete("rec-apps");
	}

	@Test
	void aCallRtpengineDoesNotKnowIsRefused() {
		assertThatExceptionOfType(RtpEngineException.class).isThrownBy(() -> rtpengine.recorder().start("no-such-call"));
		assertThat(rtpengine.request("ping", Map.of())).containsEntry("result", "pong");
	}

}
