package asia.oncaller.records;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import asia.oncaller.api.ApiException;
import asia.oncaller.call.CallDirection;
import asia.oncaller.call.CallState;
import asia.oncaller.common.ControlCharacters;

/**
 * The filters of {@code GET /v1/calls}, checked and put in a canonical form. Every filter is
 * optional and they combine with AND; {@code status} and {@code direction} take one value or
 * several, comma-separated, of which any may match. {@code startedAfter} is inclusive and
 * {@code startedBefore} exclusive, both on the time the call was created.
 *
 * @param from the caller's number or alias exactly
 * @param to the callee's number exactly
 * @param userId the app user on either side
 * @param statuses the states, empty for any
 * @param directions the directions, empty for any
 * @param startedAfter the earliest creation time, or {@code null}
 * @param startedBefore the creation time all calls are before, or {@code null}
 */
record CallRecordFilter(String from, String to, String userId, List<String> statuses, List<String> directions,
		Instant startedAfter, Instant startedBefore) {

	private static final int MAX_TEXT = 128;

	static CallRecordFilter of(String from, String to, String userId, String status, String direction,
			String startedAfter, String startedBefore) {
		return new CallRecordFilter(text("from", from), text("to", to), text("userId", userId),
				names("status", status, Arrays.stream(CallState.values()).map(Enum::name).toList()),
				names("direction", direction, Arrays.stream(CallDirection.values()).map(Enum::name).toList()),
				instant("startedAfter", startedAfter), instant("startedBefore", startedBefore));
	}

	/** What the cursor's MAC covers besides the tenant: a cursor only continues the same query. */
	String canonical() {
		return String.join("\u0001", String.valueOf(this.from), String.valueOf(this.to), String.valueOf(this.userId),
				String.join(",", this.statuses), String.join(",", this.directions), String.valueOf(this.startedAfter),
				String.valueOf(this.startedBefore));
	}

	private static String text(String name, String value) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		if (value.length() > MAX_TEXT) {
			throw ApiException.invalid(name, "must be at most " + MAX_TEXT + " characters");
		}
		// PostgreSQL refuses NUL in text; without this check it would be a failed query, not a 400.
		if (ControlCharacters.in(value)) {
			throw ApiException.invalid(name, "must not contain control characters");
		}
		return value;
	}

	private static List<String> names(String name, String value, List<String> allowed) {
		if (value == null || value.isBlank()) {
			return List.of();
		}
		TreeSet<String> names = new TreeSet<>();
		for (String part : value.split(",")) {
			String upper = part.strip().toUpperCase(Locale.ROOT);
			if (!allowed.contains(upper)) {
				throw ApiException.invalid(name, "must be one or more of " + String.join(", ", allowed));
			}
			names.add(upper);
		}
		return List.copyOf(names);
	}

	private static Instant instant(String name, String value) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw ApiException.invalid(name, "must be an ISO-8601 time with an offset, e.g. 2026-01-31T23:00:00Z");
		}
	}

}
