package asia.oncaller.billing;

import java.math.BigDecimal;
import java.util.List;

import asia.oncaller.tenant.Account;
import asia.oncaller.tenant.AccountRepository;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and changes balances. Every change locks the account row ({@code SELECT … FOR UPDATE})
 * and writes a ledger row in the same transaction, so the balance always equals the sum of its
 * ledger and concurrent changes from any node apply one after the other, none lost.
 */
@Service
public class BalanceLedger {

	/** The most rows one {@link #transactions} call returns. */
	public static final int MAX_PAGE_SIZE = 1000;

	private final AccountRepository accounts;

	private final BalanceTransactionRepository transactions;

	@PersistenceContext
	private EntityManager entityManager;

	BalanceLedger(AccountRepository accounts, BalanceTransactionRepository transactions) {
		this.accounts = accounts;
		this.transactions = transactions;
	}

	/**
	 * Credits {@code amount} to the account once per {@code idempotencyKey}: a repeated key
	 * returns the first top-up's ledger row and changes nothing, even when both arrive at once.
	 * @throws IllegalArgumentException if the amount is not positive or the account is unknown
	 */
	@Transactional
	public BalanceTransaction topUp(String accountId, BigDecimal amount, String idempotencyKey) {
		if (amount.signum() <= 0) {
			throw new IllegalArgumentException("A top-up must be positive");
		}
		Account account = lock(accountId);
		// Looked up under the lock: a second request with the same key waits for the first.
		return this.transactions.findByAccountIdAndIdempotencyKey(accountId, idempotencyKey).orElseGet(() -> {
			account.setBalance(account.getBalance().add(amount));
			return this.transactions.save(new BalanceTransaction(accountId, null, TransactionKind.TOP_UP, amount,
					account.getBalance(), idempotencyKey));
		});
	}

	/**
	 * Debits a call's cost once per call: a second charge of the same call returns the first
	 * ledger row and changes nothing. The balance may go below zero; the call module's grants
	 * keep it from doing so (see {@link Grant}).
	 * @throws IllegalArgumentException if the amount is negative or the account is unknown
	 */
	@Transactional
	public BalanceTransaction chargeCall(String accountId, String callId, BigDecimal amount) {
		return charge(accountId, callId, amount, TransactionKind.CALL_CHARGE);
	}

	/**
	 * Debits a call's recording once, as {@link #chargeCall} debits the call: a second charge of
	 * the same call's recording returns the first ledger row and changes nothing.
	 * @throws IllegalArgumentException if the amount is negative or the account is unknown
	 */
	@Transactional
	public BalanceTransaction chargeRecording(String accountId, String callId, BigDecimal amount) {
		return charge(accountId, callId, amount, TransactionKind.RECORDING_CHARGE);
	}

	private BalanceTransaction charge(String accountId, String callId, BigDecimal amount, TransactionKind kind) {
		if (amount.signum() < 0) {
			throw new IllegalArgumentException("A charge cannot be negative");
		}
		Account account = lock(accountId);
		return this.transactions.findByCallIdAndKind(callId, kind).orElseGet(() -> {
			account.setBalance(account.getBalance().subtract(amount));
			return this.transactions.save(
					new BalanceTransaction(accountId, callId, kind, amount.negate(), account.getBalance(), null));
		});
	}

	/**
	 * Locks the account row until the caller's transaction ends and returns its balance, so that
	 * a decision on money (may this call ring, how long may it last) holds until it is written.
	 * @throws IllegalArgumentException if the account is unknown
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public BigDecimal lockBalance(String accountId) {
		return lock(accountId).getBalance();
	}

	/**
	 * The account's balance in its currency (what calls in progress hold back is not subtracted).
	 * @throws IllegalArgumentException if the account is unknown
	 */
	@Transactional(readOnly = true)
	public BigDecimal balance(String accountId) {
		return this.accounts.findById(accountId)
			.map(Account::getBalance)
			.orElseThrow(() -> new IllegalArgumentException("No account " + accountId));
	}

	/**
	 * A page of the account's ledger, newest first. Keyset paging: pass {@code null} for the
	 * first page, then the id of the last row of the previous page; rows written meanwhile never
	 * shift a page.
	 * @param limit 1 to {@link #MAX_PAGE_SIZE}
	 */
	@Transactional(readOnly = true)
	public List<BalanceTransaction> transactions(String accountId, Long afterId, int limit) {
		if (limit < 1 || limit > MAX_PAGE_SIZE) {
			throw new IllegalArgumentException("limit must be 1 to " + MAX_PAGE_SIZE);
		}
		return (afterId != null)
				? this.transactions.findByAccountIdAndIdLessThanOrderByIdDesc(accountId, afterId, Limit.of(limit))
				: this.transactions.findByAccountIdOrderByIdDesc(accountId, Limit.of(limit));
	}

	private Account lock(String accountId) {
		Account account = this.accounts.lockById(accountId)
			.orElseThrow(() -> new IllegalArgumentException("No account " + accountId));
		// A query hands back an account this transaction had read before as it was then: locked,
		// but not read again. Decisions on money need the balance as it is now, under the lock.
		this.entityManager.refresh(account);
		return account;
	}

}
