package asia.oncaller.records;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import asia.oncaller.api.ApiException;

/**
 * The range of {@code GET /v1/call-stats}, checked: {@code from} inclusive, {@code to} exclusive,
 * at most {@link #MAX_DAYS} days apart, so that an answer is at most 24 × 31 hours and the scan
 * behind it is bounded; hours and days are those of {@code zone}.
 */
record CallStatsRange(Instant from, Instant to, ZoneId zone) {

	static final int MAX_DAYS = 31;

	/**
	 * Region names, which PostgreSQL sums the hours in: IANA dropped the {@code SystemV/} zones in
	 * 2020b, and Java still knows them but PostgreSQL does not.
	 */
	private static final Pattern REGION = Pattern.compile("UTC|(?!SystemV/)[A-Z][A-Za-z]+(/[A-Za-z0-9_+-]+)+");

	static CallStatsRange of(String from, String to, String timeZone) {
		Instant start = instant("from", from);
		Instant end = instant("to", to);
		if (!end.isAfter(start)) {
			throw ApiException.invalid("to", "must be after from");
		}
		if (Duration.between(start, end).compareTo(Duration.ofDays(MAX_DAYS)) > 0) {
			throw ApiException.invalid("to", "must be at most " + MAX_DAYS + " days after from");
		}
		return new CallStatsRange(start, end, zone(timeZone));
	}

	private static Instant instant(String name, String value) {
		if (value == null || value.isEmpty()) {
			throw ApiException.invalid(name, "is required, an ISO-8601 time with an offset");
		}
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw ApiException.invalid(name, "must be an ISO-8601 time with an offset, e.g. 2026-01-31T23:00:00Z");
		}
	}

	private static ZoneId zone(String value) {
		if (value == null || value.isEmpty()) {
			return ZoneId.of("UTC");
		}
		// Region names only, which Java and PostgreSQL read alike from the same IANA database;
		// PostgreSQL reads an offset such as "+02:00" as POSIX does, with the sign inverted.
		if (value.length() > 64 || !REGION.matcher(value).matches()) {
			throw ApiException.invalid("timeZone", "must be an IANA time zone such as Europe/Paris");
		}
		try {
			return ZoneId.of(value);
		}
		catch (DateTimeException ex) {
			throw ApiException.invalid("timeZone", "must be an IANA time zone such as Europe/Paris");
		}
	}

}
