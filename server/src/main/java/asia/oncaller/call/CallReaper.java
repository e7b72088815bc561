package asia.oncaller.call;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ends the calls that nobody ends: unanswered past the SCCO timeout ("No answer"), answered past
 * maxConnectTime, or left by a connection that closed without a hangup. The deadlines live in
 * the database and every node sweeps them, so a call ends on time even when the node that
 * placed it is gone; the conditional update keeps two nodes from ending one call twice.
 */
@Component
public class CallReaper {

	private static final Logger log = LoggerFactory.getLogger(CallReaper.class);

	private final CallRepository calls;

	private final CallTerminator terminator;

	private final EventSender events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	CallReaper(CallRepository calls, CallTerminator terminator, EventSender events, TransactionTemplate transaction,
			Clock clock) {
		this.calls = calls;
		this.terminator = terminator;
		this.events = events;
		this.transaction = transaction;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${oncaller.call.sweep-interval:500ms}")
	void sweepDeadlines() {
		for (String callId : this.calls.findRingExpired(this.clock.instant())) {
			endAndTell(() -> this.terminator.end(callId, EnumSet.of(CallState.CALLING, CallState.RINGING),
					CallEnd.NO_ANSWER, null));
		}
		for (String callId : this.calls.findConnectExpired(this.clock.instant())) {
			endAndTell(() -> this.terminator.end(callId, EnumSet.of(CallState.ANSWERED), CallEnd.MAX_CONNECT_TIME,
					null));
		}
	}

	/**
	 * Ends the live calls that a closed connection placed or answered. Calls merely ringing on
	 * it go on: the callee may still answer on another device.
	 */
	public void connectionClosed(String connectionId) {
		for (String callId : this.calls.findLiveByConnection(connectionId)) {
			endAndTell(() -> this.terminator.end(callId, CallState.live(), CallEnd.CONNECTION_LOST, null));
		}
	}

	private void endAndTell(Supplier<Optional<List<Delivery>>> ending) {
		try {
			this.transaction.execute((status) -> ending.get()).ifPresent(this.events::send);
		}
		catch (RuntimeException ex) {
			// One broken call must not stop the sweep of the others; the next sweep retries it.
			log.warn("Could not end a call", ex);
		}
	}

}
