package asia.oncaller.client;

/**
 * Receives video frames on a WebRTC thread: return quickly and never block (copy the frame to
 * another thread if it needs work).
 *
 * <pre>{@code stream.addVideoSink(frame -> preview.show(frame.width(), frame.height(), frame.data()));}</pre>
 */
@FunctionalInterface
public interface VideoSink {

	/**
	 * @param frame a copy of the decoded frame
	 */
	void onFrame(I420Frame frame);

}
