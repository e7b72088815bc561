package asia.oncaller.records;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code GET /v1/call-stats}: every hour and every day of the range, those with no
 * call as zeros, so that a chart's x axis is the range itself. ASR (answer-seizure ratio) is
 * answered calls over all calls placed; the average duration is over the answered calls that
 * have ended; money is a decimal string as everywhere in the API.
 *
 * @param from the range's start, inclusive
 * @param to its end, exclusive
 * @param timeZone the zone whose hours and days these are
 * @param hours calls per local hour
 * @param days per local day
 * @param failures calls that ended unanswered, by end reason, the most frequent first
 */
record CallStats(String from, String to, String timeZone, List<HourView> hours, List<DayView> days,
		List<FailureView> failures) {

	/** One local hour, as {@code 2026-01-31T14:00}. */
	record HourView(String hour, long calls) {
	}

	/** One local day, as {@code 2026-01-31}. */
	record DayView(String day, long calls, long answered, long failed, Double answerSeizureRatio,
			Double averageDurationSeconds, String cost) {
	}

	/** An end reason and how many calls ended unanswered with it. */
	record FailureView(String reason, long calls) {
	}

	static CallStats of(CallStatsRange range, List<CallStatsQuery.HourSums> sums) {
		Map<LocalDateTime, Sums> byHour = new HashMap<>();
		Map<String, Long> failed = new HashMap<>();
		for (CallStatsQuery.HourSums hour : sums) {
			byHour.computeIfAbsent(hour.hour(), (key) -> new Sums()).add(hour);
			if (!hour.reason().isEmpty()) {
				failed.merge(hour.reason(), hour.failed(), Long::sum);
			}
		}
		List<HourView> hours = new ArrayList<>();
		Map<LocalDate, Sums> days = new LinkedHashMap<>();
		LocalDateTime end = range.to().atZone(range.zone()).toLocalDateTime();
		// Local hours, not instants: a day of a daylight-saving change has 23 or 25 of them.
		LocalDateTime first = range.from().atZone(range.zone()).toLocalDateTime().truncatedTo(ChronoUnit.HOURS);
		for (LocalDateTime hour = first; hour.isBefore(end); hour = hour.plusHours(1)) {
			Sums found = byHour.getOrDefault(hour, new Sums());
			hours.add(new HourView(hour.toString(), found.calls));
			days.computeIfAbsent(hour.toLocalDate(), (date) -> new Sums()).add(found);
		}
		List<DayView> dayViews = days.entrySet().stream().map((entry) -> entry.getValue().view(entry.getKey())).toList();
		List<FailureView> failures = failed.entrySet()
			.stream()
			.map((entry) -> new FailureView(entry.getKey(), entry.getValue()))
			.sorted(Comparator.comparingLong(FailureView::calls).reversed().thenComparing(FailureView::reason))
			.toList();
		return new CallStats(range.from().toString(), range.to().toString(), range.zone().getId(), hours, dayViews,
				failures);
	}

	/** The sums of an hour's rows, or of a day's hours. */
	private static final class Sums {

		private long calls;

		private long answered;

		private long failed;

		private long talked;

		private BigDecimal talkSeconds = BigDecimal.ZERO;

		private BigDecimal cost = BigDecimal.ZERO;

		void add(CallStatsQuery.HourSums hour) {
			this.calls += hour.calls();
			this.answered += hour.answered();
			this.failed += hour.failed();
			this.talked += hour.talked();
			this.talkSeconds = this.talkSeconds.add(hour.talkSeconds());
			this.cost = this.cost.add(hour.cost());
		}

		void add(Sums other) {
			this.calls += other.calls;
			this.answered += other.answered;
			this.failed += other.failed;
			this.talked += other.talked;
			this.talkSeconds = this.talkSeconds.add(other.talkSeconds);
			this.cost = this.cost.add(other.cost);
		}

		DayView view(LocalDate date) {
			Double asr = (this.calls > 0) ? ratio(BigDecimal.valueOf(this.answered), this.calls, 4) : null;
			Double average = (this.talked > 0) ? ratio(this.talkSeconds, this.talked, 1) : null;
			return new DayView(date.toString(), this.calls, this.answered, this.failed, asr, average,
					this.cost.setScale(6, RoundingMode.HALF_UP).toPlainString());
		}

		private static double ratio(BigDecimal numerator, long denominator, int scale) {
			return numerator.divide(BigDecimal.valueOf(denominator), scale, RoundingMode.HALF_UP).doubleValue();
		}

	}

}
