package asia.oncaller.tenant;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** Accounts by SID. */
public interface AccountRepository extends JpaRepository<Account, String> {

	/**
	 * The account, locked ({@code SELECT … FOR UPDATE}) until the transaction ends, so that
	 * balance changes from any node apply one after the other.
	 */
	/** The first accounts by SID, for the operator's list. */
	List<Account> findAllByOrderByIdAsc(Limit limit);

	/** The accounts whose SID follows {@code after}, by SID: the next page of the operator's list. */
	List<Account> findByIdGreaterThanOrderByIdAsc(String after, Limit limit);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from Account a where a.id = :id")
	Optional<Account> lockById(String id);

}
