package asia.oncaller.call;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import asia.oncaller.billing.BalanceLedger;
import asia.oncaller.billing.BillingProperties;
import asia.oncaller.billing.Charge;
import asia.oncaller.billing.Grant;
import asia.oncaller.billing.Tariff;

import org.springframework.stereotype.Component;

/**
 * The money side of a call's life (docs/billing.md). A live call holds back part of its
 * account's balance: its first increment while it rings, the cost of its granted time once
 * answered. The available balance is the balance minus what live calls hold back. Every decision
 * on it locks the account row first, then touches the call row, so that concurrent calls on one
 * account, on any node, decide one after the other and never in an order that deadlocks.
 */
@Component
class CallCharging {

	private static final Tariff FREE = new Tariff(BigDecimal.ZERO, 1, BigDecimal.ZERO);

	private final BalanceLedger ledger;

	private final CallRepository calls;

	private final BillingProperties billing;

	private final CallRows rows;

	CallCharging(BalanceLedger ledger, CallRepository calls, BillingProperties billing, CallRows rows) {
		this.ledger = ledger;
		this.calls = calls;
		this.billing = billing;
		this.rows = rows;
	}

	/**
	 * Whether the available balance covers the first increment of a call priced by {@code tariff}.
	 * Locks the account until the transaction ends: the call written in it reserves that
	 * increment before the next call of the account is decided.
	 */
	boolean admits(String accountId, Tariff tariff) {
		return available(accountId).compareTo(tariff.firstIncrementCost()) >= 0;
	}

	/** The time a call gets when it is answered; locks the account of a priced call. */
	Grant firstGrant(Call call) {
		Tariff tariff = call.money().tariff();
		if (tariff == null) {
			return Grant.unpriced(call.money().maxConnectSeconds());
		}
		BigDecimal payable = available(call.getAccountId()).add(call.money().reservedAmount());
		return Grant.next(tariff, 0, payable, call.money().maxConnectSeconds(), this.billing.grant());
	}

	/**
	 * Grants an answered call more time, as far as the available balance pays; returns whether
	 * it got any. A grant another node extended meanwhile is left as it is.
	 */
	boolean renew(String callId, Instant now) {
		Optional<Call> found = this.calls.findById(callId);
		if (found.isEmpty() || found.get().money().tariff() == null || found.get().money().grantedSeconds() == null) {
			return false;
		}
		Call call = found.get();
		Money money = call.money();
		BigDecimal payable = available(call.getAccountId()).add(money.reservedAmount());
		Grant next = Grant.next(money.tariff(), money.grantedSeconds(), payable, money.maxConnectSeconds(),
				this.billing.grant());
		if (next.seconds() <= money.grantedSeconds()) {
			return false;
		}
		Instant deadline = call.timing().answeredAt().plusSeconds(next.seconds());
		return this.calls.extendGrant(callId, money.grantedSeconds(), next, deadline, now).isPresent();
	}

	/** Locks the account, for a change of a call row that may price it anew: the one lock order. */
	void lockAccount(String accountId) {
		this.ledger.lockBalance(accountId);
	}

	/**
	 * Locks the account of a priced call before the call row is changed (the one lock order), and
	 * foresees what the call, as this transaction read it, is billed if it ends at {@code endedAt}:
	 * what the ending writes into the record in the same statement. {@link #charge} checks it
	 * against the row the ending returns.
	 */
	Charge lockAccountOf(String callId, Instant endedAt) {
		Optional<Call> found = this.calls.findById(callId);
		found.filter((call) -> call.money().tariff() != null)
			.ifPresent((call) -> this.ledger.lockBalance(call.getAccountId()));
		return found.map((call) -> chargeOf(call.timing().endedAt(endedAt), call.money())).orElse(Charge.NONE);
	}

	/**
	 * Settles what an ended call is billed and debits the cost with a ledger row, in the
	 * transaction that ended it: the ending and the charge commit together or not at all. The
	 * ending wrote the charge it foresaw ({@link #lockAccountOf}); when the row had changed since it
	 * was read (an answer or a grant of another transaction, or an end time the row decided), the
	 * charge of the row as it ended is written instead, so the record is always billed by what
	 * ended. Only the ending that won calls this, so a call is debited once.
	 * @return the ended call, billed
	 */
	Call charge(Call ended) {
		Charge charge = chargeOf(ended);
		if (!ended.money().isBilled(charge)) {
			ended.bill(charge);
			this.rows.bill(ended);
		}
		if (charge.cost().signum() > 0) {
			this.ledger.chargeCall(ended.getAccountId(), ended.getId(), charge.cost());
		}
		return ended;
	}

	/**
	 * The answered time, from the answer to the end but never beyond the granted time (a cut-off
	 * comes up to one sweep late; that delay is not billed), rounded up to the increment.
	 */
	static Charge chargeOf(Call call) {
		return chargeOf(call.timing(), call.money());
	}

	/** As {@link #chargeOf(Call)}, from the call's timing and money. */
	static Charge chargeOf(Timing timing, Money money) {
		if (timing.answeredAt() == null || timing.endedAt() == null) {
			return Charge.NONE;
		}
		Duration answered = Duration.between(timing.answeredAt(), timing.endedAt());
		Integer granted = money.grantedSeconds();
		if (granted != null && answered.compareTo(Duration.ofSeconds(granted)) > 0) {
			answered = Duration.ofSeconds(granted);
		}
		Tariff tariff = money.tariff();
		return (tariff != null) ? tariff.charge(answered) : FREE.charge(answered);
	}

	private BigDecimal available(String accountId) {
		BigDecimal balance = this.ledger.lockBalance(accountId);
		return balance.subtract(this.calls.sumReservedByLiveCalls(accountId));
	}

}
