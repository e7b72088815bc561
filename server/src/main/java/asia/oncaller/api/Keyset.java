package asia.oncaller.api;

import java.time.Instant;
import java.util.List;

/**
 * Where a page ends in the order {@code created_at DESC, id DESC} that every listing but the
 * ledger uses; PostgreSQL keeps microseconds, and so does the cursor.
 *
 * @param createdAt the creation time of the last row
 * @param id its id, which breaks ties
 */
public record Keyset(Instant createdAt, String id) {

	public List<String> toParts() {
		long micros = Math.addExact(Math.multiplyExact(this.createdAt.getEpochSecond(), 1_000_000L),
				this.createdAt.getNano() / 1_000);
		return List.of(Long.toString(micros), this.id);
	}

	/** The key in a cursor's parts, already verified by its MAC. */
	public static Keyset fromParts(List<String> parts) {
		try {
			long micros = Long.parseLong(parts.get(0));
			return new Keyset(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
					Math.floorMod(micros, 1_000_000L) * 1_000L), parts.get(1));
		}
		catch (NumberFormatException ex) {
			throw Cursors.invalid();
		}
	}

}
