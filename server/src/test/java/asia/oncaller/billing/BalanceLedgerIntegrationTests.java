package asia.oncaller.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import asia.oncaller.TestDatabaseConfig;
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
import asia.oncaller.testsupport.Concurrently;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The ledger service operators and the REST API call, on real PostgreSQL with real concurrent
 * transactions: top-ups are idempotent by key even when the same key arrives at once, a call is
 * charged once, and the listing pages newest first by keyset.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestDatabaseConfig.class)
class BalanceLedgerIntegrationTests {

	@Autowired
	BalanceLedger ledger;

	@Autowired
	AccountRepository accounts;

	@Autowired
	ProjectRepository projects;

	@Autowired
	CallRepository calls;

	@Autowired
	BalanceTransactionRepository transactions;

	Account account;

	@BeforeEach
	void createAccount() {
		this.account = this.accounts.save(new Account("Ledger " + System.nanoTime(), "USD"));
	}

	@Test
	void sameTopUpKeyArrivingTenTimesAtOnceCreditsOnce() throws Exception {
		List<BalanceTransaction> rows = Concurrently.run(10,
				(i) -> this.ledger.topUp(this.account.getId(), new BigDecimal("25.00"), "order-77"));

		assertThat(rows).extracting(BalanceTransaction::getId).containsOnly(rows.get(0).getId());
		assertThat(this.ledger.balance(this.account.getId())).isEqualByComparingTo("25.00");
		assertThat(this.transactions.findByAccountIdOrderByIdDesc(this.account.getId())).singleElement()
			.satisfies((row) -> assertThat(row.getKind()).isEqualTo(TransactionKind.TOP_UP));
	}

	@Test
	void differentTopUpKeysAtOnceAllCreditWithoutLostUpdates() throws Exception {
		int[] key = { 0 };
		Concurrently.run(20, (i) -> this.ledger.topUp(this.account.getId(), new BigDecimal("1.25"), "order-" + next(key)));

		assertThat(this.ledger.balance(this.account.getId())).isEqualByComparingTo("25.00");
		assertThat(this.transactions.findByAccountIdOrderByIdDesc(this.account.getId())).hasSize(20)
			.extracting(BalanceTransaction::getBalanceAfter)
			.usingElementComparator(BigDecimal::compareTo)
			.doesNotHaveDuplicates();
	}

	@Test
	void callIsDebitedOnceWhenChargedTwice() {
		this.ledger.topUp(this.account.getId(), new BigDecimal("5.00"), "initial");
		String callId = answeredCall();

		BalanceTransaction first = this.ledger.chargeCall(this.account.getId(), callId, new BigDecimal("1.20"));
		BalanceTransaction second = this.ledger.chargeCall(this.account.getId(), callId, new BigDecimal("1.20"));

		assertThat(second.getId()).isEqualTo(first.getId());
		assertThat(first.getAmount()).isEqualByComparingTo("-1.20");
		assertThat(first.getBalanceAfter()).isEqualByComparingTo("3.80");
		assertThat(this.ledger.balance(this.account.getId())).isEqualByComparingTo("3.80");
	}

	@Test
	void transactionsArePagedNewestFirstByKeyset() {
		for (int i = 1; i <= 5; i++) {
			this.ledger.topUp(this.account.getId(), new BigDecimal(i), "order-" + i);
		}

		List<BalanceTransaction> first = this.ledger.transactions(this.account.getId(), null, 2);
		List<BalanceTransaction> second = this.ledger.transactions(this.account.getId(), first.get(1).getId(), 2);
		List<BalanceTransaction> last = this.ledger.transactions(this.account.getId(), second.get(1).getId(), 2);

		assertThat(first).extracting(BalanceTransaction::getIdempotencyKey).containsExactly("order-5", "order-4");
		assertThat(second).extracting(BalanceTransaction::getIdempotencyKey).containsExactly("order-3", "order-2");
		assertThat(last).extracting(BalanceTransaction::getIdempotencyKey).containsExactly("order-1");
		assertThatIllegalArgumentException().isThrownBy(() -> this.ledger.transactions(this.account.getId(), null, 0));
	}

	@Test
	void unknownAccountHasNoBalance() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.ledger.balance("AC" + "f".repeat(32)));
	}

	private String answeredCall() {
		Project project = this.projects.save(new Project(this.account.getId(), "App"));
		ConnectAction connect = new ConnectAction(new Endpoint(Endpoint.INTERNAL, "alice", null),
				new Endpoint(Endpoint.INTERNAL, "bob", null), null, 3600, ConnectAction.UNLIMITED_CONNECT_TIME, true,
				false, null);
		Call call = Call.calling("call-" + Long.toHexString(System.nanoTime()) + "0".repeat(16),
				Party.withoutConnection(project.getId(), this.account.getId(), null),
				EndpointType.INTERNAL, connect, false, Money.of("USD", null, null, connect), PhoneLine.NONE,
				Instant.now());
		return this.calls.save(call).getId();
	}

	private static synchronized int next(int[] counter) {
		return ++counter[0];
	}

}
