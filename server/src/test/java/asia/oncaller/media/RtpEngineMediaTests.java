package asia.oncaller.media;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Media through a real rtpengine, no Spring. RTP and injected DTMF are checked between two plain
 * RTP peers, because the WebRTC side would need a DTLS handshake first (its ICE part is in
 * {@link MediaBridgeTests}); the DTMF report uses the bridge's phone-to-app set-up as it is, the
 * phone sending RFC 4733 events as a carrier would.
 */
class RtpEngineMediaTests {

	static final BlockingQueue<Object> events = new LinkedBlockingQueue<>();

	static final RtpDtmfListener listener = new RtpDtmfListener(new InetSocketAddress("127.0.0.1", 0), events::add);

	@RegisterExtension
	static final RtpEngineProcess rtpengine = new RtpEngineProcess(
			"--dtmf-log-dest=127.0.0.1:" + listener.address().getPort());

	@AfterAll
	static void stopListening() {
		listener.close();
	}

	@Test
	void rtpFromOneSideComesOutAtTheOtherAndInjectedDtmfFollows() throws Exception {
		try (DatagramSocket a = peer(); DatagramSocket b = peer()) {
			String towardB = offerAnswer("plain", a, b);
			int portForA = MediaBridgeTests.port(towardB);

			byte[] audio = MediaPackets.rtp(0, true, 1, 160, 0x11, new byte[160]);
			a.send(new DatagramPacket(audio, audio.length, new InetSocketAddress("127.0.0.1", portForA)));
			DatagramPacket relayed = receive(b);
			assertThat(relayed.getPort()).as("from rtpengine's port for b").isNotEqualTo(portForA);
			assertThat(relayed.getLength()).isEqualTo(audio.length);
			assertThat(relayed.getData()[1] & 0x7f).isEqualTo(0);

			// rtpengine times the events it injects by a's own audio, so a keeps talking meanwhile.
			ScheduledExecutorService talker = Executors.newSingleThreadScheduledExecutor();
			AtomicInteger sequence = new AtomicInteger(2);
			talker.scheduleAtFixedRate(() -> send(a, portForA,
					MediaPackets.rtp(0, false, sequence.get(), 160L * sequence.getAndIncrement(), 0x11, new byte[160])),
					0, 20, TimeUnit.MILLISECONDS);
			try {
				receive(b);
				rtpengine.bridge().playDtmf("plain", "a", "7#");

				Set<Integer> digits = new HashSet<>();
				await().atMost(Duration.ofSeconds(5)).until(() -> {
					DatagramPacket packet = receive(b);
					if ((packet.getData()[1] & 0x7f) == 101) {
						digits.add(packet.getData()[12] & 0xff);
					}
					return digits.size() == 2;
				});
				assertThat(digits).containsExactlyInAnyOrder(7, 11);
			}
			finally {
				talker.shutdownNow();
			}
		}
		rtpengine.bridge().delete("plain");
	}

	@Test
	void playDtmfBeforeThePartySendsAnyAudioIsRefused() throws Exception {
		try (DatagramSocket a = peer(); DatagramSocket b = peer()) {
			offerAnswer("silent", a, b);

			assertThatExceptionOfType(RtpEngineException.class).isThrownBy(() -> rtpengine.bridge().playDtmf("silent", "a", "1"))
				.satisfies((ex) -> assertThat(ex.errorReason()).contains("No SSRC context"));
		}
		rtpengine.bridge().delete("silent");
	}

	@Test
	void dtmfFromThePhoneIsPublishedWithCallAndTag() throws Exception {
		try (DatagramSocket phone = peer()) {
			String offer = MediaPackets.sdp("sipp-offer.sdp").replace("m=audio 6000", "m=audio " + phone.getLocalPort());
			rtpengine.bridge().offerToApp("dtmf", "carrier", offer);
			String toPhone = rtpengine.bridge().answerFromApp("dtmf", "carrier", "app", MediaPackets.sdp("chromium-answer.sdp"));
			InetSocketAddress rtpengineForPhone = new InetSocketAddress("127.0.0.1", MediaBridgeTests.port(toPhone));

			int sequence = 1;
			for (int i = 0; i < 3; i++) {
				send(phone, rtpengineForPhone.getPort(), MediaPackets.rtp(0, i == 0, sequence++, 160L * i, 0x22, new byte[160]));
			}
			long eventStart = 480;
			for (int i = 1; i <= 6; i++) {
				boolean end = i > 3;
				byte[] event = MediaPackets.dtmfEvent(5, end, 160 * Math.min(i, 4));
				send(phone, rtpengineForPhone.getPort(), MediaPackets.rtp(101, i == 1, sequence++, eventStart, 0x22, event));
			}
			send(phone, rtpengineForPhone.getPort(), MediaPackets.rtp(0, false, sequence, eventStart + 800, 0x22, new byte[160]));

			Object event = events.poll(5, TimeUnit.SECONDS);
			assertThat(event).as("DTMF report; rtpengine log:%n%s", rtpengine.log())
				.isEqualTo(new RtpDtmfReceived("dtmf", "carrier", '5', 80));
		}
		rtpengine.bridge().delete("dtmf");
	}

	/** An offer from a to b and b's answer, both plain RTP with telephone-event; the SDP toward a. */
	private static String offerAnswer(String callId, DatagramSocket a, DatagramSocket b) {
		Map<String, Object> flags = Map.of("flags", java.util.List.of("inject DTMF"));
		Map<String, Object> offer = new java.util.HashMap<>(flags);
		offer.putAll(Map.of("call-id", callId, "from-tag", "a", "sdp", plain(a.getLocalPort())));
		rtpengine.client().request("offer", offer);
		Map<String, Object> answer = new java.util.HashMap<>(flags);
		answer.putAll(Map.of("call-id", callId, "from-tag", "a", "to-tag", "b", "sdp", plain(b.getLocalPort())));
		return (String) rtpengine.client().request("answer", answer).get("sdp");
	}

	private static String plain(int port) {
		return "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio " + port
				+ " RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\n";
	}

	private static DatagramSocket peer() throws IOException {
		DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
		socket.setSoTimeout(2000);
		return socket;
	}

	private static void send(DatagramSocket socket, int port, byte[] packet) {
		try {
			socket.send(new DatagramPacket(packet, packet.length, new InetSocketAddress("127.0.0.1", port)));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static DatagramPacket receive(DatagramSocket socket) throws IOException {
		DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
		try {
			socket.receive(packet);
		}
		catch (SocketTimeoutException ex) {
			throw new AssertionError("Nothing relayed; rtpengine log:\n" + rtpengine.log(), ex);
		}
		return packet;
	}

}
