package asia.oncaller.call;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Calls by id, the deadlines to enforce, and (through {@link CallTransitions}) their state changes. */
public interface CallRepository extends JpaRepository<Call, String>, CallTransitions {

	List<Call> findByStatusIn(Collection<CallState> states);

	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update Call c set c.callerMediaState = :code where c.id = :id")
	int setCallerMediaState(String id, int code);

	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update Call c set c.calleeMediaState = :code where c.id = :id")
	int setCalleeMediaState(String id, int code);

	@Query("""
			select c.id from Call c
			where c.status in (asia.oncaller.call.CallState.CALLING, asia.oncaller.call.CallState.RINGING)
			  and c.ringDeadline <= :now""")
	List<String> findRingExpired(Instant now);

	@Query("""
			select c.id from Call c
			where c.status = asia.oncaller.call.CallState.ANSWERED and c.connectDeadline <= :now""")
	List<String> findConnectExpired(Instant now);

	@Query("""
			select c.id from Call c
			where c.status in (asia.oncaller.call.CallState.CALLING, asia.oncaller.call.CallState.RINGING,
			  asia.oncaller.call.CallState.ANSWERED)
			  and (c.callerConnectionId = :connectionId or c.answeredConnectionId = :connectionId)""")
	List<String> findLiveByConnection(String connectionId);

}
