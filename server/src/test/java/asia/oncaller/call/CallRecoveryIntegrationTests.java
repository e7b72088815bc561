package asia.oncaller.call;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import asia.oncaller.TestDatabaseConfig;
import asia.oncaller.billing.BalanceLedger;
import asia.oncaller.billing.BalanceTransactionRepository;
import asia.oncaller.billing.Grant;
import asia.oncaller.billing.Tariff;
import asia.oncaller.billing.TransactionKind;
import asia.oncaller.common.Sids;
import asia.oncaller.control.ConnectAction;
import asia.oncaller.control.Endpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restart with calls in progress, on real PostgreSQL: calls a crashed node left answered, with
 * a heartbeat older than the timeout, are ended and charged up to their last heartbeat (never
 * beyond their granted time); calls whose heartbeat is fresh go on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestDatabaseConfig.class)
class CallRecoveryIntegrationTests {

	private static final Tariff CENT_A_SECOND = new Tariff(new BigDecimal("0.60"), 1, BigDecimal.ZERO);

	@Autowired
	BalanceLedger ledger;

	@Autowired
	BeanFactory beans;

	@Autowired
	CallRepository calls;

	@Autowired
	CallReaper reaper;

	@Autowired
	BalanceTransactionRepository transactions;

	@Autowired
	TransactionTemplate transaction;

	BillingFixture fixture;

	Instant now;

	@BeforeEach
	void account() {
		this.fixture = new BillingFixture(this.beans, "10.00");
		this.now = Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

	@Test
	void callsLeftAnsweredByACrashAreChargedUpToTheirLastHeartbeat() {
		// Answered 100 s ago, last seen 40 s ago (timeout 30 s): 60 s of talk, 0.60.
		String stale = answeredCall(CENT_A_SECOND, 100, 40, 120);
		// Granted only 30 s, which ran out before the crash: billed 30 s, ended at its deadline.
		String staleAfterDeadline = answeredCall(CENT_A_SECOND, 100, 40, 30);
		String staleFree = answeredCall(null, 100, 40, null);
		String fresh = answeredCall(CENT_A_SECOND, 100, 1, 120);

		this.reaper.endLostCalls();
		// Any node may run recovery, any number of times: a call is ended and charged once.
		this.reaper.endLostCalls();

		Call first = this.calls.findById(stale).orElseThrow();
		assertThat(first.getStatus()).isEqualTo(CallState.ENDED);
		assertThat(first.getEndReason()).isEqualTo("Connection lost");
		assertThat(first.timing().endedAt()).isEqualTo(first.timing().lastSeenAt());
		assertThat(first.money().billedSeconds()).isEqualTo(60);
		assertThat(first.money().cost()).isEqualByComparingTo("0.60");
		Call second = this.calls.findById(staleAfterDeadline).orElseThrow();
		assertThat(second.timing().endedAt()).isEqualTo(second.timing().connectDeadline());
		assertThat(second.money().billedSeconds()).isEqualTo(30);
		assertThat(second.money().cost()).isEqualByComparingTo("0.30");
		Call free = this.calls.findById(staleFree).orElseThrow();
		assertThat(free.getStatus()).isEqualTo(CallState.ENDED);
		assertThat(free.money().billedSeconds()).isEqualTo(60);
		assertThat(free.money().cost()).isZero();
		assertThat(this.calls.findById(fresh).orElseThrow().getStatus()).isEqualTo(CallState.ANSWERED);

		assertThat(this.ledger.balance(this.fixture.account.getId())).isEqualByComparingTo("9.10");
		assertThat(this.transactions.findByAccountIdOrderByIdDesc(this.fixture.account.getId()))
			.filteredOn((row) -> row.getKind() == TransactionKind.CALL_CHARGE)
			.extracting((row) -> row.getCallId())
			.containsExactlyInAnyOrder(stale, staleAfterDeadline);
	}

	/** A call as a crashed node left it: answered, holding its grant, last seen some time ago. */
	private String answeredCall(Tariff tariff, int answeredSecondsAgo, int seenSecondsAgo, Integer grantedSeconds) {
		ConnectAction connect = new ConnectAction(new Endpoint(Endpoint.INTERNAL, "alice", null),
				new Endpoint(Endpoint.INTERNAL, "bob", null), null, 60, ConnectAction.UNLIMITED_CONNECT_TIME, true,
				false, null);
		String id = this.calls.save(Call.calling(Sids.newSid("call-"), this.fixture.caller(), EndpointType.INTERNAL,
				connect, false, Money.of("USD", null, tariff, connect), PhoneLine.NONE, this.now))
			.getId();
		Instant answered = this.now.minusSeconds(answeredSecondsAgo);
		Grant grant = new Grant(grantedSeconds, (tariff != null) ? tariff.cost(grantedSeconds) : BigDecimal.ZERO);
		this.transaction.executeWithoutResult((status) -> {
			this.calls.markAnswered(id, answered, null, null, grant);
			this.calls.markSeenById(List.of(id), this.now.minusSeconds(seenSecondsAgo));
		});
		return id;
	}

}
