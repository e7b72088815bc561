package asia.oncaller.records;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which parts of a range the charts read from the raw calls rather than the rolled-up slices: an
 * hour not rolled up whole, and of a rolled-up hour only what lies before its first and after its
 * last whole quarter hour; touching parts are read as one. And how the roll-up groups the hours it
 * claims: consecutive hours together, at most a day's in one statement.
 */
class CallStatsRangesTests {

	@Test
	void hoursNotRolledUpAreReadRawWhole() {
		CallStatsRange range = CallStatsRange.of("2026-02-10T00:00:00Z", "2026-02-12T00:00:00Z", null);

		assertThat(raw(range, Set.of())).containsExactly("2026-02-10T00:00:00Z/2026-02-12T00:00:00Z");
	}

	@Test
	void rolledUpHoursLeaveOnlyTheEdgesThatCutAQuarterHour() {
		CallStatsRange range = CallStatsRange.of("2026-02-10T10:07:00Z", "2026-02-12T10:52:00Z", null);

		List<String> raw = raw(range, Set.of(hour("2026-02-10T10:00:00Z"), hour("2026-02-10T11:00:00Z"),
				hour("2026-02-12T10:00:00Z")));

		assertThat(raw).containsExactly("2026-02-10T10:07:00Z/2026-02-10T10:15:00Z",
				"2026-02-10T12:00:00Z/2026-02-12T10:00:00Z", "2026-02-12T10:45:00Z/2026-02-12T10:52:00Z");
	}

	@Test
	void aRangeInsideOneQuarterHourIsReadRaw() {
		CallStatsRange range = CallStatsRange.of("2026-02-10T10:01:00Z", "2026-02-10T10:14:00Z", null);

		assertThat(raw(range, Set.of(hour("2026-02-10T10:00:00Z"))))
			.containsExactly("2026-02-10T10:01:00Z/2026-02-10T10:14:00Z");
	}

	@Test
	void claimedHoursAreRolledUpAsRunsOfConsecutiveHoursAtMostADayLong() {
		List<Instant> hours = new ArrayList<>();
		for (int h = 0; h < 30; h++) {
			hours.add(hour("2026-02-10T00:00:00Z").plusSeconds(3600L * h));
		}
		hours.add(hour("2026-02-12T05:00:00Z"));

		assertThat(CallStatsRollup.runs(hours, 24)).extracting((r) -> r[0] + "/" + r[1])
			.containsExactly("2026-02-10T00:00:00Z/2026-02-11T00:00:00Z", "2026-02-11T00:00:00Z/2026-02-11T06:00:00Z",
					"2026-02-12T05:00:00Z/2026-02-12T06:00:00Z");
	}

	private static Instant hour(String instant) {
		return Instant.parse(instant);
	}

	private static List<String> raw(CallStatsRange range, Set<Instant> rolled) {
		return CallStatsQuery.rawRanges(range, rolled).stream().map((r) -> r[0] + "/" + r[1]).toList();
	}

}
