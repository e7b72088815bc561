package asia.oncaller.ivr;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import asia.oncaller.media.MediaPlayer;

/**
 * One call running its SCCO: the line it runs on, who it is for, and the digits the party
 * pressed. The signaling side reports digits and the end of the call here; the runner's thread
 * reads them.
 */
public final class IvrCall {

	/** Digits kept while nothing collects them; a flood of events beyond it is dropped. */
	private static final int DIGITS_KEPT = 64;

	private final IvrLine line;

	private final String callId;

	private final String accountId;

	private final String signingSecret;

	private final MediaPlayer player;

	private final BlockingQueue<Character> digits = new ArrayBlockingQueue<>(DIGITS_KEPT);

	private volatile boolean ended;

	private volatile Thread runner;

	IvrCall(IvrLine line, String callId, String accountId, String signingSecret, MediaPlayer player) {
		this.line = line;
		this.callId = callId;
		this.accountId = accountId;
		this.signingSecret = signingSecret;
		this.player = player;
	}

	/** A digit the party pressed (RFC 4733, SIP INFO or the app's {@code call.dtmf}). */
	public void digit(char digit) {
		this.digits.offer(digit);
	}

	/** The call ended (the party hung up, or it was connected): the SCCO stops at once. */
	public void end() {
		this.ended = true;
		Thread thread = this.runner;
		if (thread != null) {
			thread.interrupt();
		}
	}

	/** Whether the call ended. */
	public boolean ended() {
		return this.ended;
	}

	/** The call's id, the one its answer_url and eventUrls are told. */
	public String callId() {
		return this.callId;
	}

	/** The account whose files it plays. */
	public String accountId() {
		return this.accountId;
	}

	/** Signs the requests to its customer's eventUrls. */
	public String signingSecret() {
		return this.signingSecret;
	}

	/** The line it runs on. */
	public IvrLine line() {
		return this.line;
	}

	/**
	 * Starts playing the file to the party, {@code times} in a row.
	 * @return the step that waits for it, or lets the next {@code input} barge in
	 */
	public Step play(Path file, int times, boolean bargeIn) {
		return Step.playing(this.player.play(this.line.mediaCallId(), this.line.partyTag(), file, times), bargeIn);
	}

	/** Stops what plays to the party. */
	public void stopPlayback() {
		this.player.stop(this.line.mediaCallId(), this.line.partyTag());
	}

	/**
	 * The next digit pressed within the time, or {@code null}.
	 * @throws InterruptedException when the call ended meanwhile
	 */
	public Character nextDigit(Duration within) throws InterruptedException {
		return this.digits.poll(within.toMillis(), TimeUnit.MILLISECONDS);
	}

	void runOn(Thread thread) {
		this.runner = thread;
		if (this.ended) {
			thread.interrupt();
		}
	}

}
