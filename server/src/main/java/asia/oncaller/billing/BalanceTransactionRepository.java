package asia.oncaller.billing;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

/** The ledger, newest first per account. */
public interface BalanceTransactionRepository extends JpaRepository<BalanceTransaction, Long> {

	List<BalanceTransaction> findByAccountIdOrderByIdDesc(String accountId);

	/** The newest rows of an account: the first page of a listing. */
	List<BalanceTransaction> findByAccountIdOrderByIdDesc(String accountId, Limit limit);

	/** The rows older than {@code id}: the page after the one that ended with {@code id}. */
	List<BalanceTransaction> findByAccountIdAndIdLessThanOrderByIdDesc(String accountId, Long id, Limit limit);

	Optional<BalanceTransaction> findByAccountIdAndIdempotencyKey(String accountId, String idempotencyKey);

	Optional<BalanceTransaction> findByCallIdAndKind(String callId, TransactionKind kind);

}
