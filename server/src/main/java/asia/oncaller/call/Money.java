package asia.oncaller.call;

import java.math.BigDecimal;

import asia.oncaller.billing.Charge;
import asia.oncaller.billing.Tariff;
import asia.oncaller.control.ConnectAction;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The money side of a call (docs/billing.md): a copy of its rate's prices taken when it is
 * placed, so that a rate changed or deleted during the call changes nothing for it; what it holds
 * back of its account's balance while it is live; the time granted so far; and what it was billed.
 *
 * @param currency the account's currency
 * @param rateId the rate the call was priced by; {@code null} when free or when the rate was
 * deleted since
 * @param pricePerMinute the rate's price, or {@code null} for a call nobody prices (free)
 * @param billingIncrementSeconds the rate's increment, or {@code null} when free
 * @param connectionFee the rate's connection fee, or {@code null} when free
 * @param reservedAmount what the call holds back of its account's balance while it is live: its
 * first increment while it rings, the cost of its granted time once answered; ignored once ended
 * @param grantedSeconds the answered time granted so far; {@code null} when it may last any time
 * @param maxConnectSeconds the SCCO's maxConnectTime in seconds; {@code null} when unlimited
 * @param billedSeconds the answered time billed, once ended
 * @param cost what was charged, once ended
 */
@Embeddable
public record Money(String currency, String rateId, @Column(precision = 19, scale = 6) BigDecimal pricePerMinute,
		Integer billingIncrementSeconds, @Column(precision = 19, scale = 6) BigDecimal connectionFee,
		@Column(precision = 19, scale = 6) BigDecimal reservedAmount, Integer grantedSeconds,
		Integer maxConnectSeconds, Integer billedSeconds, @Column(precision = 19, scale = 6) BigDecimal cost) {

	/**
	 * A call not answered yet, priced by {@code tariff} ({@code null}: free) and holding back its
	 * first increment, which may last as long as {@code connect}'s maxConnectTime.
	 */
	public static Money of(String currency, String rateId, Tariff tariff, ConnectAction connect) {
		return of(currency, rateId, tariff,
				(connect.maxConnectTimeSeconds() > 0) ? connect.maxConnectTimeSeconds() : null);
	}

	/**
	 * A call not answered yet, priced by {@code tariff} ({@code null}: free) and holding back its
	 * first increment, which may last {@code maxConnectSeconds} ({@code null}: no limit).
	 */
	static Money of(String currency, String rateId, Tariff tariff, Integer maxConnectSeconds) {
		return (tariff != null)
				? new Money(currency, rateId, tariff.pricePerMinute(), tariff.incrementSeconds(),
						tariff.connectionFee(), tariff.firstIncrementCost(), null, maxConnectSeconds, null, null)
				: new Money(currency, null, null, null, null, BigDecimal.ZERO, null, maxConnectSeconds, null, null);
	}

	/** The prices the call is charged by; {@code null} for a call nobody prices (free). */
	public Tariff tariff() {
		return (this.pricePerMinute != null)
				? new Tariff(this.pricePerMinute, this.billingIncrementSeconds, this.connectionFee) : null;
	}

	/** The same money with nothing held back. */
	Money released() {
		return new Money(this.currency, this.rateId, this.pricePerMinute, this.billingIncrementSeconds,
				this.connectionFee, BigDecimal.ZERO, this.grantedSeconds, this.maxConnectSeconds, this.billedSeconds,
				this.cost);
	}

	/** Whether the record is billed {@code charge}: its billed time, and its cost to the last decimal. */
	boolean isBilled(Charge charge) {
		return Integer.valueOf(charge.billedSeconds()).equals(this.billedSeconds) && this.cost != null
				&& this.cost.compareTo(charge.cost()) == 0;
	}

	/** Nothing held back, and billed {@code billedSeconds} for {@code cost}: a call that ended. */
	Money billed(Integer billedSeconds, BigDecimal cost) {
		return new Money(this.currency, this.rateId, this.pricePerMinute, this.billingIncrementSeconds,
				this.connectionFee, BigDecimal.ZERO, this.grantedSeconds, this.maxConnectSeconds, billedSeconds, cost);
	}

}
