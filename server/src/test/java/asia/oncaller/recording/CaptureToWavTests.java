package asia.oncaller.recording;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;


import asia.oncaller.media.G711;
import asia.oncaller.media.MediaRecorder;
import asia.oncaller.media.RtpEngineProcess;
import asia.oncaller.media.TestTones;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * A real rtpengine records a call between two plain RTP parties ({@code --recording-method=pcap}),
 * each sending its own tone, the caller with five packets lost; its capture becomes a WAV whose
 * left channel holds the caller's tone and the right the callee's (or both mixed in mono), each
 * in its place on the timeline, with silence where the caller's packets were lost.
 */
class CaptureToWavTests {

	private static final Path CAPTURES = Path.of("target", "captures-" + UUID.randomUUID()).toAbsolutePath();

	private static final RtpEngineProcess rtpengine = new RtpEngineProcess("--recording-dir=" + CAPTURES,
			"--recording-method=pcap");

	private static final double CALLER_HZ = 440;

	private static final double CALLEE_HZ = 1000;

	private static final int PACKETS = 50;

	private static final Set<Integer> LOST = Set.of(20, 21, 22, 23, 24);

	private static Path capture;

	private static Set<Integer> callerPorts;

	private static MediaRecorder.PartyPorts parties;

	@BeforeAll
	static void recordACall() throws Exception {
		rtpengine.start();
		try (DatagramSocket caller = peer(); DatagramSocket callee = peer()) {
			String towardCallee = (String) rtpengine
				.request("offer", Map.of("call-id", "tones", "from-tag", "caller", "sdp", plain(caller.getLocalPort())))
				.get("sdp");
			String towardCaller = (String) rtpengine.request("answer", Map.of("call-id", "tones", "from-tag", "caller",
					"to-tag", "callee", "sdp", plain(callee.getLocalPort())))
				.get("sdp");
			int callerSendsTo = port(towardCaller);
			int calleeSendsTo = port(towardCallee);
			callerPorts = Set.of(callerSendsTo);
			parties = rtpengine.recorder().start("tones");
			byte[] callerTone = TestTones.ulaw(TestTones.tone(CALLER_HZ, PACKETS * 160));
			byte[] calleeTone = TestTones.ulaw(TestTones.tone(CALLEE_HZ, PACKETS * 160));
			long start = System.nanoTime();
			for (int i = 0; i < PACKETS; i++) {
				if (!LOST.contains(i)) {
					send(caller, callerSendsTo, rtp(i, 0x1111, callerTone));
				}
				send(callee, calleeSendsTo, rtp(i, 0x2222, calleeTone));
				long due = start + (i + 1) * 20_000_000L;
				Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
			}
		}
		rtpengine.request("delete", Map.of("call-id", "tones"));
		capture = await("the closed capture").atMost(Duration.ofSeconds(10)).until(CaptureToWavTests::closedCapture,
				(path) -> path != null);
	}

	@AfterAll
	static void stopRtpEngine() throws InterruptedException {
		rtpengine.stop();
	}

	@Test
	void queryTellsBothPartiesPortsApartFromTheProtocol() {
		// Both parties are plain RTP here; a phone call's app side is UDP/TLS/RTP/SAVPF.
		assertThat(parties.phone()).as("RTP and RTCP ports of both parties").hasSize(4).containsAll(callerPorts);
		assertThat(parties.app()).isEmpty();
	}

	@Test
	void stereoPutsTheCallerLeftAndTheCalleeRightInTime(@TempDir Path dir) throws Exception {
		Path wav = dir.resolve("stereo.wav");
		Duration duration = convert(true, wav);

		short[][] channels = TestTones.channels(Files.readAllBytes(wav), 2);
		assertThat(duration.toMillis()).as("50 packets of 20 ms").isCloseTo(1000, within(120L));
		short[] left = channels[0];
		short[] right = channels[1];
		assertThat(TestTones.share(left, 0, 1600, CALLER_HZ)).as("caller's tone, left").isGreaterThan(0.9);
		assertThat(TestTones.share(left, 0, 1600, CALLEE_HZ)).as("callee's tone, left").isLessThan(0.01);
		assertThat(TestTones.share(right, 0, 1600, CALLEE_HZ)).as("callee's tone, right").isGreaterThan(0.9);
		assertThat(TestTones.share(right, 0, 1600, CALLER_HZ)).as("caller's tone, right").isLessThan(0.01);
		// The lost packets 20..24 are 400..500 ms: silence there, the tone on both sides of it.
		assertThat(TestTones.peak(left, 3300, 3900)).as("caller's lost packets").isZero();
		assertThat(TestTones.peak(left, 2800, 3100)).isGreaterThan(5000);
		assertThat(TestTones.peak(left, 4100, 4400)).isGreaterThan(5000);
		assertThat(TestTones.peak(right, 3300, 3900)).as("callee went on meanwhile").isGreaterThan(5000);
	}

	@Test
	void monoMixesBothParties(@TempDir Path dir) throws Exception {
		Path wav = dir.resolve("mono.wav");
		convert(false, wav);

		short[] mixed = TestTones.channels(Files.readAllBytes(wav), 1)[0];
		assertThat(TestTones.share(mixed, 0, 1600, CALLER_HZ)).isGreaterThan(0.3);
		assertThat(TestTones.share(mixed, 0, 1600, CALLEE_HZ)).isGreaterThan(0.3);
		assertThat(TestTones.share(mixed, 3300, 600, CALLEE_HZ)).as("only the callee while the caller's are lost")
			.isGreaterThan(0.9);
	}

	@Test
	void audioPastTheLongestKeptIsLeftOut(@TempDir Path dir) throws Exception {
		Path wav = dir.resolve("short.wav");
		Duration kept;
		try (InputStream in = Files.newInputStream(capture)) {
			kept = new CaptureToWav(callerPorts, false, Duration.ZERO).convert(in, wav);
		}
		assertThat(kept).isZero();
		assertThat(Files.size(wav)).as("a header alone").isEqualTo(44);
	}

	@Test
	void somethingElseThanACaptureIsRefusedAndLeavesNoFile(@TempDir Path dir) {
		Path wav = dir.resolve("bad.wav");
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> new CaptureToWav(callerPorts, true,
				Duration.ofHours(1)).convert(new ByteArrayInputStream(new byte[100]), wav));
		assertThat(wav).doesNotExist();
	}

	private static Duration convert(boolean stereo, Path wav) throws IOException {
		try (InputStream in = Files.newInputStream(capture)) {
			return new CaptureToWav(callerPorts, stereo, Duration.ofHours(1)).convert(in, wav);
		}
	}

	/** The pcap of rtpengine's metadata file once it has the call's end time. */
	private static Path closedCapture() throws IOException {
		Path metadata = CAPTURES.resolve("metadata");
		if (!Files.isDirectory(metadata)) {
			return null;
		}
		try (Stream<Path> files = Files.list(metadata)) {
			for (Path file : files.toList()) {
				List<String> lines = Files.readAllLines(file);
				if (String.join("\n", lines).contains("call end time")) {
					return Path.of(lines.get(0).trim());
				}
			}
		}
		return null;
	}

	private static byte[] rtp(int index, int ssrc, byte[] audio) {
		ByteBuffer packet = ByteBuffer.allocate(12 + 160);
		packet.put((byte) 0x80).put((byte) G711.PCMU).putShort((short) index).putInt(index * 160).putInt(ssrc);
		packet.put(audio, index * 160, 160);
		return packet.array();
	}

	private static String plain(int port) {
		return "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio " + port
				+ " RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
	}

	private static int port(String sdp) {
		Matcher matcher = Pattern.compile("m=audio (\\d+)").matcher(sdp);
		assertThat(matcher.find()).isTrue();
		return Integer.parseInt(matcher.group(1));
	}

	private static DatagramSocket peer() throws IOException {
		return new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
	}

	private static void send(DatagramSocket socket, int port, byte[] packet) throws IOException {
		socket.send(new DatagramPacket(packet, packet.length, new InetSocketAddress("127.0.0.1", port)));
	}

}
