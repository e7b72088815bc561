package asia.oncaller.ivr.websocket;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The phone's 8 kHz against the customer's 16 kHz L16: twice the samples, little-endian, joined
 * across packets without a jump; and back, every two averaged.
 */
class L16AudioTests {

	@Test
	void doublesThePhonesSamplesWithMidpointsAcrossPackets() {
		L16Audio audio = new L16Audio();
		short[] first = samples(audio.from8k(new short[] { 100, 300 }));
		short[] second = samples(audio.from8k(new short[] { -300 }));
		assertThat(first).containsExactly((short) 50, (short) 100, (short) 200, (short) 300);
		assertThat(second).containsExactly((short) 0, (short) -300);
	}

	@Test
	void halvesL16ByAveragingPairs() {
		ByteBuffer l16 = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
		l16.putShort((short) 1000).putShort((short) 3000).putShort((short) -32768).putShort((short) -32768);
		assertThat(L16Audio.to8k(l16.array(), 8)).containsExactly((short) 2000, (short) -32768);
	}

	private static short[] samples(byte[] l16) {
		short[] samples = new short[l16.length / 2];
		ByteBuffer.wrap(l16).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
		return samples;
	}

}
