package asia.oncaller.billing;

import java.math.BigDecimal;
import java.time.Instant;

import asia.oncaller.common.Sids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * The price of calls whose destination starts with {@link #getPrefix() prefix}: a price per
 * minute charged in whole billing increments, plus an optional connection fee.
 */
@Entity
public class Rate {

	@Id
	private String id;

	private String accountId;

	@Enumerated(EnumType.STRING)
	private RatedCallType callType;

	private String prefix;

	@Column(precision = 19, scale = 6)
	private BigDecimal pricePerMinute;

	private int billingIncrementSeconds;

	@Column(precision = 19, scale = 6)
	private BigDecimal connectionFee;

	private String currency;

	private Instant createdAt;

	@Version
	private Long version;

	protected Rate() {
	}

	/** A rate as its row reads, over JDBC ({@link RateFinder}). */
	Rate(String id, String accountId, RatedCallType callType, String prefix, BigDecimal pricePerMinute,
			int billingIncrementSeconds, BigDecimal connectionFee, String currency, Instant createdAt, Long version) {
		this.id = id;
		this.accountId = accountId;
		this.callType = callType;
		this.prefix = prefix;
		this.pricePerMinute = pricePerMinute;
		this.billingIncrementSeconds = billingIncrementSeconds;
		this.connectionFee = connectionFee;
		this.currency = currency;
		this.createdAt = createdAt;
		this.version = version;
	}

	/** A rate without a connection fee. */
	public Rate(String accountId, RatedCallType callType, String prefix, BigDecimal pricePerMinute,
			int billingIncrementSeconds, String currency) {
		this.id = Sids.newSid("RT");
		this.accountId = accountId;
		this.callType = callType;
		this.prefix = prefix;
		this.pricePerMinute = pricePerMinute;
		this.billingIncrementSeconds = billingIncrementSeconds;
		this.connectionFee = BigDecimal.ZERO;
		this.currency = currency;
		this.createdAt = Instant.now();
	}

	public String getId() {
		return this.id;
	}

	public String getAccountId() {
		return this.accountId;
	}

	public RatedCallType getCallType() {
		return this.callType;
	}

	public String getPrefix() {
		return this.prefix;
	}

	public BigDecimal getPricePerMinute() {
		return this.pricePerMinute;
	}

	public int getBillingIncrementSeconds() {
		return this.billingIncrementSeconds;
	}

	public BigDecimal getConnectionFee() {
		return this.connectionFee;
	}

	public void setConnectionFee(BigDecimal connectionFee) {
		this.connectionFee = connectionFee;
	}

	/** Changes the price; the call type, prefix and currency of a rate never change. */
	public void reprice(BigDecimal pricePerMinute, int billingIncrementSeconds, BigDecimal connectionFee) {
		this.pricePerMinute = pricePerMinute;
		this.billingIncrementSeconds = billingIncrementSeconds;
		this.connectionFee = connectionFee;
	}

	public String getCurrency() {
		return this.currency;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
