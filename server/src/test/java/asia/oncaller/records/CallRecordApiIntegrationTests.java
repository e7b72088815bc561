package asia.oncaller.records;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import asia.oncaller.TestTenants;
import asia.oncaller.tenant.Project;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /v1/calls}, {@code GET /v1/calls/{callId}} and the CSV export over real HTTP on
 * real PostgreSQL: every record field, every filter, the tenant each token sees, keyset paging
 * through 1,000 records (each exactly once, in order, while newer calls arrive), CSV equal to the
 * JSON listing, and 400s that name the parameter or refuse an altered cursor.
 */
class CallRecordApiIntegrationTests extends SeededRecordsTestSupport {

	private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

	@Test
	void listsNewestFirstWithEveryFieldOfTheRecord() {
		CallSeeder.Row older = row(T0);
		CallSeeder.Row newer = row(T0.plusSeconds(60));
		newer.sipCode = 486;
		newer.billedSeconds = 62;
		newer.cost = new BigDecimal("0.124");
		newer.video = true;
		newer.custom("order-42");
		this.seeder.insert(older, newer);

		Response response = get("/v1/calls", this.tenant.projectToken());

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.map()).containsEntry("nextCursor", null);
		assertThat(ids(response)).containsExactly(newer.id, older.id);
		Map<String, Object> record = response.data().get(0);
		assertThat(record.keySet()).containsExactlyElementsOf(CallRecord.FIELDS);
		assertThat(record).containsEntry("callId", newer.id)
			.containsEntry("projectId", this.tenant.project.getId())
			.containsEntry("accountId", this.tenant.account.getId())
			.containsEntry("fromNumber", "alice")
			.containsEntry("fromType", "internal")
			.containsEntry("toType", "internal")
			.containsEntry("isVideoCall", true)
			.containsEntry("direction", "APP_TO_APP")
			.containsEntry("status", "ENDED")
			.containsEntry("sipCode", 486)
			.containsEntry("createdAt", "2026-03-01T10:01:00Z")
			.containsEntry("answeredAt", "2026-03-01T10:01:03Z")
			.containsEntry("endedAt", "2026-03-01T10:02:05Z")
			.containsEntry("durationSeconds", 62)
			.containsEntry("billedSeconds", 62)
			.containsEntry("cost", "0.124000")
			.containsEntry("currency", "USD")
			.containsEntry("customData", "order-42");
	}

	@Test
	void durationIsZeroForAnUnansweredCallAndNullWhileACallLasts() {
		CallSeeder.Row unanswered = row(T0).unanswered();
		CallSeeder.Row live = row(T0.plusSeconds(1)).status("ANSWERED");
		live.endedAt = null;
		this.seeder.insert(unanswered, live);

		assertThat(get("/v1/calls/" + unanswered.id, this.tenant.projectToken()).map())
			.containsEntry("durationSeconds", 0);
		assertThat(get("/v1/calls/" + live.id, this.tenant.projectToken()).map()).containsEntry("durationSeconds", null);
	}

	@Test
	void eachFilterNarrowsTheListing() {
		CallSeeder.Row a = row(T0).from("+441111", "alice").to("bob", "bob");
		CallSeeder.Row b = row(T0.plusSeconds(10)).from("carol", "carol").to("+442222", null).direction("APP_TO_PHONE");
		CallSeeder.Row c = row(T0.plusSeconds(20)).from("dave", "dave").to("alice", "alice").status("BUSY");
		CallSeeder.Row d = row(T0.plusSeconds(30)).from("dave", "dave").to("erin", "erin").status("CALLING");
		this.seeder.insert(a, b, c, d);
		String token = this.tenant.projectToken();

		assertThat(ids(get("/v1/calls?from=%2B441111", token))).containsExactly(a.id);
		assertThat(ids(get("/v1/calls?to=%2B442222", token))).containsExactly(b.id);
		assertThat(ids(get("/v1/calls?userId=alice", token))).containsExactly(c.id, a.id);
		assertThat(ids(get("/v1/calls?status=busy,calling", token))).containsExactly(d.id, c.id);
		assertThat(ids(get("/v1/calls?direction=APP_TO_PHONE", token))).containsExactly(b.id);
		assertThat(ids(get("/v1/calls?startedAfter=2026-03-01T10:00:10Z&startedBefore=2026-03-01T10:00:30Z", token)))
			.containsExactly(c.id, b.id);
		assertThat(ids(get("/v1/calls?startedAfter=2026-03-01T11:00:10%2B01:00&from=dave", token)))
			.containsExactly(d.id, c.id);
	}

	@Test
	void projectTokenSeesItsProjectAndAccountTokenTheWholeAccount() {
		Project second = this.projects.save(new Project(this.tenant.account.getId(), "Second app"));
		CallSeeder.Row first = row(T0);
		CallSeeder.Row other = CallSeeder.row(this.tenant.account.getId(), second.getId(), T0.plusSeconds(1));
		this.seeder.insert(first, other);

		assertThat(ids(get("/v1/calls", this.tenant.projectToken()))).containsExactly(first.id);
		assertThat(ids(get("/v1/calls", this.tenant.accountToken()))).containsExactly(other.id, first.id);
		assertThat(get("/v1/calls/" + other.id, this.tenant.projectToken()).status()).isEqualTo(404);
		assertThat(get("/v1/calls/" + other.id, this.tenant.accountToken()).status()).isEqualTo(200);
	}

	@Test
	void missingCallIsANotFoundProblem() {
		Response response = get("/v1/calls/call-missing", this.tenant.accountToken());
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.map()).containsEntry("code", "not-found")
			.containsEntry("type", "https://oncaller.asia/problems/not-found");
	}

	@Test
	void invalidFiltersAndLimitsAreNamed() {
		String token = this.tenant.projectToken();
		assertThat(errorField(get("/v1/calls?status=LOST", token))).isEqualTo("status");
		assertThat(errorField(get("/v1/calls?direction=SIDEWAYS", token))).isEqualTo("direction");
		assertThat(errorField(get("/v1/calls?startedAfter=yesterday", token))).isEqualTo("startedAfter");
		assertThat(errorField(get("/v1/calls?startedBefore=2026-03-01", token))).isEqualTo("startedBefore");
		assertThat(errorField(get("/v1/calls?limit=0", token))).isEqualTo("limit");
		assertThat(errorField(get("/v1/calls?limit=101", token))).isEqualTo("limit");
		assertThat(errorField(get("/v1/calls?limit=ten", token))).isEqualTo("limit");
		assertThat(errorField(get("/v1/calls?from=" + "x".repeat(129), token))).isEqualTo("from");
	}

	@Test
	void alteredOrForeignCursorIsRefused() {
		for (int i = 0; i < 3; i++) {
			this.seeder.insert(row(T0.plusSeconds(i)));
		}
		String token = this.tenant.projectToken();
		String cursor = (String) get("/v1/calls?limit=1", token).map().get("nextCursor");
		assertThat(get("/v1/calls?limit=1&cursor=" + cursor, token).status()).isEqualTo(200);

		char last = cursor.charAt(cursor.length() - 1);
		String altered = cursor.substring(0, cursor.length() - 1) + ((last == 'A') ? 'B' : 'A');
		Response tampered = get("/v1/calls?limit=1&cursor=" + altered, token);
		assertThat(tampered.status()).isEqualTo(400);
		assertThat(tampered.map()).containsEntry("code", "invalid-cursor");
		assertThat(get("/v1/calls?limit=1&status=ENDED&cursor=" + cursor, token).status()).isEqualTo(400);
		assertThat(get("/v1/calls?limit=1&cursor=" + cursor, this.tenant.accountToken()).status()).isEqualTo(400);
		assertThat(get("/v1/calls?limit=1&cursor=" + cursor, tenant().projectToken()).status()).isEqualTo(400);
		assertThat(get("/v1/calls?cursor=not-base64!.x", token).status()).isEqualTo(400);
	}

	@Test
	void pagingThroughAThousandRecordsReturnsEachExactlyOnceInOrder() {
		List<CallSeeder.Row> rows = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			// Three calls share each creation time, so the id must break ties.
			rows.add(row(T0.plusSeconds(i / 3)));
		}
		this.seeder.insert(rows);
		List<String> expected = this.jdbc.queryForList(
				"SELECT id FROM call WHERE account_id = ? ORDER BY created_at DESC, id DESC", String.class,
				this.tenant.account.getId());

		for (int limit : new int[] { 100, 37 }) {
			List<String> seen = new ArrayList<>();
			String cursor = null;
			int pages = 0;
			do {
				Response page = get("/v1/calls?limit=" + limit + ((cursor != null) ? "&cursor=" + cursor : ""),
						this.tenant.projectToken());
				assertThat(page.status()).isEqualTo(200);
				seen.addAll(ids(page));
				cursor = (String) page.map().get("nextCursor");
				if (++pages == 2 && limit == 100) {
					// Calls placed while someone pages do not shift the pages still to come.
					this.seeder.insert(row(T0.plusSeconds(5000)), row(T0.plusSeconds(5001)));
				}
			}
			while (cursor != null);
			List<String> original = seen.stream().filter(expected::contains).toList();
			assertThat(original).as("limit %d", limit).containsExactlyElementsOf(expected);
			assertThat(new HashSet<>(seen)).hasSize(seen.size());
			assertThat(pages).isEqualTo((seen.size() + limit - 1) / limit);
		}
	}

	@Test
	void csvExportEqualsTheJsonListing() {
		List<CallSeeder.Row> rows = new ArrayList<>();
		String[] tricky = { null, "plain", "comma, inside", "quote \" inside", "line\nbreak", "ünïcødé ☎" };
		for (int i = 0; i < 250; i++) {
			CallSeeder.Row row = row(T0.plusSeconds(i)).custom(tricky[i % tricky.length]);
			if (i % 5 == 0) {
				row.unanswered().status("BUSY").sipCode = 486;
			}
			if (i % 7 == 0) {
				row.cost = new BigDecimal("1.5");
			}
			rows.add(row);
		}
		this.seeder.insert(rows);
		String token = this.tenant.accountToken();

		for (String query : List.of("", "?status=BUSY")) {
			Response csv = exchange(HttpMethod.GET, "/v1/calls" + query, token, null, MediaType.parseMediaType("text/csv"));
			assertThat(csv.status()).isEqualTo(200);
			assertThat(csv.contentType()).startsWith("text/csv");
			List<List<String>> table = CsvRows.parse(csv.body());
			assertThat(table.get(0)).containsExactlyElementsOf(CallRecord.FIELDS);
			List<List<String>> json = allPages("/v1/calls" + query, token);
			assertThat(table.subList(1, table.size())).containsExactlyElementsOf(json);
		}
	}

	@Test
	void csvExportNeutralisesFormulasFromAppUsersAndPhoneCallers() {
		// What an app user's call.make and a phone caller's INVITE leave in the record: the
		// numbers and custom data are theirs, not the customer's.
		CallSeeder.Row fromApp = row(T0).from("=HYPERLINK(\"http://evil.example\")", "mallory")
			.to("@SUM(1+1)*cmd|' /C calc'!A0", null)
			.custom("-2+3");
		CallSeeder.Row fromPhone = row(T0.plusSeconds(1)).from("+1+cmd|' /C calc'!A0", null)
			.to("+442079460018", "bob")
			.direction("PHONE_TO_APP")
			.custom("\t=1+1");
		fromPhone.fromType = "EXTERNAL";
		this.seeder.insert(fromApp, fromPhone);

		Response csv = exchange(HttpMethod.GET, "/v1/calls", this.tenant.projectToken(), null,
				MediaType.parseMediaType("text/csv"));

		assertThat(csv.status()).isEqualTo(200);
		List<List<String>> table = CsvRows.parse(csv.body());
		List<Integer> columns = List.of(CallRecord.FIELDS.indexOf("fromNumber"), CallRecord.FIELDS.indexOf("toNumber"),
				CallRecord.FIELDS.indexOf("customData"));
		assertThat(columns.stream().map(table.get(1)::get)).containsExactly("'+1+cmd|' /C calc'!A0", "+442079460018", "'\t=1+1");
		assertThat(columns.stream().map(table.get(2)::get)).containsExactly("'=HYPERLINK(\"http://evil.example\")", "'@SUM(1+1)*cmd|' /C calc'!A0", "'-2+3");
		assertThat(csv.body()).contains(",\"'=HYPERLINK(\"\"http://evil.example\"\")\",");
	}

	@Test
	void csvExportWithAnInvalidFilterIsAProblem() {
		Response csv = exchange(HttpMethod.GET, "/v1/calls?status=LOST", this.tenant.accountToken(), null,
				MediaType.parseMediaType("text/csv"));
		assertThat(csv.status()).isEqualTo(400);
		assertThat(csv.body()).contains("invalid-request").contains("status");
	}

	/** Every record of every page, as text the way the CSV writes it. */
	private List<List<String>> allPages(String path, String token) {
		List<List<String>> rows = new ArrayList<>();
		String cursor = null;
		do {
			String separator = path.contains("?") ? "&" : "?";
			Response page = get(path + separator + "limit=100" + ((cursor != null) ? "&cursor=" + cursor : ""), token);
			for (Map<String, Object> record : page.data()) {
				rows.add(CallRecord.FIELDS.stream().map((field) -> {
					Object value = record.get(field);
					return (value != null) ? value.toString() : "";
				}).toList());
			}
			cursor = (String) page.map().get("nextCursor");
		}
		while (cursor != null);
		return rows;
	}

	private static List<String> ids(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.data().stream().map((record) -> (String) record.get("callId")).toList();
	}

	@SuppressWarnings("unchecked")
	private static String errorField(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		List<Map<String, Object>> errors = (List<Map<String, Object>>) response.map().get("errors");
		Set<Object> fields = new HashSet<>();
		errors.forEach((error) -> fields.add(error.get("field")));
		assertThat(fields).hasSize(1);
		return (String) fields.iterator().next();
	}

}
