package asia.oncaller.billing;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * One row of the balance ledger: what changed, by how much, and the balance it left. Written in
 * the same transaction as the balance itself, and never changed afterwards.
 */
@Entity
public class BalanceTransaction {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String accountId;

	private String callId;

	@Enumerated(EnumType.STRING)
	private TransactionKind kind;

	@Column(precision = 19, scale = 6)
	private BigDecimal amount;

	@Column(precision = 19, scale = 6)
	private BigDecimal balanceAfter;

	private String idempotencyKey;

	private Instant createdAt;

	protected BalanceTransaction() {
	}

	/**
	 * A ledger row. {@code amount} is signed: positive credits, negative debits.
	 * {@code callId} and {@code idempotencyKey} may be {@code null}.
	 */
	public BalanceTransaction(String accountId, String callId, TransactionKind kind, BigDecimal amount,
			BigDecimal balanceAfter, String idempotencyKey) {
		this.accountId = accountId;
		this.callId = callId;
		this.kind = kind;
		this.amount = amount;
		this.balanceAfter = balanceAfter;
		this.idempotencyKey = idempotencyKey;
		this.createdAt = Instant.now();
	}

	public Long getId() {
		return this.id;
	}

	public String getAccountId() {
		return this.accountId;
	}

	public String getCallId() {
		return this.callId;
	}

	public TransactionKind getKind() {
		return this.kind;
	}

	public BigDecimal getAmount() {
		return this.amount;
	}

	public BigDecimal getBalanceAfter() {
		return this.balanceAfter;
	}

	public String getIdempotencyKey() {
		return this.idempotencyKey;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
