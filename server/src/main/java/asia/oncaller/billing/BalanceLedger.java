package asia.oncaller.billing;

import java.math.BigDecimal;

import asia.oncaller.tenant.Account;
import asia.oncaller.tenant.AccountRepository;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes balances. Every change locks the account row and writes a ledger row in the same
 * transaction, so the balance always equals the sum of its ledger, whichever node wrote it.
 */
@Service
public class BalanceLedger {

	private final AccountRepository accounts;

	private final BalanceTransactionRepository transactions;

	BalanceLedger(AccountRepository accounts, BalanceTransactionRepository transactions) {
		this.accounts = accounts;
		this.transactions = transactions;
	}

	/**
	 * Credits {@code amount} to the account once per {@code idempotencyKey}: a repeated key
	 * returns the first top-up's ledger row and changes nothing.
	 * @throws IllegalArgumentException if the amount is not positive or the account is unknown
	 */
	@Transactional
	public BalanceTransaction topUp(String accountId, BigDecimal amount, String idempotencyKey) {
		if (amount.signum() <= 0) {
			throw new IllegalArgumentException("A top-up must be positive");
		}
		Account account = this.accounts.lockById(accountId)
			.orElseThrow(() -> new IllegalArgumentException("No account " + accountId));
		return this.transactions.findByAccountIdAndIdempotencyKey(accountId, idempotencyKey).orElseGet(() -> {
			account.setBalance(account.getBalance().add(amount));
			return this.transactions.save(new BalanceTransaction(accountId, null, TransactionKind.TOP_UP, amount,
					account.getBalance(), idempotencyKey));
		});
	}

}
