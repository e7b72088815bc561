package asia.oncaller.call;

import java.util.function.Consumer;

import asia.oncaller.billing.Tariff;
import asia.oncaller.limits.LimitsProperties;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a new call and decides, under its account's row lock, whether it may stay: the account's
 * calls at once ({@code r=12}) and, for a priced call, whether the available balance covers its
 * first increment (code 8). The database decides, so no number of nodes or concurrent requests
 * can pass either.
 * <p>
 * The call is written first and the account locked last, by one statement
 * ({@code admit_call}, {@code V18__call_admission.sql}) that locks, counts and checks: the lock
 * is held from that statement to the commit right after it, not across the round trips of the
 * placement's other statements, which is what queued an account's placements behind one another
 * (docs/performance.md). A refused call is rolled back: nothing of it is left, and nobody hears of
 * it.
 */
@Component
class CallAdmission {

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final CallRows rows;

	private final LimitsProperties.Calls limits;

	CallAdmission(JdbcTemplate jdbc, TransactionTemplate transaction, CallRows rows, LimitsProperties limits) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.rows = rows;
		this.limits = limits.calls();
	}

	/**
	 * Writes the call and admits it, in one transaction; when admitted, {@code admitted} runs in
	 * that transaction before it commits (the call's first events, whose webhooks are written
	 * with it).
	 * @param tariff what prices the call, {@code null} for a free call
	 * @return {@link CallOutcome#OK}, {@link CallOutcome#RATE_LIMITED} (the account has its calls at
	 * once) or {@link CallOutcome#NOT_ENOUGH_MONEY}; on the last two nothing is written
	 */
	CallOutcome write(Call call, Tariff tariff, Consumer<Call> admitted) {
		return this.transaction.execute((status) -> {
			this.rows.insert(call);
			CallOutcome outcome = admit(call, tariff);
			if (outcome.ok()) {
				admitted.accept(call);
			}
			else {
				status.setRollbackOnly();
			}
			return outcome;
		});
	}

	private CallOutcome admit(Call call, Tariff tariff) {
		Integer refusal = this.jdbc.queryForObject("SELECT admit_call(?, ?, ?, ?)", Integer.class, call.getAccountId(),
				call.getId(), this.limits.atOnce(null), (tariff != null) ? tariff.firstIncrementCost() : null);
		return switch (refusal) {
			case 0 -> CallOutcome.OK;
			case 1 -> CallOutcome.RATE_LIMITED;
			case 2 -> CallOutcome.NOT_ENOUGH_MONEY;
			default -> throw new IllegalStateException("admit_call returned " + refusal);
		};
	}

}
