package asia.oncaller.billing;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** The ledger, newest first per account. */
public interface BalanceTransactionRepository extends JpaRepository<BalanceTransaction, Long> {

	List<BalanceTransaction> findByAccountIdOrderByIdDesc(String accountId);

	Optional<BalanceTransaction> findByAccountIdAndIdempotencyKey(String accountId, String idempotencyKey);

}
