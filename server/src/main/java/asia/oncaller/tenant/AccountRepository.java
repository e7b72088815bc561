package asia.oncaller.tenant;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** Accounts by SID. */
public interface AccountRepository extends JpaRepository<Account, String> {

	/**
	 * The account, locked ({@code SELECT … FOR UPDATE}) until the transaction ends, so that
	 * balance changes from any node apply one after the other.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from Account a where a.id = :id")
	Optional<Account> lockById(String id);

}
