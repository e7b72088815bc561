package asia.oncaller.call;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import asia.oncaller.billing.BillingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ends the calls that nobody ends: unanswered past the SCCO timeout ("No answer", unless the
 * connect fails over: see {@link CallFailover}), transferred to a user who did not answer in
 * time, answered past
 * their granted time (maxConnectTime, or "Not enough money"), left by a connection that closed
 * without a hangup, or left by a node that stopped (no heartbeat). The deadlines live in the
 * database and every node sweeps them, so a call ends on time even when the node that placed it
 * is gone; the conditional updates keep two nodes from ending one call twice.
 */
@Component
public class CallReaper {

	private static final Logger log = LoggerFactory.getLogger(CallReaper.class);

	private final CallRepository calls;

	private final CallTerminator terminator;

	private final CallCharging charging;

	private final EventSender events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final CallProperties properties;

	private final BillingProperties billing;

	private final CallFailover failover;

	private final FailoverRunner failoverRunner;

	private final CallResumption resumption;

	private final CallConnections connections;

	/** When {@link #endLostCalls()} last could not reach the database. */
	private volatile Instant lastOutage;

	CallReaper(CallRepository calls, CallTerminator terminator, CallCharging charging, EventSender events,
			TransactionTemplate transaction, Clock clock, CallProperties properties, BillingProperties billing,
			CallFailover failover, FailoverRunner failoverRunner, CallResumption resumption,
			CallConnections connections) {
		this.calls = calls;
		this.terminator = terminator;
		this.charging = charging;
		this.events = events;
		this.transaction = transaction;
		this.clock = clock;
		this.properties = properties;
		this.billing = billing;
		this.failover = failover;
		this.failoverRunner = failoverRunner;
		this.resumption = resumption;
		this.connections = connections;
	}

	/**
	 * Every 500 ms: rings that timed out end, or fail over (as do calls whose callee failed
	 * otherwise, which are due at once); grants about to run out are renewed, before the
	 * grants that ran out end, so that one sweep never cuts a call it could have renewed; calls
	 * whose dropped device did not come back within the resume window end.
	 */
	@Scheduled(fixedDelayString = "${oncaller.call.sweep-interval:500ms}")
	void sweepDeadlines() {
		Instant now = this.clock.instant();
		for (String callId : this.calls.findRingExpired(now)) {
			Optional<Call> failingOver = inTransaction(() -> this.failover.claim(callId));
			if (failingOver == null) {
				continue;
			}
			if (failingOver.isPresent()) {
				this.failoverRunner.start(failingOver.get());
			}
			else {
				endAndTell(() -> this.terminator.end(callId, EnumSet.of(CallState.CALLING, CallState.RINGING),
						CallEnd.NO_ANSWER, null));
			}
		}
		for (String callId : this.calls.findTransferExpired(now)) {
			endAndTell(() -> this.terminator.end(callId, EnumSet.of(CallState.ANSWERED), CallEnd.TRANSFER_NOT_ANSWERED,
					null));
		}
		for (String callId : this.calls.findGrantsToRenew(now, now.plus(this.billing.renewBefore()))) {
			inTransaction(() -> this.charging.renew(callId, this.clock.instant()));
		}
		for (Call expired : this.calls.findConnectExpired(this.clock.instant(), staleBefore())) {
			endAndTell(() -> this.terminator.endExpired(expired));
		}
		for (String callId : this.calls.findAwayExpired(this.clock.instant())) {
			endAndTell(() -> this.terminator.endAway(callId));
		}
	}

	/**
	 * Ends the answered calls that no node has seen alive for the heartbeat timeout, charging
	 * them up to their last heartbeat: after a crash, on whichever node runs first (at start-up
	 * and then every heartbeat interval). A database outage is no crash, and its time does not
	 * count. Returns how many ended.
	 */
	@Scheduled(fixedDelayString = "${oncaller.call.heartbeat-interval:5s}")
	public int endLostCalls() {
		Instant staleBefore = staleBefore();
		List<String> stale;
		try {
			stale = this.calls.findStale(staleBefore);
		}
		catch (RuntimeException ex) {
			this.lastOutage = this.clock.instant();
			throw ex;
		}
		Instant outage = this.lastOutage;
		if (outage != null && !outage.isBefore(staleBefore)) {
			// While PostgreSQL was away no node could mark its calls: their marks are old, not the
			// calls. Every node gets the heartbeat timeout after it comes back to mark them again.
			return 0;
		}
		int ended = 0;
		for (String callId : stale) {
			ended += endAndTell(() -> this.terminator.endLost(callId, staleBefore)) ? 1 : 0;
		}
		return ended;
	}

	/**
	 * The live calls that a closed connection placed or answered: they end when it closed with a
	 * DISCONNECT (or resuming is off), else they wait for the device for the resume window
	 * ({@link CallResumption}). Calls merely ringing on it go on: the callee may still answer on
	 * another device. A connection that never placed, answered nor resumed a call
	 * ({@link CallConnections}) has none, and costs no query.
	 * @param cleanly whether the client said DISCONNECT before it closed
	 */
	public void connectionClosed(String connectionId, boolean cleanly) {
		if (!this.connections.closed(connectionId)) {
			return;
		}
		leave(connectionId, !cleanly && !this.resumption.window().isZero());
	}

	/**
	 * Connections that a node held when it died (no heartbeat for the node timeout): its calls
	 * wait for their devices for the resume window, as after a drop, and the other party hears
	 * {@code lost}; a device that resumed on another node meanwhile is not touched. Only the
	 * node that claimed the connections calls this, once each.
	 */
	public void connectionsLost(Collection<String> connectionIds) {
		for (String connectionId : connectionIds) {
			leave(connectionId, !this.resumption.window().isZero());
		}
	}

	/** The connection's live calls wait for its device ({@code waits}), or end at once. */
	private void leave(String connectionId, boolean waits) {
		for (String callId : this.calls.findLiveByConnection(connectionId)) {
			endAndTell(waits ? () -> this.resumption.leave(callId, connectionId)
					: () -> this.terminator.end(callId, CallState.live(), CallEnd.CONNECTION_LOST, null));
		}
	}

	private Instant staleBefore() {
		return this.clock.instant().minus(this.properties.heartbeatTimeout());
	}

	private boolean endAndTell(Supplier<Optional<List<Delivery>>> ending) {
		Optional<List<Delivery>> deliveries = inTransaction(ending);
		if (deliveries == null || deliveries.isEmpty()) {
			return false;
		}
		this.events.send(deliveries.get());
		return true;
	}

	private <T> T inTransaction(Supplier<T> work) {
		try {
			return this.transaction.execute((status) -> work.get());
		}
		catch (RuntimeException ex) {
			// One broken call must not stop the sweep of the others; the next sweep retries it.
			log.warn("Could not end or renew a call", ex);
			return null;
		}
	}

}
