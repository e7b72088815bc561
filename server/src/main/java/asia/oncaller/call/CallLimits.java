package asia.oncaller.call;

import java.util.Optional;
import java.util.function.Supplier;

import asia.oncaller.limits.CallSetups;
import asia.oncaller.limits.KeyedRateLimiter;
import asia.oncaller.limits.LimitsProperties;

import org.springframework.stereotype.Component;

/**
 * An account's call attempts per second and calls at once (the operator's setting for the
 * account, else {@code oncaller.limits.calls}), so that one customer cannot take the server's
 * capacity or a carrier's lines from the others. A call past either gets {@code r=12} and changes
 * nothing. Attempts are counted in memory, per node; calls at once are settled by the database
 * under the account's row lock ({@link CallAdmission}), so no number of nodes or concurrent
 * requests can pass them. And
 * the node's own capacity ({@link CallSetups}): past it a call gets {@code r=12} too, whoever's.
 */
@Component
class CallLimits {

	static final String TOO_MANY_ATTEMPTS = "Rate limited: too many call attempts per second for the account";

	static final String TOO_MANY_CALLS = "Rate limited: the account has too many calls at once";

	static final String NODE_BUSY = "Rate limited: the server is setting up too many calls, try again shortly";

	private final LimitsProperties.Calls defaults;

	private final KeyedRateLimiter attempts;

	private final CallSetups setups;

	CallLimits(LimitsProperties limits, CallSetups setups) {
		this.setups = setups;
		this.defaults = limits.calls();
		this.attempts = new KeyedRateLimiter(limits.maxKeys());
	}

	/**
	 * Sets a call up if the node has room for one more set-up, else {@code r=12} at once, before
	 * anything else is done or counted for it (a phone call's INVITE takes its place earlier, in
	 * the SIP endpoint, which answers 503 instead).
	 */
	CallResult withinCapacity(Supplier<CallResult> setup) {
		if (!this.setups.tryStart()) {
			return CallResult.of(CallOutcome.RATE_LIMITED, NODE_BUSY);
		}
		try {
			return setup.get();
		}
		finally {
			this.setups.finish();
		}
	}

	/**
	 * Counts a new call of the account and says whether it must be refused, before anything else
	 * is done for it (the answer_url is not asked). The count of live calls here is only a quick
	 * look; {@link CallAdmission} decides.
	 * @param read the account's settings and live calls, as {@link AdmissionReader} read them
	 */
	Optional<CallResult> refusal(String accountId, AccountCalls read) {
		if (!this.attempts.tryAcquire(accountId, this.defaults.attemptsPerSecond(read.attemptsPerSecond()))) {
			return Optional.of(CallResult.of(CallOutcome.RATE_LIMITED, TOO_MANY_ATTEMPTS));
		}
		if (read.live() >= this.defaults.atOnce(read.atOnce())) {
			return Optional.of(CallResult.of(CallOutcome.RATE_LIMITED, TOO_MANY_CALLS));
		}
		return Optional.empty();
	}

	/**
	 * An account's own limits ({@code null}: the default) and how many of its calls are live.
	 * @param attemptsPerSecond the operator's call attempts per second for the account
	 * @param atOnce the operator's calls at once for the account
	 * @param live its calls calling, ringing or answered
	 */
	record AccountCalls(Integer attemptsPerSecond, Integer atOnce, long live) {
	}

}
