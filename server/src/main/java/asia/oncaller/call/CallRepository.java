package asia.oncaller.call;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/**
 * Calls by id, and the conditional updates that move a call between states. Each update names
 * the states it may start from, so when two devices or nodes race, the database lets exactly one
 * of them win (it returns 1) and the others see 0.
 */
public interface CallRepository extends JpaRepository<Call, String> {

	List<Call> findByStatusIn(Collection<CallState> states);

	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("""
			update Call c set c.status = asia.oncaller.call.CallState.RINGING, c.ringingAt = :now,
			  c.version = c.version + 1
			where c.id = :id and c.status = asia.oncaller.call.CallState.CALLING""")
	int markRinging(String id, Instant now);

	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("""
			update Call c set c.status = asia.oncaller.call.CallState.ANSWERED, c.answeredAt = :now,
			  c.answeredDeviceId = :deviceId, c.answeredConnectionId = :connectionId,
			  c.connectDeadline = :connectDeadline, c.version = c.version + 1
			where c.id = :id and c.status in (asia.oncaller.call.CallState.CALLING, asia.oncaller.call.CallState.RINGING)""")
	int markAnswered(String id, Instant now, String deviceId, String connectionId, Instant connectDeadline);

	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("""
			update Call c set c.status = :state, c.endedAt = :now, c.endReason = :reason, c.sipCode = :sipCode,
			  c.version = c.version + 1
			where c.id = :id and c.status in :from""")
	int markEnded(String id, Collection<CallState> from, CallState state, Instant now, String reason, Integer sipCode);

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
