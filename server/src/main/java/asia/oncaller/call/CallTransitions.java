package asia.oncaller.call;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * The conditional updates that move a call between states. Each names the states it may start
 * from, so when two devices or nodes race, the database lets exactly one of them win: the winner
 * gets the updated call back, the others nothing. One statement each ({@code UPDATE … RETURNING}),
 * so the winner needs no second read.
 */
public interface CallTransitions {

	/** CALLING to RINGING. */
	Optional<Call> markRinging(String id, Instant now);

	/** CALLING or RINGING to ANSWERED by one device. */
	Optional<Call> markAnswered(String id, Instant now, String deviceId, String connectionId, Instant connectDeadline);

	/** Any of {@code from} to a final state, with the record's end time, reason and SIP code. */
	Optional<Call> markEnded(String id, Collection<CallState> from, CallState state, Instant now, String reason,
			Integer sipCode);

}
