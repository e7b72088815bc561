package asia.oncaller.records;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import asia.oncaller.TestTenants;
import asia.oncaller.tenant.Project;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /v1/call-stats} over real HTTP on real PostgreSQL: hours and days of the chosen time
 * zone with zeros where nothing happened, ASR, average talk time and cost per day, unanswered
 * calls by reason; a finished hour (also one of today) is rolled up once no call of the account
 * created before its end is in progress, and answers exactly as its raw calls did, also for a
 * range that cuts its quarter hours; only the token's tenant counts
 * (another account's, another project's and out-of-range calls never do); a bad range or zone is
 * a 400 naming the field.
 */
class CallStatsApiIntegrationTests extends SeededRecordsTestSupport {

	/** 23:30 in UTC is 00:30 the next day in Paris (UTC+1 in March). */
	private static final Instant T0 = Instant.parse("2026-03-01T23:30:00Z");

	private static final String RANGE = "from=2026-03-01T23:00:00Z&to=2026-03-03T23:00:00Z&timeZone=Europe/Paris";

	@Test
	void aggregatesTheTenantsCallsByLocalHourDayAndReason() {
		CallSeeder.Row talked62 = row(T0);
		talked62.cost = new BigDecimal("0.10");
		CallSeeder.Row talked20 = row(T0.plusSeconds(600));
		talked20.endedAt = talked20.answeredAt.plusSeconds(20);
		talked20.cost = new BigDecimal("0.05");
		CallSeeder.Row busy = row(T0.plusSeconds(3600)).unanswered().status("BUSY");
		busy.endReason = "Busy here";
		CallSeeder.Row noAnswer1 = row(T0.plusSeconds(86_400)).unanswered();
		noAnswer1.endReason = "No answer";
		CallSeeder.Row noAnswer2 = row(T0.plusSeconds(86_460)).unanswered();
		noAnswer2.endReason = "No answer";
		CallSeeder.Row talked30 = row(T0.plusSeconds(86_500));
		talked30.endedAt = talked30.answeredAt.plusSeconds(30);
		this.seeder.insert(talked62, talked20, busy, noAnswer1, noAnswer2, talked30);
		// Outside the range, another account, another project of the same account: none count for it.
		this.seeder.insert(row(Instant.parse("2026-03-01T22:59:59Z")), row(Instant.parse("2026-03-03T23:00:00Z")),
				CallSeeder.row(tenant().account.getId(), tenant().project.getId(), T0));

		Map<String, Object> stats = get("/v1/call-stats?" + RANGE, this.tenant.accountToken()).map();

		assertThat(stats).containsEntry("timeZone", "Europe/Paris").containsEntry("from", "2026-03-01T23:00:00Z");
		List<Map<String, Object>> hours = list(stats, "hours");
		assertThat(hours).hasSize(48);
		assertThat(hours.get(0)).isEqualTo(Map.of("hour", "2026-03-02T00:00", "calls", 2));
		assertThat(hours.get(1)).isEqualTo(Map.of("hour", "2026-03-02T01:00", "calls", 1));
		assertThat(hours.get(24)).isEqualTo(Map.of("hour", "2026-03-03T00:00", "calls", 3));
		assertThat(hours.stream().mapToInt((hour) -> (Integer) hour.get("calls")).sum()).isEqualTo(6);
		List<Map<String, Object>> days = list(stats, "days");
		assertThat(days).hasSize(2);
		assertThat(days.get(0)).containsEntry("day", "2026-03-02")
			.containsEntry("calls", 3)
			.containsEntry("answered", 2)
			.containsEntry("failed", 1)
			.containsEntry("answerSeizureRatio", 0.6667)
			.containsEntry("averageDurationSeconds", 41.0)
			.containsEntry("cost", "0.150000");
		assertThat(days.get(1)).containsEntry("day", "2026-03-03")
			.containsEntry("calls", 3)
			.containsEntry("answered", 1)
			.containsEntry("failed", 2)
			.containsEntry("answerSeizureRatio", 0.3333)
			.containsEntry("averageDurationSeconds", 30.0)
			.containsEntry("cost", "0.000000");
		assertThat(list(stats, "failures")).containsExactly(Map.of("reason", "No answer", "calls", 2),
				Map.of("reason", "Busy here", "calls", 1));
	}

	@Test
	void hoursAreRolledUpUpToTheOldestCallInProgressAndAnswerAsTheirCallsDid() {
		Instant day = Instant.parse("2026-02-10T00:00:00Z");
		CallSeeder.Row answered = row(day.plusSeconds(36_600));
		CallSeeder.Row noAnswer = row(day.plusSeconds(39_000)).unanswered();
		noAnswer.endReason = "No answer";
		CallSeeder.Row ringing = row(day.plusSeconds(43_200)).unanswered().status("RINGING");
		ringing.endedAt = null;
		ringing.endReason = null;
		this.seeder.insert(answered, noAnswer, ringing);
		String path = "/v1/call-stats?from=2026-02-10T00:00:00Z&to=2026-02-11T00:00:00Z";

		Map<String, Object> whileRinging = get(path, this.tenant.accountToken()).map();

		assertThat(list(whileRinging, "days").get(0)).containsEntry("calls", 3).containsEntry("failed", 1);
		// The hours before the ringing call's are rolled up, its own and the later ones not.
		assertThat(rolledHours("2026-02-10T00:00:00Z", "2026-02-10T12:00:00Z")).isEqualTo(12);
		assertThat(rolledHours("2026-02-10T12:00:00Z", "2026-02-11T00:00:00Z")).isZero();

		this.jdbc.update("UPDATE call SET status = 'ENDED', ended_at = created_at + interval '9 seconds', "
				+ "end_reason = 'Canceled' WHERE id = ?", ringing.id);
		Map<String, Object> ended = get(path, this.tenant.accountToken()).map();
		Map<String, Object> fromSlices = get(path, this.tenant.accountToken()).map();

		assertThat(rolledHours("2026-02-10T00:00:00Z", "2026-02-11T00:00:00Z")).isEqualTo(24);
		assertThat(list(ended, "days").get(0)).containsEntry("calls", 3)
			.containsEntry("answered", 1)
			.containsEntry("failed", 2)
			.containsEntry("averageDurationSeconds", 62.0);
		assertThat(list(ended, "failures")).containsExactly(Map.of("reason", "Canceled", "calls", 1),
				Map.of("reason", "No answer", "calls", 1));
		assertThat(fromSlices).isEqualTo(ended);
	}

	@Test
	void aRangeThatCutsQuarterHoursCountsOnlyTheCallsInsideIt() {
		Instant day = Instant.parse("2026-02-12T10:00:00Z");
		this.seeder.insert(row(day.plusSeconds(300)), row(day.plusSeconds(600)), row(day.plusSeconds(3000)),
				row(day.plusSeconds(3300)));
		String token = this.tenant.accountToken();
		assertThat(get("/v1/call-stats?from=2026-02-12T00:00:00Z&to=2026-02-13T00:00:00Z", token).map())
			.satisfies((stats) -> assertThat(list(stats, "days").get(0)).containsEntry("calls", 4));
		assertThat(rolledHours("2026-02-12T00:00:00Z", "2026-02-13T00:00:00Z")).isEqualTo(24);

		Map<String, Object> cut = get("/v1/call-stats?from=2026-02-12T10:07:00Z&to=2026-02-12T10:52:00Z", token).map();

		assertThat(list(cut, "hours")).containsExactly(Map.of("hour", "2026-02-12T10:00", "calls", 2));
	}

	@Test
	void aFinishedHourOfTodayIsRolledUpAndCountsExactlyAsItsRawCallsDid() {
		Instant now = Instant.now();
		// An hour over for more than the settling time; the current hour is never rolled up.
		Instant finished = CallStatsRollup.hour(now.minus(CallStatsRollup.SETTLE).minus(CallStatsRollup.HOUR));
		Instant current = CallStatsRollup.hour(now);
		CallSeeder.Row talked = row(finished.plusSeconds(600));
		talked.cost = new BigDecimal("0.07");
		CallSeeder.Row noAnswer = row(finished.plusSeconds(1200)).unanswered();
		noAnswer.endReason = "No answer";
		CallSeeder.Row recent = row(now.minusSeconds(60));
		// In progress in another project of the same account: it holds back the account's roll-up.
		Project other = this.projects.save(new Project(this.tenant.account.getId(), "Other app"));
		CallSeeder.Row ringing = CallSeeder.row(this.tenant.account.getId(), other.getId(), finished.plusSeconds(1800))
			.unanswered()
			.status("RINGING");
		ringing.endedAt = null;
		this.seeder.insert(talked, noAnswer, recent, ringing,
				CallSeeder.row(tenant().account.getId(), tenant().project.getId(), finished.plusSeconds(600)));
		String path = "/v1/call-stats?from=" + finished.minus(CallStatsRollup.HOUR) + "&to="
				+ current.plus(CallStatsRollup.HOUR) + "&timeZone=Asia/Kolkata";

		Map<String, Object> raw = get(path, this.tenant.projectToken()).map();

		assertThat(rolledHours(finished.toString(), current.plus(CallStatsRollup.HOUR).toString())).isZero();
		this.jdbc.update("UPDATE call SET status = 'ENDED', ended_at = created_at + interval '9 seconds', "
				+ "end_reason = 'Canceled' WHERE id = ?", ringing.id);
		Map<String, Object> rolled = get(path, this.tenant.projectToken()).map();

		assertThat(rolledHours(finished.toString(), finished.plus(CallStatsRollup.HOUR).toString())).isEqualTo(1);
		assertThat(rolledHours(current.toString(), current.plus(CallStatsRollup.HOUR).toString())).isZero();
		assertThat(rolled).isEqualTo(raw);
		assertThat(list(rolled, "hours").stream().mapToInt((hour) -> (Integer) hour.get("calls")).sum()).isEqualTo(3);
		assertThat(list(rolled, "failures")).containsExactly(Map.of("reason", "No answer", "calls", 1));
		assertThat(list(rolled, "days").stream()
			.map((day) -> new BigDecimal((String) day.get("cost")))
			.reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("0.07");
		// The account counts its other project's call too, now from the rolled-up hour; never another account's.
		Map<String, Object> whole = get(path, this.tenant.accountToken()).map();
		assertThat(list(whole, "hours").stream().mapToInt((hour) -> (Integer) hour.get("calls")).sum()).isEqualTo(4);
		assertThat(list(whole, "failures")).containsExactlyInAnyOrder(Map.of("reason", "No answer", "calls", 1),
				Map.of("reason", "Canceled", "calls", 1));
	}

	@Test
	void aProjectTokenCountsItsProjectOnly() {
		Project other = this.projects.save(new Project(this.tenant.account.getId(), "Other app"));
		this.seeder.insert(row(T0), row(T0.plusSeconds(1)),
				CallSeeder.row(this.tenant.account.getId(), other.getId(), T0));

		Map<String, Object> own = get("/v1/call-stats?" + RANGE, this.tenant.projectToken()).map();
		Map<String, Object> whole = get("/v1/call-stats?" + RANGE, this.tenant.accountToken()).map();

		assertThat(list(own, "days").get(0)).containsEntry("calls", 2);
		assertThat(list(whole, "days").get(0)).containsEntry("calls", 3);
	}

	@Test
	void anEmptyRangeIsZerosNotGaps() {
		Map<String, Object> stats = get("/v1/call-stats?from=2026-03-01T00:00:00Z&to=2026-03-01T03:00:00Z",
				this.tenant.accountToken())
			.map();

		assertThat(list(stats, "hours")).extracting((hour) -> hour.get("calls")).containsExactly(0, 0, 0);
		assertThat(list(stats, "days")).singleElement()
			.satisfies((day) -> assertThat(day).containsEntry("calls", 0)
				.containsEntry("answerSeizureRatio", null)
				.containsEntry("cost", "0.000000"));
		assertThat(list(stats, "failures")).isEmpty();
	}

	@Test
	void refusesBadRangesAndZonesNamingTheField() {
		String token = this.tenant.accountToken();
		assertThat(field(get("/v1/call-stats?to=2026-03-02T00:00:00Z", token))).isEqualTo("from");
		assertThat(field(get("/v1/call-stats?from=2026-03-02T00:00:00Z", token))).isEqualTo("to");
		assertThat(field(get("/v1/call-stats?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", token)))
			.isEqualTo("to");
		assertThat(field(get("/v1/call-stats?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:01Z", token)))
			.isEqualTo("to");
		assertThat(field(get("/v1/call-stats?from=yesterday&to=2026-02-01T00:00:00Z", token))).isEqualTo("from");
		for (String zone : List.of("%2B02:00", "Nowhere/Land", "GMT%2B2", "Europe/" + "x".repeat(80), "%00",
				"Europe/Paris%27%3B", "SystemV/EST5")) {
			Response response = get("/v1/call-stats?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z&timeZone=" + zone,
					token);
			assertThat(response.status()).as(zone).isEqualTo(400);
			assertThat(field(response)).isEqualTo("timeZone");
		}
	}

	@Test
	void refusesAnyoneWithoutAValidRestToken() {
		assertThat(get("/v1/call-stats?" + RANGE, null).status()).isEqualTo(401);
		assertThat(get("/v1/call-stats?" + RANGE, "not-a-token").status()).isEqualTo(401);
		assertThat(get("/v1/call-stats?" + RANGE, TestTenants.OPERATOR_TOKEN).status()).isEqualTo(401);
	}

	/** How many of the account's hours in [from, to) are rolled up. */
	private int rolledHours(String from, String to) {
		return this.jdbc.queryForObject(
				"SELECT count(*) FROM call_stats_hour WHERE account_id = ? AND hour >= ?::timestamptz AND hour < ?::timestamptz",
				Integer.class, this.tenant.account.getId(), from, to);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Map<String, Object> stats, String name) {
		return (List<Map<String, Object>>) stats.get(name);
	}

	@SuppressWarnings("unchecked")
	private static String field(Response response) {
		List<Map<String, Object>> errors = (List<Map<String, Object>>) response.map().get("errors");
		return (String) errors.get(0).get("field");
	}

}
