package asia.oncaller.call;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import asia.oncaller.TestDatabaseConfig;
import asia.oncaller.testsupport.Concurrently;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new call is written, then admitted under its account's lock ({@link CallAdmission}, the
 * {@code admit_call} function) on real PostgreSQL: past the calls at once ({@code r=12}) or the
 * available balance (code 8) it is rolled back, leaving nothing, and nobody hears of it; placements
 * racing on one account are decided one after the other, each counting the calls of those before.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestDatabaseConfig.class)
class CallAdmissionIntegrationTests {

	@Autowired
	BeanFactory beans;

	@Autowired
	CallAdmission admission;

	@Autowired
	JdbcTemplate jdbc;

	BillingFixture fixture;

	@BeforeEach
	void account() {
		this.fixture = new BillingFixture(this.beans, "0.05");
	}

	@Test
	void callWithinTheLimitsIsWrittenAndAnnounced() {
		AtomicInteger announced = new AtomicInteger();
		Call call = this.fixture.freeCall("bob");

		CallOutcome outcome = this.admission.write(call, null, (written) -> announced.incrementAndGet());

		assertThat(outcome).isEqualTo(CallOutcome.OK);
		assertThat(announced).hasValue(1);
		assertThat(callsOfTheAccount()).isEqualTo(1);
	}

	@Test
	void callPastTheCallsAtOnceIsRolledBackUnannounced() {
		callsAtOnce(2);
		assertThat(this.fixture.attempt("bob").outcome()).isEqualTo(CallOutcome.OK);
		assertThat(this.fixture.attempt("carol").outcome()).isEqualTo(CallOutcome.OK);
		AtomicInteger announced = new AtomicInteger();

		CallOutcome outcome = this.admission.write(this.fixture.freeCall("dave"), null, (written) -> announced.incrementAndGet());

		assertThat(outcome).isEqualTo(CallOutcome.RATE_LIMITED);
		assertThat(announced).hasValue(0);
		assertThat(callsOfTheAccount()).isEqualTo(2);
	}

	@Test
	void endedCallsDoNotCount() {
		callsAtOnce(1);
		String first = this.fixture.attempt("bob").callId();
		this.jdbc.update("UPDATE call SET status = 'ENDED', ended_at = now() WHERE id = ?", first);

		assertThat(this.fixture.attempt("carol").outcome()).isEqualTo(CallOutcome.OK);
	}

	@Test
	void pricedCallIsAdmittedOnlyAsFarAsTheBalanceLeftByTheOthersCoversItsFirstIncrement() {
		// A cent a second, 1 s increments: the balance of 0.05 holds back five first increments.
		this.fixture.internalRate("", "0.60", 1, "0");
		for (int i = 0; i < 5; i++) {
			assertThat(this.fixture.attempt("bob" + i).outcome()).isEqualTo(CallOutcome.OK);
		}

		BillingFixture.Attempt sixth = this.fixture.attempt("bob5");

		assertThat(sixth.outcome()).isEqualTo(CallOutcome.NOT_ENOUGH_MONEY);
		assertThat(callsOfTheAccount()).isEqualTo(5);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM call WHERE id = ?", Long.class, sixth.callId()))
			.isZero();
	}

	@Test
	void freeCallsNeedNoBalance() {
		this.jdbc.update("UPDATE account SET balance = 0 WHERE id = ?", this.fixture.account.getId());

		assertThat(this.fixture.attempt("bob").outcome()).isEqualTo(CallOutcome.OK);
	}

	@Test
	void placementsRacingOnOneAccountNeverPassItsCallsAtOnce() throws Exception {
		callsAtOnce(3);

		List<CallOutcome> outcomes = Concurrently.run(30, (i) -> this.fixture.attempt("user" + i).outcome());

		assertThat(outcomes).filteredOn(CallOutcome::ok).hasSize(3);
		assertThat(outcomes).filteredOn((outcome) -> !outcome.ok()).hasSize(27).containsOnly(CallOutcome.RATE_LIMITED);
		assertThat(callsOfTheAccount()).isEqualTo(3);
	}

	private void callsAtOnce(int limit) {
		this.jdbc.update("UPDATE account SET calls_at_once = ? WHERE id = ?", limit, this.fixture.account.getId());
	}

	private long callsOfTheAccount() {
		return this.jdbc.queryForObject("SELECT count(*) FROM call WHERE account_id = ?", Long.class,
				this.fixture.account.getId());
	}

}
