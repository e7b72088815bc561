package asia.oncaller.records;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which parts of a range the charts read from the raw calls rather than the rolled-up slices: a
 * day not rolled up whole, and of a rolled-up day only what lies before its first and after its
 * last whole quarter hour; touching parts are read as one.
 */
class CallStatsRangesTests {

	@Test
	void aDayNotRolledUpIsReadRawWhole() {
		CallStatsRange range = CallStatsRange.of("2026-02-10T00:00:00Z", "2026-02-12T00:00:00Z", null);

		assertThat(raw(range, Set.of())).containsExactly("2026-02-10T00:00:00Z/2026-02-12T00:00:00Z");
	}

	@Test
	void rolledUpDaysLeaveOnlyTheEdgesThatCutAQuarterHour() {
		CallStatsRange range = CallStatsRange.of("2026-02-10T10:07:00Z", "2026-02-12T10:52:00Z", null);

		List<String> raw = raw(range, Set.of(LocalDate.parse("2026-02-10"), LocalDate.parse("2026-02-12")));

		assertThat(raw).containsExactly("2026-02-10T10:07:00Z/2026-02-10T10:15:00Z",
				"2026-02-11T00:00:00Z/2026-02-12T00:00:00Z", "2026-02-12T10:45:00Z/2026-02-12T10:52:00Z");
	}

	@Test
	void aRangeInsideOneQuarterHourIsReadRaw() {
		CallStatsRange range = CallStatsRange.of("2026-02-10T10:01:00Z", "2026-02-10T10:14:00Z", null);

		assertThat(raw(range, Set.of(LocalDate.parse("2026-02-10"))))
			.containsExactly("2026-02-10T10:01:00Z/2026-02-10T10:14:00Z");
	}

	private static List<String> raw(CallStatsRange range, Set<LocalDate> rolled) {
		return CallStatsQuery.rawRanges(range, rolled).stream().map((r) -> r[0] + "/" + r[1]).toList();
	}

}
