package asia.oncaller.e2e;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import asia.oncaller.tenant.Account;
import asia.oncaller.tenant.AccountRepository;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web console in Chromium against the real server, as its users work it: an account owner
 * signs in with the account's SID and secret (Enter in the form), watches a call between two
 * browser phones appear in the live table and leave it when it ends, filters the records to it,
 * downloads the CSV of that filter and opens its detail; the operator picks the account, hangs a
 * live call up (both phones hear it end) and tops the balance up; the charts show what the
 * database holds; a number is created after the API's validation errors showed next to their
 * fields. Screenshots of every page, desktop and 360 px wide, go to target/screenshots.
 */
class ConsoleBrowserTests extends BrowserTestSupport {

	@Test
	void accountOwnerWatchesALiveCallThenFiltersDownloadsAndOpensItsRecord() throws Exception {
		Account account = ConsoleTab.demoAccount(environment());
		ConsoleTab console = new ConsoleTab(open("/console"), environment());
		console.tab().waitUntil("document.getElementById('account-sid')");
		console.tab().type("account-sid", account.getId());
		console.tab().type("account-secret", account.getSecret());
		console.tab().element("account-secret").sendKeys(Keys.ENTER);
		console.tab().waitUntil("document.getElementById('live-status')");
		SdkTab alice = signedIn(user("alice"));
		SdkTab bob = signedIn(user("bob"));

		establish(alice, bob, false);

		console.tab().waitUntil(liveRow(bob.userId()) + "?.textContent.includes('ANSWERED')");
		String first = (String) console.tab().script("return " + liveRow(bob.userId()) + ".querySelector('.ticking').textContent");
		console.tab().waitUntil(liveRow(bob.userId()) + ".querySelector('.ticking').textContent !== " + SdkTab.json(first));
		console.screenshot("live-calls");
		alice.verbOk("outgoing", "hangup");
		console.tab().waitUntil("!" + liveRow(bob.userId()));

		console.open("records");
		console.tab().waitUntil("document.getElementById('filter-userId')");
		console.tab().type("filter-userId", bob.userId());
		console.tab().element("filter-userId").sendKeys(Keys.ENTER);
		console.tab().waitUntil("document.querySelectorAll('#records tbody tr').length === 1");
		List<String> row = console.rows("records").get(0);
		assertThat(row).contains("ENDED", "APP_TO_APP");
		console.screenshot("records");

		Path downloads = Files.createTempDirectory("console-downloads-");
		environment().driver()
			.executeCdpCommand("Browser.setDownloadBehavior",
					Map.of("behavior", "allow", "downloadPath", downloads.toString()));
		console.tab().click("records-csv");
		Path csv = downloads.resolve("calls.csv");
		waitForFile(csv);
		List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
		assertThat(lines).hasSize(2);
		assertThat(lines.get(0)).startsWith("callId,");
		String callId = (String) console.tab().script("return document.querySelector('#records tbody tr').dataset.callId");
		assertThat(lines.get(1)).startsWith(callId + ",").contains(bob.userId());

		console.tab().script("document.querySelector('#records tbody tr a').click()");
		console.tab().waitUntil("document.getElementById('record-facts')");
		assertThat(console.tab().element("record-facts").getText()).contains(callId, "ENDED", bob.userId());
		console.screenshot("record-detail");
	}

	@Test
	void operatorPicksTheAccountHangsUpALiveCallAndTopsUpItsBalance() {
		Account account = ConsoleTab.demoAccount(environment());
		ConsoleTab console = new ConsoleTab(open("/console"), environment()).signInAsOperator(E2eEnvironment.OPERATOR_TOKEN,
				account);
		SdkTab alice = signedIn(user("alice"));
		SdkTab bob = signedIn(user("bob"));
		establish(alice, bob, false);
		console.tab().waitUntil(liveRow(bob.userId()) + "?.textContent.includes('ANSWERED')");
		console.screenshot("live-calls-operator");

		console.tab().script("return " + liveRow(bob.userId()) + ".querySelector('button.danger').click()");

		alice.waitFor("outgoing", "signalingstate", "e.code === 6");
		bob.waitFor("incoming", "signalingstate", "e.code === 6");
		console.tab().waitUntil("!" + liveRow(bob.userId()));
		assertThat(CallRecords.ofUser(environment(), bob.userId())).singleElement()
			.satisfies((record) -> assertThat(record).containsEntry("endReason", "Ended by operator"));

		BigDecimal before = balance(account);
		console.open("money");
		console.tab().waitUntil("document.getElementById('top-up-amount') && document.querySelector('#balance strong')");
		console.tab().type("top-up-amount", "5");
		console.tab().element("top-up-amount").sendKeys(Keys.ENTER);
		console.tab().waitUntil("document.querySelector('#ledger tbody tr')?.textContent.includes('TOP_UP')"
				+ " && document.querySelector('#ledger tbody tr').textContent.includes('5.000000')");
		assertThat(balance(account)).isEqualByComparingTo(before.add(new BigDecimal("5")));
		console.tab().waitUntil("document.querySelector('#balance strong').textContent.startsWith("
				+ SdkTab.json(balance(account).toPlainString()) + ")");
		console.screenshot("money");
	}

	@Test
	void chartsShowWhatTheDatabaseHolds() {
		Account account = ConsoleTab.demoAccount(environment());
		SdkTab alice = signedIn(user("alice"));
		SdkTab bob = signedIn(user("bob"));
		establish(alice, bob, false);
		alice.verbOk("outgoing", "hangup");
		bob.waitFor("incoming", "signalingstate", "e.code === 6");
		ConsoleTab console = new ConsoleTab(open("/console"), environment()).signInAsAccount(account);

		console.open("charts");
		console.tab().waitUntil("document.querySelectorAll('#chart-asr tbody tr').length === 7"
				+ " && document.querySelector('#chart-calls-per-hour canvas')");

		String zone = (String) console.tab().script("return Intl.DateTimeFormat().resolvedOptions().timeZone");
		List<String> today = console.rows("chart-asr").get(6);
		LocalDate day = LocalDate.parse(today.get(0));
		Map<String, Object> expected = new JdbcTemplate(environment().bean(DataSource.class)).queryForMap(
				"SELECT count(*) AS calls, count(answered_at) AS answered FROM call WHERE account_id = ?"
						+ " AND created_at >= ? AND created_at < ?",
				account.getId(), java.sql.Timestamp.from(day.atStartOfDay(ZoneId.of(zone)).toInstant()),
				java.sql.Timestamp.from(day.plusDays(1).atStartOfDay(ZoneId.of(zone)).toInstant()));
		assertThat(((Number) expected.get("calls")).longValue()).isPositive();
		assertThat(today.get(1)).isEqualTo(expected.get("calls").toString());
		assertThat(today.get(2)).isEqualTo(expected.get("answered").toString());
		long hourly = console.rows("chart-calls-per-hour")
			.stream()
			.filter((hour) -> hour.get(0).startsWith(day.toString()))
			.mapToLong((hour) -> Long.parseLong(hour.get(1)))
			.sum();
		assertThat(hourly).isEqualTo(((Number) expected.get("calls")).longValue());
		console.tab().script("document.querySelectorAll('#charts details').forEach((d) => d.open = false)");
		console.screenshot("charts");
	}

	@Test
	void createsANumberAfterTheApisValidationErrorsShowNextToTheFields() {
		ConsoleTab console = new ConsoleTab(open("/console"), environment())
			.signInAsAccount(ConsoleTab.demoAccount(environment()));
		console.open("numbers");
		console.tab().waitUntil("document.getElementById('numbers-create-number')");

		console.tab().type("numbers-create-number", "12345");
		console.tab().type("numbers-create-answerUrl", "not a url");
		console.tab().element("numbers-create").submit();

		console.tab().waitUntil("!document.getElementById('numbers-create-number-error').hidden");
		assertThat(console.tab().element("numbers-create-number-error").getText()).contains("E.164");
		assertThat(console.tab().element("numbers-create-answerUrl-error").isDisplayed()).isTrue();
		assertThat(console.tab().element("numbers-create-number").getAttribute("aria-invalid")).isEqualTo("true");
		console.screenshot("numbers-validation");

		String number = "+1555" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
		console.tab().type("numbers-create-number", number);
		console.tab().element("numbers-create-answerUrl").clear();
		console.tab().element("numbers-create").submit();
		console.tab().waitUntil("[...document.querySelectorAll('#numbers-list tbody tr')].some((tr) => tr.cells[0].textContent === "
				+ SdkTab.json(number) + ")");
		console.screenshot("numbers");

		console.capture("trunks", "#trunks-list tbody tr", "trunks");
		console.capture("projects", "#projects-list tbody tr", "projects");
		console.atPhoneWidth(() -> {
			console.capture("live", "#live-calls table, #live-calls .empty", "live-calls-360px");
			console.capture("records", "#records tbody tr, #records .empty", "records-360px");
			console.capture("numbers", "#numbers-list tbody tr", "numbers-360px");
		});
	}

	/** The live table's row of the call whose parties include {@code userId}, or undefined. */
	private static String liveRow(String userId) {
		return "[...document.querySelectorAll('#live-calls tbody tr')].find((tr) => tr.textContent.includes("
				+ SdkTab.json(userId) + "))";
	}

	private BigDecimal balance(Account account) {
		return environment().bean(AccountRepository.class).findById(account.getId()).orElseThrow().getBalance();
	}

	/** Chromium writes a download under another name and renames it when complete. */
	private static void waitForFile(Path file) {
		Awaitility.await("the download of " + file).atMost(Duration.ofSeconds(10)).until(() -> Files.exists(file));
	}

}
