package asia.oncaller.call;

import java.util.Optional;
import java.util.function.Supplier;

import asia.oncaller.limits.CallSetups;
import asia.oncaller.limits.KeyedRateLimiter;
import asia.oncaller.limits.LimitsProperties;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * An account's call attempts per second and calls at once (the operator's setting for the
 * account, else {@code oncaller.limits.calls}), so that one customer cannot take the server's
 * capacity or a carrier's lines from the others. A call past either gets {@code r=12} and changes
 * nothing. Attempts are counted in memory, per node; calls at once are settled by the database
 * under the account's row lock, so no number of nodes or concurrent requests can pass them. And
 * the node's own capacity ({@link CallSetups}): past it a call gets {@code r=12} too, whoever's.
 */
@Component
class CallLimits {

	static final String TOO_MANY_ATTEMPTS = "Rate limited: too many call attempts per second for the account";

	static final String TOO_MANY_CALLS = "Rate limited: the account has too many calls at once";

	static final String NODE_BUSY = "Rate limited: the server is setting up too many calls, try again shortly";

	private final JdbcTemplate jdbc;

	private final LimitsProperties.Calls defaults;

	private final KeyedRateLimiter attempts;

	private final CallSetups setups;

	CallLimits(JdbcTemplate jdbc, LimitsProperties limits, CallSetups setups) {
		this.jdbc = jdbc;
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
	 * look; {@link #admitsAnother} decides.
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

	/**
	 * Whether the account may have one more live call, and its currency. Locks the account row
	 * until the transaction ends, so the call written in it is counted before the next one is
	 * decided: the lock that guards the balance (see {@link CallCharging}), taken first, as always.
	 * The count is a statement of its own, after the lock: a sub-query of the locking statement
	 * would read the snapshot taken before any wait for the lock, and miss the call that the
	 * transaction waited for wrote.
	 * @throws org.springframework.dao.EmptyResultDataAccessException if the account is unknown
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	LockedAccount lockForAnother(String accountId) {
		AccountRow account = this.jdbc.queryForObject(
				"SELECT currency, calls_at_once FROM account WHERE id = ? FOR NO KEY UPDATE",
				(rs, row) -> new AccountRow(rs.getString(1), rs.getObject(2, Integer.class)), accountId);
		Long live = this.jdbc.queryForObject(
				"SELECT count(*) FROM call WHERE account_id = ? AND status IN ('CALLING', 'RINGING', 'ANSWERED')",
				Long.class, accountId);
		return new LockedAccount(account.currency(), live < this.defaults.atOnce(account.atOnce()));
	}

	/**
	 * The account as a new call's placement locked it.
	 * @param currency the account's currency, the one its balance and its calls are priced in
	 * @param admitsAnother whether it may have one more live call
	 */
	record LockedAccount(String currency, boolean admitsAnother) {
	}

	/** The account's currency and the operator's calls at once for it ({@code null}: the default). */
	private record AccountRow(String currency, Integer atOnce) {
	}

}
