package asia.oncaller.recording;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import asia.oncaller.media.MediaPackets;
import asia.oncaller.media.TestTones;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A message's socket and file over real UDP, without Spring: packets are placed by their RTP
 * timestamps (a lost one is silence), a timestamp that jumps cannot grow the file faster than time
 * passes, what is not G.711 RTP is dropped, and the caller's level decides silence.
 */
class VoiceMessageTests {

	@TempDir
	Path folder;

	private DatagramChannel phone;

	private VoiceMessage message;

	@BeforeEach
	void open() throws Exception {
		DatagramChannel socket = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
		socket.configureBlocking(false);
		Recordings.Plan plan = new Recordings.Plan("rec-" + "0".repeat(32), "call-1", "AC1", "PJ1", "wav", false, null,
				"RECORDING", null);
		this.message = new VoiceMessage(plan, socket, this.folder.resolve("message.wav"), 1, Duration.ofSeconds(60),
				null);
		this.phone = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
	}

	@AfterEach
	void close() throws Exception {
		this.phone.close();
	}

	@Test
	void packetsArePlacedByTimestampAndALostOneIsSilence() throws Exception {
		send(0, TestTones.tone(440, 160));
		send(2 * 160, TestTones.tone(440, 160));
		takeUntil(Duration.ofMillis(60));
		short[] samples = samples();
		assertThat(TestTones.peak(samples, 0, 160)).isGreaterThan(10000);
		assertThat(TestTones.peak(samples, 160, 320)).as("the lost packet").isZero();
		assertThat(TestTones.peak(samples, 320, 480)).isGreaterThan(10000);
	}

	@Test
	void aTimestampJumpGoesOnFromTheEndInsteadOfGrowingTheFile() throws Exception {
		send(0, TestTones.tone(440, 160));
		send(1_000_000_000L, TestTones.tone(440, 160));
		send(1_000_000_160L, TestTones.tone(440, 160));
		takeUntil(Duration.ofMillis(60));
		assertThat(Files.size(this.folder.resolve("message.wav"))).isEqualTo(WavHeader.LENGTH + 2 * 480);
		assertThat(TestTones.peak(samples(), 160, 480)).isGreaterThan(10000);
	}

	@Test
	void whatIsNotG711RtpIsDroppedAndOnlyLoudPacketsAreSound() throws Exception {
		this.phone.send(ByteBuffer.wrap("not rtp at all".getBytes()), this.message.address());
		this.phone.send(ByteBuffer.wrap(MediaPackets.rtp(101, false, 1, 0, 0x33, MediaPackets.dtmfEvent(5, false, 160))),
				this.message.address());
		Duration before = await().pollDelay(Duration.ofMillis(50))
			.atMost(Duration.ofSeconds(1))
			.until(this.message::silentFor, (silent) -> silent.toMillis() >= 50);
		send(0, new short[160]);
		takeUntil(Duration.ofMillis(20));
		assertThat(this.message.silentFor()).as("a quiet packet is not sound").isGreaterThanOrEqualTo(before);
		send(160, TestTones.tone(440, 160));
		takeUntil(Duration.ofMillis(40));
		assertThat(this.message.silentFor()).as("a loud one is").isLessThan(before);
	}

	/** The samples written so far, read from the work file as it grows. */
	private short[] samples() throws Exception {
		byte[] file = Files.readAllBytes(this.folder.resolve("message.wav"));
		ByteBuffer data = ByteBuffer.wrap(file, WavHeader.LENGTH, file.length - WavHeader.LENGTH)
			.order(ByteOrder.LITTLE_ENDIAN);
		short[] samples = new short[data.remaining() / 2];
		data.asShortBuffer().get(samples);
		return samples;
	}

	private int sequence;

	private void send(long timestamp, short[] samples) throws Exception {
		this.phone.send(ByteBuffer.wrap(MediaPackets.rtp(0, false, ++this.sequence, timestamp, 0x33,
				TestTones.ulaw(samples))), this.message.address());
	}

	private void takeUntil(Duration length) {
		await().atMost(Duration.ofSeconds(2)).until(() -> {
			this.message.take();
			return this.message.length();
		}, length::equals);
	}

}
