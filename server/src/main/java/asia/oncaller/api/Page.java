package asia.oncaller.api;

import java.util.List;

/**
 * One page of a listing, newest first.
 *
 * @param data the items of this page, at most the requested limit
 * @param nextCursor the {@code cursor} that fetches the next page, or {@code null} on the last one
 * @param <T> the item type
 */
public record Page<T>(List<T> data, String nextCursor) {

}
