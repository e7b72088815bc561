package asia.oncaller.call;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/**
 * Calls by id, the deadlines to enforce, what live calls hold back of a balance, and (through
 * {@link CallTransitions}) their state changes.
 */
public interface CallRepository extends JpaRepository<Call, String>, CallTransitions {

	List<Call> findByStatusIn(Collection<CallState> states);

	/** The call with its row locked until the transaction ends. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select c from Call c where c.id = :id")
	Optional<Call> findLockedById(String id);

	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update Call c set c.callerMediaState = :code where c.id = :id")
	int setCallerMediaState(String id, int code);

	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update Call c set c.phoneLine.sipCallId = :sipCallId where c.id = :id")
	int setSipCallId(String id, String sipCallId);

	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update Call c set c.calleeMediaState = :code where c.id = :id")
	int setCalleeMediaState(String id, int code);

	/**
	 * Transferred phone calls, and app callers' calls connected after the server's actions, whose
	 * target did not answer by the ring deadline.
	 */
	@Query("""
			select c.id from Call c
			where c.status = asia.oncaller.call.CallState.ANSWERED and c.timing.transferredAt is not null
			  and c.timing.ringDeadline <= :now
			  and ((c.direction = asia.oncaller.call.CallDirection.APP_TO_PHONE
			      and c.parties.callerConnectionId is null)
			    or (c.direction in (asia.oncaller.call.CallDirection.PHONE_TO_APP,
			        asia.oncaller.call.CallDirection.APP_TO_APP)
			      and c.parties.answeredConnectionId is null))""")
	List<String> findTransferExpired(Instant now);

	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("""
			update Call c set c.timing.lastSeenAt = :now
			where c.status = asia.oncaller.call.CallState.ANSWERED and c.id in :callIds""")
	int markSeenById(Collection<String> callIds, Instant now);

	/**
	 * Keeps the caller's SDP offer (JSON) of an unanswered call that may fail over, so that a new
	 * callee gets it too. Not a state change: the version stays, and a failover in flight goes on.
	 */
	@Modifying
	@Query(value = """
			UPDATE call SET caller_offer = :sdp
			WHERE id = :id AND status IN ('CALLING', 'RINGING') AND continue_on_fail""", nativeQuery = true)
	int keepCallerOffer(String id, String sdp);

	/**
	 * Adds a caller's ICE candidate (JSON) to those kept with its offer (see
	 * {@link #keepCallerOffer}); frames are handled concurrently, so it may come before the offer.
	 */
	@Modifying
	@Query(value = """
			UPDATE call SET caller_candidates =
			  (COALESCE(CAST(caller_candidates AS jsonb), '[]'::jsonb) || jsonb_build_array(CAST(:candidate AS jsonb)))::text
			WHERE id = :id AND status IN ('CALLING', 'RINGING') AND continue_on_fail""", nativeQuery = true)
	int keepCallerCandidate(String id, String candidate);

	@Query("""
			select c.id from Call c
			where c.status in (asia.oncaller.call.CallState.CALLING, asia.oncaller.call.CallState.RINGING)
			  and c.timing.ringDeadline <= :now""")
	List<String> findRingExpired(Instant now);

	/**
	 * Answered calls whose granted time has run out, except those nobody has seen alive since
	 * {@code staleBefore}: those end as lost, billed to when they were last seen (see
	 * {@link #findStale}), not to a deadline they may never have reached. A call waiting for a
	 * dropped device is not seen while it waits, and its grant is enforced all the same.
	 */
	@Query("""
			select c from Call c
			where c.status = asia.oncaller.call.CallState.ANSWERED and c.timing.connectDeadline <= :now
			  and (coalesce(c.timing.lastSeenAt, c.timing.answeredAt) >= :staleBefore
			    or c.callerAwayUntil is not null or c.calleeAwayUntil is not null)""")
	List<Call> findConnectExpired(Instant now, Instant staleBefore);

	/** Priced answered calls whose grant runs out before {@code horizon} and may still grow. */
	@Query("""
			select c.id from Call c
			where c.status = asia.oncaller.call.CallState.ANSWERED and c.money.pricePerMinute is not null
			  and c.timing.connectDeadline > :now and c.timing.connectDeadline <= :horizon
			  and (c.money.maxConnectSeconds is null or c.money.grantedSeconds < c.money.maxConnectSeconds)""")
	List<String> findGrantsToRenew(Instant now, Instant horizon);

	/**
	 * Answered calls that no node has seen alive since {@code staleBefore}, except those waiting
	 * for a dropped device: their resume deadline ends them (see {@link CallTransitions#markAway}).
	 */
	@Query("""
			select c.id from Call c
			where c.status = asia.oncaller.call.CallState.ANSWERED
			  and coalesce(c.timing.lastSeenAt, c.timing.answeredAt) < :staleBefore
			  and c.callerAwayUntil is null and c.calleeAwayUntil is null""")
	List<String> findStale(Instant staleBefore);

	/** What the account's live calls hold back of its balance. */
	@Query("""
			select coalesce(sum(c.money.reservedAmount), 0) from Call c
			where c.accountId = :accountId and c.status in (asia.oncaller.call.CallState.CALLING,
			  asia.oncaller.call.CallState.RINGING, asia.oncaller.call.CallState.ANSWERED)""")
	BigDecimal sumReservedByLiveCalls(String accountId);

	@Query("""
			select c.id from Call c
			where c.status in (asia.oncaller.call.CallState.CALLING, asia.oncaller.call.CallState.RINGING,
			  asia.oncaller.call.CallState.ANSWERED)
			  and (c.parties.callerConnectionId = :connectionId or c.parties.answeredConnectionId = :connectionId)""")
	List<String> findLiveByConnection(String connectionId);

	/** Live calls whose dropped device did not come back by {@code now} (see {@link #markAway}). */
	@Query("""
			select c.id from Call c
			where c.status in (asia.oncaller.call.CallState.CALLING, asia.oncaller.call.CallState.RINGING,
			  asia.oncaller.call.CallState.ANSWERED)
			  and (c.callerAwayUntil <= :now or c.calleeAwayUntil <= :now)""")
	List<String> findAwayExpired(Instant now);

}
