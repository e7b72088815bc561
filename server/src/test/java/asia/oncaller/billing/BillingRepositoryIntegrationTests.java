package asia.oncaller.billing;

import java.math.BigDecimal;
import java.time.Instant;

import asia.oncaller.RepositoryTest;
import asia.oncaller.call.Call;
import asia.oncaller.call.CallRepository;
import asia.oncaller.call.EndpointType;
import asia.oncaller.call.Money;
import asia.oncaller.call.Party;
import asia.oncaller.call.PhoneLine;
import asia.oncaller.control.ConnectAction;
import asia.oncaller.control.Endpoint;
import asia.oncaller.tenant.Account;
import asia.oncaller.tenant.AccountRepository;
import asia.oncaller.tenant.Project;
import asia.oncaller.tenant.ProjectRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Rates and the ledger round-trip on real PostgreSQL; the schema lets a call be charged once
 * only and an idempotency key be used once per account; a top-up moves balance and ledger
 * together, once per key.
 */
@RepositoryTest
@Import({ BalanceLedger.class, RateFinder.class })
class BillingRepositoryIntegrationTests {

	@Autowired
	AccountRepository accounts;

	@Autowired
	ProjectRepository projects;

	@Autowired
	CallRepository calls;

	@Autowired
	RateRepository rates;

	@Autowired
	BalanceTransactionRepository transactions;

	@Autowired
	BalanceLedger ledger;

	@Autowired
	RateFinder rateFinder;

	Account account;

	@BeforeEach
	void createAccount() {
		this.account = this.accounts.saveAndFlush(new Account("Acme", "USD"));
	}

	@Test
	void rateRoundTrips() {
		Rate rate = new Rate(this.account.getId(), RatedCallType.EXTERNAL, "8490", new BigDecimal("0.045"), 6, "USD");
		rate.setConnectionFee(new BigDecimal("0.01"));
		this.rates.saveAndFlush(rate);

		Rate read = this.rateFinder.find(this.account.getId(), RatedCallType.EXTERNAL, "+84901234567").orElseThrow();
		assertThat(read.getId()).matches("RT[0-9a-f]{32}");
		assertThat(read.getPrefix()).isEqualTo("8490");
		assertThat(read.getPricePerMinute()).isEqualByComparingTo("0.045");
		assertThat(read.getBillingIncrementSeconds()).isEqualTo(6);
		assertThat(read.getConnectionFee()).isEqualByComparingTo("0.01");
	}

	@Test
	void samePrefixTwiceForOneCallTypeIsRefused() {
		this.rates.saveAndFlush(rate("84"));
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.rates.saveAndFlush(rate("84")));
	}

	@Test
	void ledgerRowRoundTrips() {
		BalanceTransaction row = this.transactions.saveAndFlush(new BalanceTransaction(this.account.getId(), null,
				TransactionKind.ADJUSTMENT, new BigDecimal("-1.50"), new BigDecimal("-1.50"), null));

		BalanceTransaction read = this.transactions.findByAccountIdOrderByIdDesc(this.account.getId()).get(0);
		assertThat(read.getId()).isEqualTo(row.getId());
		assertThat(read.getKind()).isEqualTo(TransactionKind.ADJUSTMENT);
		assertThat(read.getAmount()).isEqualByComparingTo("-1.50");
		assertThat(read.getCreatedAt()).isNotNull();
	}

	@Test
	void callIsChargedAtMostOnce() {
		Project project = this.projects.saveAndFlush(new Project(this.account.getId(), "App"));
		ConnectAction connect = new ConnectAction(new Endpoint(Endpoint.INTERNAL, "alice", null),
				new Endpoint(Endpoint.EXTERNAL, "+84901234567", null), null, 3600,
				ConnectAction.UNLIMITED_CONNECT_TIME, true, false, null);
		Call call = Call.calling("call-charged-once", Party.withoutConnection(project.getId(), this.account.getId(), null),
				EndpointType.INTERNAL, connect, false, Money.of("USD", null, null, connect), PhoneLine.NONE,
				Instant.now());
		this.calls.saveAndFlush(call);
		this.transactions.saveAndFlush(charge(call));

		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.transactions.saveAndFlush(charge(call)));
	}

	@Test
	void topUpMovesBalanceAndLedgerOncePerKey() {
		BalanceTransaction first = this.ledger.topUp(this.account.getId(), new BigDecimal("10.00"), "order-1");
		BalanceTransaction repeat = this.ledger.topUp(this.account.getId(), new BigDecimal("10.00"), "order-1");
		this.ledger.topUp(this.account.getId(), new BigDecimal("2.50"), "order-2");

		assertThat(repeat.getId()).isEqualTo(first.getId());
		assertThat(this.accounts.findById(this.account.getId()).orElseThrow().getBalance()).isEqualByComparingTo("12.50");
		assertThat(this.transactions.findByAccountIdOrderByIdDesc(this.account.getId()))
			.extracting(BalanceTransaction::getBalanceAfter)
			.usingElementComparator(BigDecimal::compareTo)
			.containsExactly(new BigDecimal("12.50"), new BigDecimal("10.00"));
	}

	@Test
	void topUpThatIsNotPositiveChangesNothing() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.ledger.topUp(this.account.getId(), new BigDecimal("-1"), "order-3"));
		assertThat(this.transactions.findByAccountIdOrderByIdDesc(this.account.getId())).isEmpty();
	}

	private Rate rate(String prefix) {
		return new Rate(this.account.getId(), RatedCallType.EXTERNAL, prefix, new BigDecimal("0.01"), 60, "USD");
	}

	private BalanceTransaction charge(Call call) {
		return new BalanceTransaction(this.account.getId(), call.getId(), TransactionKind.CALL_CHARGE,
				new BigDecimal("-0.10"), new BigDecimal("-0.10"), null);
	}

}
