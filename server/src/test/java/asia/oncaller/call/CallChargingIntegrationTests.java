package asia.oncaller.call;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import asia.oncaller.TalkTime;
import asia.oncaller.TestDatabaseConfig;
import asia.oncaller.testsupport.Concurrently;
import asia.oncaller.billing.BalanceLedger;
import asia.oncaller.billing.BalanceTransaction;
import asia.oncaller.billing.BalanceTransactionRepository;
import asia.oncaller.billing.Charge;
import asia.oncaller.billing.Rate;
import asia.oncaller.billing.RateRepository;
import asia.oncaller.billing.Tariff;
import asia.oncaller.billing.TransactionKind;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Money under concurrency on real PostgreSQL, through the call service from many threads at
 * once: endings debit exactly the sum of their costs with a gapless ledger, calls sharing a small
 * balance are admitted and cut off without overdraft, and grants grow only as far as money allows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestDatabaseConfig.class)
class CallChargingIntegrationTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	BalanceLedger ledger;

	@Autowired
	RateRepository rates;

	@Autowired
	BeanFactory beans;

	@Autowired
	CallRepository calls;

	@Autowired
	CallService callService;

	@Autowired
	CallCharging charging;

	@Autowired
	BalanceTransactionRepository transactions;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void fiftyCallsEndingAtOnceDebitExactlyTheSumOfTheirCosts() throws Exception {
		BillingFixture fixture = fixture("1000.00");
		fixture.internalRate("", "0.60", 1, "0");
		fixture.internalRate("7", "1.20", 6, "0.05");
		fixture.internalRate("8", "0.30", 60, "0.10");
		List<String> callIds = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			String callee = new String[] { "bob" + i, "7" + i, "8" + i }[i % 3];
			String callId = fixture.place(callee).orElseThrow();
			assertThat(this.callService.answer(fixture.callee(callee), callId).outcome()).isEqualTo(CallOutcome.OK);
			callIds.add(callId);
		}
		// Each call must have talked for a while to cost something.
		TalkTime.talkedFor(this.jdbc, Duration.ofMillis(1200), callIds);

		List<CallResult> results = Concurrently.run(callIds.size(),
				(i) -> this.callService.hangup(fixture.caller(), callIds.get(i)));

		assertThat(results).extracting(CallResult::outcome).containsOnly(CallOutcome.OK);
		BigDecimal costs = BigDecimal.ZERO;
		for (String callId : callIds) {
			Call call = this.calls.findById(callId).orElseThrow();
			Duration answered = Duration.between(call.timing().answeredAt(), call.timing().endedAt());
			Money money = call.money();
			assertThat(money.cost()).isEqualByComparingTo(money.tariff().charge(answered).cost()).isPositive();
			costs = costs.add(call.money().cost());
		}
		assertThat(this.ledger.balance(fixture.account.getId())).isEqualByComparingTo(new BigDecimal("1000.00").subtract(costs));
		assertThatLedgerIsGapless(fixture, 50);
		assertThat(this.calls.sumReservedByLiveCalls(fixture.account.getId())).isZero();
	}

	@Test
	void callsSharingASmallBalanceAreAdmittedAndCutOffWithoutOverdraft() throws Exception {
		// 0.60 a minute in 1 s increments: a cent a second; the balance pays for 5 seconds.
		BillingFixture fixture = fixture("0.05");
		fixture.internalRate("", "0.60", 1, "0");

		List<Optional<String>> placed = Concurrently.run(50, (i) -> fixture.place("bob" + i));
		List<String> admitted = placed.stream().flatMap(Optional::stream).toList();
		assertThat(admitted).hasSize(5);
		List<CallResult> answers = Concurrently.run(admitted.size(), (i) -> this.callService
			.answer(fixture.callee(this.calls.findById(admitted.get(i)).orElseThrow().parties().toUserId()),
					admitted.get(i)));
		assertThat(answers).extracting(CallResult::outcome).containsOnly(CallOutcome.OK);
		for (String callId : admitted) {
			// Each answer may use only what the others' first increments leave: its own cent.
			assertThat(this.calls.findById(callId).orElseThrow().money().grantedSeconds()).isEqualTo(1);
		}

		List<Call> ended = awaitEnded(admitted, Duration.ofSeconds(5));

		assertThat(ended).allSatisfy((call) -> {
			assertThat(call.getEndReason()).isEqualTo("Not enough money");
			assertThat(call.getSipCode()).isEqualTo(402);
			assertThat(call.money().billedSeconds()).isEqualTo(1);
			assertThat(call.money().cost()).isEqualByComparingTo("0.01");
			// Cut within a second of the grant running out.
			Timing timing = call.timing();
			assertThat(Duration.between(timing.connectDeadline(), timing.endedAt())).isLessThan(Duration.ofSeconds(1));
		});
		assertThat(this.ledger.balance(fixture.account.getId())).isEqualByComparingTo("0.00");
		assertThatLedgerIsGapless(fixture, 5);
	}

	@Test
	void grantGrowsAsFarAsTheBalancePaysAndAgainAfterATopUp() {
		BillingFixture fixture = fixture("1.50");
		Rate rate = fixture.internalRate("", "0.60", 1, "0");
		String callId = fixture.place("bob").orElseThrow();
		this.callService.answer(fixture.callee("bob"), callId);
		assertThat(grant(callId)).isEqualTo(60);

		assertThat(renew(callId)).isTrue();
		assertThat(grant(callId)).isEqualTo(120);
		assertThat(renew(callId)).isTrue();
		assertThat(grant(callId)).isEqualTo(150);
		assertThat(renew(callId)).isFalse();
		this.ledger.topUp(fixture.account.getId(), new BigDecimal("0.60"), "mid-call");
		assertThat(renew(callId)).isTrue();
		assertThat(grant(callId)).isEqualTo(210);
		assertThat(this.calls.findById(callId).orElseThrow().money().reservedAmount()).isEqualByComparingTo("2.10");

		// The call keeps its prices when its rate goes away mid-call.
		this.rates.delete(rate);
		this.callService.hangup(fixture.caller(), callId);
		Call ended = this.calls.findById(callId).orElseThrow();
		assertThat(ended.money().billedSeconds()).isEqualTo(1);
		assertThat(ended.money().cost()).isEqualByComparingTo("0.01");
		assertThat(ended.money().tariff()).isEqualTo(new Tariff(new BigDecimal("0.60"), 1, BigDecimal.ZERO));
		assertThat(this.ledger.balance(fixture.account.getId())).isEqualByComparingTo("2.09");
	}

	@Test
	void anEndingForeseenFromAStaleReadIsBilledByTheRowItEnded() {
		BillingFixture fixture = fixture("10.00");
		fixture.internalRate("", "0.60", 1, "0");
		String callId = fixture.place("bob").orElseThrow();
		// Read before the answer: the ending foresees no charge, as a hangup racing the answer would.
		Charge foreseen = this.transaction
			.execute((status) -> this.charging.lockAccountOf(callId, Instant.now().truncatedTo(ChronoUnit.MICROS)));
		assertThat(foreseen).isEqualTo(Charge.NONE);
		this.callService.answer(fixture.callee("bob"), callId);
		TalkTime.talkedFor(this.jdbc, Duration.ofSeconds(30), List.of(callId));

		Call charged = this.transaction.execute((status) -> this.charging.charge(this.calls
			.markEnded(callId, CallState.live(), CallState.ENDED, Instant.now().truncatedTo(ChronoUnit.MICROS), "Ended",
					null, foreseen)
			.orElseThrow()));

		Call ended = this.calls.findById(callId).orElseThrow();
		Charge billed = CallCharging.chargeOf(ended);
		assertThat(billed.billedSeconds()).isGreaterThanOrEqualTo(30);
		assertThat(ended.money().billedSeconds()).isEqualTo(billed.billedSeconds());
		assertThat(ended.money().cost()).isEqualByComparingTo(billed.cost()).isEqualByComparingTo(charged.money().cost());
		assertThat(this.ledger.balance(fixture.account.getId()))
			.isEqualByComparingTo(new BigDecimal("10.00").subtract(billed.cost()));
		assertThatLedgerIsGapless(fixture, 1);
	}

	private BillingFixture fixture(String balance) {
		return new BillingFixture(this.beans, balance);
	}

	private int grant(String callId) {
		return this.calls.findById(callId).orElseThrow().money().grantedSeconds();
	}

	private boolean renew(String callId) {
		return this.transaction.execute((status) -> this.charging.renew(callId, Instant.now()));
	}

	/** The calls once all have ended, or as they are when the timeout passes (the caller asserts). */
	private List<Call> awaitEnded(List<String> callIds, Duration timeout) {
		Supplier<List<Call>> current = () -> callIds.stream()
			.map((id) -> this.calls.findById(id).orElseThrow())
			.toList();
		try {
			Awaitility.await()
				.atMost(timeout)
				.until(() -> current.get().stream().allMatch((call) -> call.getStatus().isFinal()));
		}
		catch (ConditionTimeoutException ex) {
			// The assertions that follow say which call did not end.
		}
		return current.get();
	}

	/**
	 * Every charge is in the ledger once, and each row's balance follows from the one before it:
	 * no update was lost, whatever order the endings committed in.
	 */
	private void assertThatLedgerIsGapless(BillingFixture fixture, int charges) {
		List<BalanceTransaction> rows = new ArrayList<>(this.transactions.findByAccountIdOrderByIdDesc(fixture.account.getId()));
		Collections.reverse(rows);
		assertThat(rows).filteredOn((row) -> row.getKind() == TransactionKind.CALL_CHARGE).hasSize(charges);
		BigDecimal balance = BigDecimal.ZERO;
		for (BalanceTransaction row : rows) {
			balance = balance.add(row.getAmount());
			assertThat(row.getBalanceAfter()).isEqualByComparingTo(balance);
		}
		assertThat(this.ledger.balance(fixture.account.getId())).isEqualByComparingTo(balance);
	}

}
