package asia.oncaller.media;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link MediaBridge} against a real rtpengine, no Spring: the SDP it hands to each side in both
 * call directions, a hold re-offer, the app's address learnt from its ICE checks alone (trickled
 * candidates not needed), and errors.
 */
class MediaBridgeTests {

	@RegisterExtension
	static final RtpEngineProcess rtpengine = new RtpEngineProcess();

	@Test
	void appCallingPhoneGetsPlainRtpTowardPhoneAndWebRtcBack() {
		String toPhone = rtpengine.bridge().offerToPhone("app-to-phone", "app", MediaPackets.sdp("chromium-offer.sdp"));

		assertThat(mLine(toPhone)).matches("m=audio \\d+ RTP/AVP 0 8 126");
		assertThat(toPhone).contains("a=rtpmap:0 PCMU/8000", "a=rtpmap:8 PCMA/8000", "a=rtpmap:126 telephone-event/8000")
			.contains("c=IN IP4 127.0.0.1", "a=sendrecv", "a=rtcp:")
			.doesNotContain("opus", "G722", "red/", "CN/", "telephone-event/48000")
			.doesNotContain("a=ice-", "a=candidate", "a=fingerprint", "a=setup", "a=rtcp-mux", "a=extmap:",
					"a=group:BUNDLE", "a=crypto");

		String toApp = rtpengine.bridge().answerFromPhone("app-to-phone", "app", "phone", MediaPackets.sdp("sipp-answer.sdp"));

		assertThat(mLine(toApp)).matches("m=audio \\d+ UDP/TLS/RTP/SAVPF 0 126");
		assertThat(toApp).contains("a=group:BUNDLE 0\r\nm=audio");
		assertThat(toApp).contains("a=ice-ufrag:", "a=ice-pwd:", "a=fingerprint:sha-256 ", "a=setup:active",
				"a=rtcp-mux", "a=mid:0", "a=rtpmap:0 PCMU/8000")
			.containsPattern("a=candidate:\\S+ 1 UDP \\d+ 127\\.0\\.0\\.1 " + port(toApp) + " typ host")
			.doesNotContain("a=crypto");
		rtpengine.bridge().delete("app-to-phone");
	}

	@Test
	void phoneCallingAppGetsWebRtcTowardAppAndPlainRtpBack() {
		String toApp = rtpengine.bridge().offerToApp("phone-to-app", "phone", MediaPackets.sdp("sipp-offer.sdp"));

		assertThat(mLine(toApp)).matches("m=audio \\d+ UDP/TLS/RTP/SAVPF 0 8 101");
		assertThat(toApp).containsPattern("a=group:BUNDLE \\S+\r\nm=audio");
		assertThat(toApp).contains("a=ice-ufrag:", "a=ice-pwd:", "a=fingerprint:sha-256 ", "a=setup:actpass",
				"a=rtcp-mux", "a=mid:", "a=rtpmap:101 telephone-event/8000")
			.containsPattern("a=candidate:\\S+ 1 UDP \\d+ 127\\.0\\.0\\.1 " + port(toApp) + " typ host")
			.doesNotContain("G729", "a=crypto");

		String toPhone = rtpengine.bridge().answerFromApp("phone-to-app", "phone", "app", MediaPackets.sdp("chromium-answer.sdp"));

		assertThat(mLine(toPhone)).matches("m=audio \\d+ RTP/AVP 0 101");
		assertThat(toPhone).contains("c=IN IP4 127.0.0.1", "a=rtpmap:0 PCMU/8000", "a=sendrecv")
			.doesNotContain("a=ice-", "a=candidate", "a=fingerprint", "a=setup", "a=rtcp-mux", "a=extmap:");
		rtpengine.bridge().delete("phone-to-app");
	}

	/**
	 * An anchored app-to-app call: each app gets WebRTC SDP with rtpengine's own candidate and
	 * fingerprint, never the other app's, G.711 only; the callee's hold re-offer reaches the caller
	 * as sendonly on the port it already has.
	 */
	@Test
	void appsOfAnAnchoredCallGetRtpEnginesWebRtcNotEachOthers() {
		String callerOffer = MediaPackets.sdp("chromium-offer.sdp");
		// The answer's telephone-event takes the payload type of the offer's.
		String calleeAnswer = MediaPackets.sdp("chromium-answer.sdp").replace(" 101", " 126").replace(":101", ":126");
		String toCallee = rtpengine.bridge().offerBetweenApps("app-to-app", "caller", "callee", callerOffer);

		assertThat(mLine(toCallee)).matches("m=audio \\d+ UDP/TLS/RTP/SAVPF 0 8 126");
		assertThat(toCallee).containsPattern("a=group:BUNDLE \\S+\r\nm=audio");
		assertThat(toCallee).contains("a=ice-ufrag:", "a=fingerprint:sha-256 ", "a=setup:actpass", "a=rtcp-mux")
			.containsPattern("a=candidate:\\S+ 1 UDP \\d+ 127\\.0\\.0\\.1 " + port(toCallee) + " typ host")
			.doesNotContain(fingerprint(callerOffer), attribute(callerOffer, "ice-ufrag"), "opus");

		String toCaller = rtpengine.bridge().answerBetweenApps("app-to-app", "caller", "callee", calleeAnswer);

		assertThat(mLine(toCaller)).matches("m=audio \\d+ UDP/TLS/RTP/SAVPF 0 126");
		assertThat(toCaller).contains("a=ice-ufrag:", "a=fingerprint:sha-256 ", "a=rtcp-mux", "a=group:BUNDLE")
			.containsPattern("a=candidate:\\S+ 1 UDP \\d+ 127\\.0\\.0\\.1 " + port(toCaller) + " typ host")
			.doesNotContain(fingerprint(calleeAnswer), attribute(calleeAnswer, "ice-ufrag"));
		assertThat(fingerprint(toCaller)).isNotEqualTo(fingerprint(callerOffer));
		assertThat(port(toCaller)).isNotEqualTo(port(toCallee));

		String hold = calleeAnswer.replace("a=sendrecv", "a=sendonly")
			.replace("a=setup:active", "a=setup:actpass")
			.replace(" 2 IN IP4", " 3 IN IP4");
		String heldToCaller = rtpengine.bridge().offerBetweenApps("app-to-app", "callee", "caller", hold);
		assertThat(heldToCaller).contains("a=sendonly").doesNotContain("a=sendrecv");
		assertThat(port(heldToCaller)).isEqualTo(port(toCaller));
		rtpengine.bridge().delete("app-to-app");
	}

	@Test
	void holdReOfferOfTheAppReachesThePhoneAsSendonlyOnTheSamePort() {
		String offer = MediaPackets.sdp("chromium-offer.sdp");
		String first = rtpengine.bridge().offerToPhone("hold", "app", offer);
		rtpengine.bridge().answerFromPhone("hold", "app", "phone", MediaPackets.sdp("sipp-answer.sdp"));

		String hold = offer.replace("a=sendrecv", "a=sendonly").replace(" 2 IN IP4", " 3 IN IP4");
		String reOffer = rtpengine.bridge().offerToPhone("hold", "app", hold);

		assertThat(reOffer).contains("a=sendonly").doesNotContain("a=sendrecv");
		assertThat(port(reOffer)).isEqualTo(port(first));
		String unhold = rtpengine.bridge().offerToPhone("hold", "app", offer.replace(" 2 IN IP4", " 4 IN IP4"));
		assertThat(unhold).contains("a=sendrecv");
		rtpengine.bridge().delete("hold");
	}

	/**
	 * Trickle ICE: the app's SDP has no candidate and none is passed in. The app's first check
	 * still gets a success response, and rtpengine checks back to the address the check came
	 * from (a peer-reflexive candidate), which is where it then sends media.
	 */
	@Test
	void learnsTheAppAddressFromItsIceChecksWithoutTrickledCandidates() throws Exception {
		rtpengine.bridge().offerToPhone("trickle", "app", MediaPackets.sdp("chromium-offer.sdp"));
		String toApp = rtpengine.bridge().answerFromPhone("trickle", "app", "phone", MediaPackets.sdp("sipp-answer.sdp"));
		String ufrag = attribute(toApp, "ice-ufrag");

		try (DatagramSocket app = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
			app.setSoTimeout(2000);
			byte[] check = MediaPackets.stunBindingRequest(ufrag + ":EsAw", attribute(toApp, "ice-pwd"));
			app.send(new DatagramPacket(check, check.length, new InetSocketAddress("127.0.0.1", port(toApp))));

			// rtpengine answers the check and checks back, in either order: wait for both (its checks
			// repeat, so a bounded number of datagrams).
			boolean answered = false;
			DatagramPacket checkBack = null;
			for (int i = 0; i < 50 && (!answered || checkBack == null); i++) {
				DatagramPacket packet = receive(app);
				int type = MediaPackets.stunType(packet.getData(), packet.getLength());
				answered |= type == MediaPackets.STUN_BINDING_SUCCESS;
				if (type == MediaPackets.STUN_BINDING_REQUEST && checkBack == null) {
					checkBack = packet;
				}
			}
			assertThat(answered).as("binding success").isTrue();
			assertThat(checkBack).as("check back").isNotNull();
			assertThat(checkBack.getPort()).isEqualTo(port(toApp));
			assertThat(MediaPackets.stunUsername(checkBack.getData(), checkBack.getLength())).isEqualTo("EsAw:" + ufrag);
		}
		rtpengine.bridge().delete("trickle");
	}

	@Test
	void refusalComesBackAsExceptionWithRtpEnginesReason() {
		assertThatExceptionOfType(RtpEngineException.class)
			.isThrownBy(() -> rtpengine.bridge().answerFromPhone("no-such-call", "app", "phone", MediaPackets.sdp("sipp-answer.sdp")))
			.satisfies((ex) -> assertThat(ex.errorReason()).isNotBlank())
			.withMessageContaining("answer");
	}

	@Test
	void deletedCallIsGoneAndDeletingAgainIsHarmless() {
		rtpengine.bridge().offerToPhone("deleted", "app", MediaPackets.sdp("chromium-offer.sdp"));

		rtpengine.bridge().delete("deleted");
		rtpengine.bridge().delete("deleted");

		assertThatExceptionOfType(RtpEngineException.class)
			.isThrownBy(() -> rtpengine.client().request("query", java.util.Map.of("call-id", "deleted")));
	}

	private static DatagramPacket receive(DatagramSocket socket) throws java.io.IOException {
		DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
		socket.receive(packet);
		return packet;
	}

	/** The certificate fingerprint itself, after its hash's name. */
	private static String fingerprint(String sdp) {
		return sdp.lines().filter((line) -> line.startsWith("a=fingerprint:")).findFirst().orElseThrow().split(" ")[1];
	}

	static String mLine(String sdp) {
		Matcher m = Pattern.compile("^m=audio .*$", Pattern.MULTILINE).matcher(sdp.replace("\r", ""));
		assertThat(m.find()).as("m=audio line in %s", sdp).isTrue();
		return m.group();
	}

	static int port(String sdp) {
		return Integer.parseInt(mLine(sdp).split(" ")[1]);
	}

	static String attribute(String sdp, String name) {
		Matcher m = Pattern.compile("^a=" + name + ":(\\S+)", Pattern.MULTILINE).matcher(sdp.replace("\r", ""));
		assertThat(m.find()).as("a=%s in %s", name, sdp).isTrue();
		return m.group(1);
	}

}
