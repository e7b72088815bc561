package asia.oncaller.call;

import java.time.Instant;

import jakarta.persistence.Embeddable;

/**
 * When things happened to a call, and the deadlines the sweeps enforce on it: every node reads
 * them from the row, so a call ends on time whichever node placed it.
 *
 * @param createdAt when the call was placed
 * @param ringingAt when the callee started ringing, or {@code null}
 * @param answeredAt when the callee answered, or {@code null}
 * @param endedAt when the call ended, or {@code null} while it is live
 * @param ringDeadline when an unanswered call ends with "No answer" (or fails over)
 * @param connectDeadline when an answered call ends because its granted time ran out;
 * {@code null}: never
 * @param lastSeenAt the last time a node holding one of the call's connections saw it answered
 * @param transferredAt when a transfer moved the app leg to another user, or {@code null}
 */
@Embeddable
public record Timing(Instant createdAt, Instant ringingAt, Instant answeredAt, Instant endedAt, Instant ringDeadline,
		Instant connectDeadline, Instant lastSeenAt, Instant transferredAt) {

	/** A call placed now that rings until {@code ringDeadline}. */
	static Timing placed(Instant ringDeadline) {
		return new Timing(Instant.now(), null, null, null, ringDeadline, null, null, null);
	}

	/** Due at {@code deadline}: the sweep then ends the unanswered call or takes its failover over. */
	Timing dueAt(Instant deadline) {
		return new Timing(this.createdAt, this.ringingAt, this.answeredAt, this.endedAt, deadline, this.connectDeadline,
				this.lastSeenAt, this.transferredAt);
	}

	/** Calling again until {@code deadline}: nothing of an earlier ring is left. */
	Timing callingUntil(Instant deadline) {
		return new Timing(this.createdAt, null, this.answeredAt, this.endedAt, deadline, this.connectDeadline,
				this.lastSeenAt, this.transferredAt);
	}

	Timing endedAt(Instant now) {
		return new Timing(this.createdAt, this.ringingAt, this.answeredAt, now, this.ringDeadline, this.connectDeadline,
				this.lastSeenAt, this.transferredAt);
	}

}
