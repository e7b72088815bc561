package asia.oncaller.client;

import java.util.HashSet;
import java.util.Set;

/**
 * The {@code seq} numbers one call has seen, to ignore an event that comes twice (a replay
 * overlapping the live events after a resume, {@code docs/protocol.md} §2.1). Exact numbers, not
 * just the highest: the server numbers and sends events on concurrent threads, so {@code seq} 6
 * may arrive just after 7 and must still count. Like a replay window: numbers more than
 * {@link #WINDOW} below the highest count as seen. On the client's event thread.
 */
final class SeenSeqs {

	/** How far below the highest {@code seq} seen an event may still arrive late (and be handled). */
	static final long WINDOW = 64;

	private final Set<Long> seen = new HashSet<>();

	private long highest;

	/** @return the highest {@code seq} seen: {@code lastSeq} of {@code call.resume} */
	long highest() {
		return this.highest;
	}

	/** Records {@code seq}; false when it was seen already (or is too old to tell). */
	boolean firstTime(long seq) {
		if (seq <= this.highest - WINDOW || !this.seen.add(seq)) {
			return false;
		}
		if (seq > this.highest) {
			this.highest = seq;
			this.seen.removeIf((s) -> s <= seq - WINDOW);
		}
		return true;
	}

}
