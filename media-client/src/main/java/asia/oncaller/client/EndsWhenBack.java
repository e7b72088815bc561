package asia.oncaller.client;

import java.util.ArrayList;
import java.util.List;

/**
 * Hangups and rejects pressed while the client reconnects ({@code docs/protocol.md} §2.1). The
 * call ends here at once, but the server keeps it for the resume window, so the other party would
 * wait that long and hear {@code Connection lost}: once the client is back the call is resumed
 * and ended there too. {@link CallResumer} says when the client is away, back, or gives up (the
 * window passed, or {@code disconnect()}). On the event thread.
 */
final class EndsWhenBack {

	private record Pending(Runnable send, Runnable giveUp) {
	}

	private final List<Pending> pending = new ArrayList<>();

	private boolean away;

	/**
	 * Keeps an end to send once back, if the client is reconnecting.
	 * @param send resumes the call and sends the verb, on the new connection
	 * @param giveUp tells the app that it never went out (the server ends the call itself)
	 * @return false when the client is not reconnecting: send it now
	 */
	boolean keep(Runnable send, Runnable giveUp) {
		if (!this.away) {
			return false;
		}
		this.pending.add(new Pending(send, giveUp));
		return true;
	}

	/** The connection dropped; the client reconnects. */
	void away() {
		this.away = true;
	}

	/** Signed in again: sends what was kept. */
	void back() {
		this.away = false;
		takeAll().forEach((end) -> end.send().run());
	}

	/** The calls will not be resumed: what was kept is given up. */
	void giveUp() {
		this.away = false;
		takeAll().forEach((end) -> end.giveUp().run());
	}

	private List<Pending> takeAll() {
		List<Pending> all = List.copyOf(this.pending);
		this.pending.clear();
		return all;
	}

}
