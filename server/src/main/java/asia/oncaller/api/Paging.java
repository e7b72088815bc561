package asia.oncaller.api;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Keyset paging of the management listings: decode the cursor, read one row more than asked
 * (which tells whether another page exists without a count), and make the next cursor from the
 * last row shown.
 */
public final class Paging {

	private Paging() {
	}

	/** The key a listing's cursor carries, or {@code null} for the first page. */
	public static Keyset after(Cursors cursors, String scope, String cursor) {
		return (cursor != null) ? Keyset.fromParts(cursors.decode(scope, cursor, 2)) : null;
	}

	/**
	 * A page of views from up to {@code limit + 1} rows.
	 * @param key the creation time and id of a row
	 */
	public static <E, V> Page<V> page(Cursors cursors, String scope, List<E> rows, int limit, Function<E, Keyset> key,
			Function<E, V> view) {
		List<V> views = rows.stream().limit(limit).map(view).toList();
		if (rows.size() <= limit) {
			return new Page<>(views, null);
		}
		return new Page<>(views, cursors.encode(scope, key.apply(rows.get(limit - 1)).toParts()));
	}

	public static Keyset key(Instant createdAt, String id) {
		return new Keyset(createdAt, id);
	}

}
