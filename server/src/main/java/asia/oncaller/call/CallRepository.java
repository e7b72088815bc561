package asia.oncaller.call;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** Calls by id, and the calls still in progress. */
public interface CallRepository extends JpaRepository<Call, String> {

	List<Call> findByStatusIn(Collection<CallState> states);

}
