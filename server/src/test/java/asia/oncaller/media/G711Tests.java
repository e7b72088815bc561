package asia.oncaller.media;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * G.711 both ways: the encoder gives the JDK's own µ-law bytes for a tone, and every byte of
 * either law decodes to a sample that encodes back to a byte of the same value.
 */
class G711Tests {

	@Test
	void encodesAToneAsTheJdksCodecDoes() {
		short[] tone = TestTones.tone(1000, 800);
		byte[] jdk = TestTones.ulaw(tone);
		for (int i = 0; i < tone.length; i++) {
			assertThat(G711.encode(G711.PCMU, tone[i])).as("sample %d", i).isEqualTo(jdk[i]);
		}
	}

	@Test
	void everyByteOfEitherLawSurvivesADecodeAndEncode() {
		for (int payloadType : new int[] { G711.PCMU, G711.PCMA }) {
			for (int value = 0; value < 256; value++) {
				short sample = G711.decode(payloadType, (byte) value);
				byte again = G711.encode(payloadType, sample);
				assertThat(G711.decode(payloadType, again)).as("law %d byte %d", payloadType, value).isEqualTo(sample);
			}
		}
	}

}
