package asia.oncaller.media;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading G.711 out of datagrams that arrive at a UDP port anybody can send to: a packet as
 * rtpengine sends it gives its samples, with CSRCs, an extension and padding skipped; anything
 * else, however it is cut, gives nothing and never fails.
 */
class RtpPacketsTests {

	private static final byte[] PAYLOAD = TestTones.ulaw(TestTones.tone(1000, 160));

	@Test
	void givesTheSamplesOfAPcmuPacket() {
		assertTheTone(RtpPackets.packet(G711.PCMU, true, 1, 160, 7, PAYLOAD), G711.PCMU);
	}

	@Test
	void skipsCsrcsAnExtensionAndPadding() {
		byte[] plain = RtpPackets.packet(G711.PCMA, false, 1, 160, 7, PAYLOAD);
		byte[] packet = new byte[plain.length + 4 + 8 + 4];
		System.arraycopy(plain, 0, packet, 0, 12);
		packet[0] = (byte) (0x80 | 0x20 | 0x10 | 1);
		// One CSRC (4 bytes), an extension header of one word (4 + 4), the payload, 4 of padding.
		packet[12 + 4 + 3] = 1;
		System.arraycopy(PAYLOAD, 0, packet, 12 + 4 + 8, PAYLOAD.length);
		packet[packet.length - 1] = 4;
		assertTheTone(packet, G711.PCMA);
	}

	@Test
	void givesNothingForAnythingElse() {
		byte[] packet = RtpPackets.packet(G711.PCMU, false, 1, 160, 7, PAYLOAD);
		byte[] event = RtpPackets.packet(101, false, 1, 160, 7, new byte[4]);
		assertThat(RtpPackets.g711Samples(event, event.length)).isNull();
		assertThat(RtpPackets.g711Samples(packet, 11)).isNull();
		assertThat(RtpPackets.g711Samples(packet, 12)).isNull();
		byte[] version1 = packet.clone();
		version1[0] = 0x40;
		assertThat(RtpPackets.g711Samples(version1, version1.length)).isNull();
		byte[] padded = packet.clone();
		padded[0] = (byte) 0xa0;
		padded[padded.length - 1] = (byte) 0xff;
		assertThat(RtpPackets.g711Samples(padded, padded.length)).isNull();
		byte[] extended = packet.clone();
		extended[0] = (byte) 0x90;
		extended[14] = (byte) 0xff;
		assertThat(RtpPackets.g711Samples(extended, extended.length)).isNull();
		byte[] manyCsrcs = packet.clone();
		manyCsrcs[0] = (byte) 0x8f;
		assertThat(RtpPackets.g711Samples(manyCsrcs, 40)).isNull();
	}

	private static void assertTheTone(byte[] packet, int payloadType) {
		short[] samples = RtpPackets.g711Samples(packet, packet.length);
		assertThat(samples).hasSize(PAYLOAD.length);
		for (int i = 0; i < samples.length; i++) {
			assertThat(samples[i]).isEqualTo(G711.decode(payloadType, PAYLOAD[i]));
		}
	}

}
