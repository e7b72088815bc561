package asia.oncaller.sip;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The carriers' INVITEs taken but not yet started on a phone-leg worker, oldest first. How long
 * the oldest has waited is the SIP side's own measure of overload: it grows as soon as INVITEs
 * come faster than the workers finish them, whatever the cause (CPU, a slow database, slow
 * answer_urls holding every worker), and past SIP's retransmission timer (T1, 500 ms) each
 * waiting INVITE would be sent again, which adds work just when there is least room.
 */
final class WaitingInvites {

	private final ConcurrentLinkedQueue<PhoneLeg> waiting = new ConcurrentLinkedQueue<>();

	private final long maxWaitNanos;

	WaitingInvites(Duration maxWait) {
		this.maxWaitNanos = maxWait.toNanos();
	}

	/** Whether the oldest INVITE still waiting for a worker has waited longer than allowed. */
	boolean overdue(long now) {
		PhoneLeg oldest = this.waiting.peek();
		return oldest != null && now - oldest.takenAt > this.maxWaitNanos;
	}

	/** The leg's INVITE waits for a worker from now. */
	void add(PhoneLeg leg) {
		this.waiting.add(leg);
	}

	/**
	 * A worker took the leg's INVITE up. Workers take them about in order of arrival, so the one
	 * removed is at or near the head.
	 */
	void started(PhoneLeg leg) {
		this.waiting.remove(leg);
	}

}
