package asia.oncaller.client;

/**
 * Receives decoded remote audio, every 10 ms, on a WebRTC thread: return quickly and never block.
 *
 * <pre>{@code stream.addAudioSink(frame -> recorder.write(frame.data()));}</pre>
 */
@FunctionalInterface
public interface AudioSink {

	/**
	 * @param frame 10 ms of PCM
	 */
	void onAudio(AudioFrame frame);

}
