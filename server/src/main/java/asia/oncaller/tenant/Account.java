package asia.oncaller.tenant;

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
 * A paying customer: owns projects, numbers, SIP trunks and a prepaid balance. The balance
 * changes only together with a ledger row (see the billing module).
 */
@Entity
public class Account {

	@Id
	private String id;

	private String name;

	/** Signs the account's REST tokens; shown once at creation, never again. */
	private String secret;

	@Column(precision = 19, scale = 6)
	private BigDecimal balance;

	private String currency;

	@Enumerated(EnumType.STRING)
	private AccountStatus status;

	private Instant createdAt;

	/** The operator's limit of new calls per second; {@code null} for the server's default. */
	private Integer callAttemptsPerSecond;

	/** The operator's limit of live calls at once; {@code null} for the server's default. */
	private Integer callsAtOnce;

	@Version
	private Long version;

	protected Account() {
	}

	/** A new active account with a fresh SID and secret and a zero balance. */
	public Account(String name, String currency) {
		this(Sids.newSid("AC"), name, currency);
	}

	/** A new active account with a chosen SID (the demo tenant keeps a stable one). */
	public Account(String id, String name, String currency) {
		this.id = id;
		this.name = name;
		this.secret = Sids.newSecret();
		this.balance = BigDecimal.ZERO;
		this.currency = currency;
		this.status = AccountStatus.ACTIVE;
		this.createdAt = Instant.now();
	}

	public String getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public String getSecret() {
		return this.secret;
	}

	public BigDecimal getBalance() {
		return this.balance;
	}

	public void setBalance(BigDecimal balance) {
		this.balance = balance;
	}

	public String getCurrency() {
		return this.currency;
	}

	public AccountStatus getStatus() {
		return this.status;
	}

	public void setStatus(AccountStatus status) {
		this.status = status;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Integer getCallAttemptsPerSecond() {
		return this.callAttemptsPerSecond;
	}

	public Integer getCallsAtOnce() {
		return this.callsAtOnce;
	}

	/** Sets both call limits of the account; {@code null} returns one to the server's default. */
	public void setCallLimits(Integer callAttemptsPerSecond, Integer callsAtOnce) {
		this.callAttemptsPerSecond = callAttemptsPerSecond;
		this.callsAtOnce = callsAtOnce;
	}

	public Long getVersion() {
		return this.version;
	}

}
