package asia.oncaller.billing;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** Rates by id and by account. */
public interface RateRepository extends JpaRepository<Rate, String> {

	List<Rate> findByAccountIdAndCallType(String accountId, RatedCallType callType);

}
