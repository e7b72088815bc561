package asia.oncaller.media;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Tones at 8 kHz for tests of phone audio: the samples, their G.711 µ-law bytes (through the
 * JDK's own codec, so a test never checks the server's decoder against itself), and a pcap of
 * them as RTP that SIPp's {@code play_pcap_audio} plays.
 */
public final class TestTones {

	private TestTones() {
	}

	/** A sine of 12000 peak (about -8.7 dBFS). */
	public static short[] tone(double hz, int samples) {
		short[] tone = new short[samples];
		for (int i = 0; i < samples; i++) {
			tone[i] = (short) (12000 * Math.sin(2 * Math.PI * hz * i / 8000));
		}
		return tone;
	}

	public static byte[] ulaw(short[] pcm) {
		ByteBuffer bytes = ByteBuffer.allocate(pcm.length * 2).order(ByteOrder.LITTLE_ENDIAN);
		for (short sample : pcm) {
			bytes.putShort(sample);
		}
		AudioFormat linear = new AudioFormat(8000, 16, 1, true, false);
		AudioFormat ulaw = new AudioFormat(AudioFormat.Encoding.ULAW, 8000, 8, 1, 1, 8000, false);
		try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(bytes.array()), linear, pcm.length)) {
			return AudioSystem.getAudioInputStream(ulaw, in).readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A pcap (Ethernet, IPv4, UDP) of the tone as PCMU RTP, one 20 ms packet every 20 ms, as SIPp
	 * replays it: only the RTP and the capture times matter to it, it sends to the SDP's address.
	 */
	public static byte[] pcap(double hz, int seconds) {
		int packets = seconds * 50;
		byte[] audio = ulaw(tone(hz, packets * 160));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteBuffer global = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
		global.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
		out.writeBytes(global.array());
		for (int i = 0; i < packets; i++) {
			int rtpLength = 12 + 160;
			int ipLength = 20 + 8 + rtpLength;
			ByteBuffer frame = ByteBuffer.allocate(14 + ipLength);
			frame.put(new byte[12]).putShort((short) 0x0800);
			frame.put((byte) 0x45).put((byte) 0).putShort((short) ipLength).putInt(0).put((byte) 64).put((byte) 17)
				.putShort((short) 0).put(new byte[] { 127, 0, 0, 1, 127, 0, 0, 1 });
			frame.putShort((short) 40000).putShort((short) 40002).putShort((short) (8 + rtpLength)).putShort((short) 0);
			frame.put((byte) 0x80).put((byte) 0).putShort((short) i).putInt(i * 160).putInt(0x5eed);
			frame.put(audio, i * 160, 160);
			ByteBuffer record = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
			record.putInt(i / 50).putInt((i % 50) * 20_000).putInt(frame.capacity()).putInt(frame.capacity());
			out.writeBytes(record.array());
			out.writeBytes(frame.array());
		}
		return out.toByteArray();
	}

	/**
	 * How strong one frequency is in a stretch of samples (the Goertzel algorithm), relative to the
	 * stretch's whole energy: near 1 when the stretch is that tone, near 0 when it is absent.
	 */
	public static double share(short[] samples, int from, int count, double hz) {
		double coefficient = 2 * Math.cos(2 * Math.PI * hz / 8000);
		double previous = 0;
		double beforePrevious = 0;
		double energy = 0;
		for (int i = from; i < from + count; i++) {
			double current = samples[i] + coefficient * previous - beforePrevious;
			beforePrevious = previous;
			previous = current;
			energy += (double) samples[i] * samples[i];
		}
		double power = previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
		return (energy == 0) ? 0 : 2 * power / (count * energy);
	}

	/** The loudest sample from {@code from} to {@code to}. */
	public static int peak(short[] samples, int from, int to) {
		int peak = 0;
		for (int i = from; i < to; i++) {
			peak = Math.max(peak, Math.abs(samples[i]));
		}
		return peak;
	}

	/**
	 * A WAV file's samples by channel, read by the JDK, after checking that it is 8 kHz 16-bit PCM
	 * with {@code count} channels.
	 */
	public static short[][] channels(byte[] wav, int count) {
		try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
			AudioFormat format = in.getFormat();
			if (format.getSampleRate() != 8000f || format.getSampleSizeInBits() != 16 || format.getChannels() != count
					|| format.getEncoding() != AudioFormat.Encoding.PCM_SIGNED) {
				throw new AssertionError("Not 8 kHz 16-bit PCM with " + count + " channels: " + format);
			}
			ByteBuffer bytes = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
			int frames = bytes.remaining() / (2 * count);
			short[][] channels = new short[count][frames];
			for (int i = 0; i < frames; i++) {
				for (int c = 0; c < count; c++) {
					channels[c][i] = bytes.getShort();
				}
			}
			return channels;
		}
		catch (IOException | UnsupportedAudioFileException ex) {
			throw new AssertionError("Not a WAV file", ex);
		}
	}

}
