package asia.oncaller.call;

import java.math.BigDecimal;
import java.time.Instant;

import asia.oncaller.billing.Tariff;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * A call: its live state while it lasts and its record afterwards, in one row. The
 * {@link Version version} lets the database settle races between devices and nodes.
 */
@Entity
public class Call {

	@Id
	private String id;

	private String accountId;

	private String projectId;

	@Enumerated(EnumType.STRING)
	private CallDirection direction;

	@Enumerated(EnumType.STRING)
	private CallState status;

	private String fromNumber;

	private String fromAlias;

	@Enumerated(EnumType.STRING)
	private EndpointType fromType;

	private String toNumber;

	private String toAlias;

	@Enumerated(EnumType.STRING)
	private EndpointType toType;

	private String fromUserId;

	private String callerConnectionId;

	private String answeredDeviceId;

	private String answeredConnectionId;

	private boolean videoCall;

	private String endReason;

	private Integer sipCode;

	private Instant createdAt;

	private Instant ringingAt;

	private Instant answeredAt;

	private Instant endedAt;

	private Integer billedSeconds;

	@Column(precision = 19, scale = 6)
	private BigDecimal cost;

	private String currency;

	private String trunkId;

	private String customData;

	private String callerDeviceId;

	private String toUserId;

	private Instant ringDeadline;

	private Integer maxConnectSeconds;

	private Instant connectDeadline;

	private Integer callerMediaState;

	private Integer calleeMediaState;

	private String rateId;

	@Column(precision = 19, scale = 6)
	private BigDecimal pricePerMinute;

	private Integer billingIncrementSeconds;

	@Column(precision = 19, scale = 6)
	private BigDecimal connectionFee;

	@Column(precision = 19, scale = 6)
	private BigDecimal reservedAmount;

	private Integer grantedSeconds;

	private Instant lastSeenAt;

	private String sipCallId;

	private String numberId;

	private String transferredFromUserId;

	private Instant transferredAt;

	private boolean continueOnFail;

	private String onFailEventUrl;

	private String failReason;

	private int failoverCount;

	private String callerOffer;

	private String callerCandidates;

	@Version
	private Long version;

	protected Call() {
	}

	/** A new call in state {@link CallState#CALLING}, created now. */
	public Call(String id, String accountId, String projectId, CallDirection direction) {
		this.id = id;
		this.accountId = accountId;
		this.projectId = projectId;
		this.direction = direction;
		this.status = CallState.CALLING;
		this.createdAt = Instant.now();
		this.reservedAmount = BigDecimal.ZERO;
	}

	/** Sets the calling party. */
	public void from(EndpointType type, String number, String alias) {
		this.fromType = type;
		this.fromNumber = number;
		this.fromAlias = alias;
	}

	/** Sets the called party. */
	public void to(EndpointType type, String number, String alias) {
		this.toType = type;
		this.toNumber = number;
		this.toAlias = alias;
	}

	public String getId() {
		return this.id;
	}

	public String getAccountId() {
		return this.accountId;
	}

	public String getProjectId() {
		return this.projectId;
	}

	public CallDirection getDirection() {
		return this.direction;
	}

	public CallState getStatus() {
		return this.status;
	}

	public void setStatus(CallState status) {
		this.status = status;
	}

	public String getFromNumber() {
		return this.fromNumber;
	}

	public String getFromAlias() {
		return this.fromAlias;
	}

	public EndpointType getFromType() {
		return this.fromType;
	}

	public String getToNumber() {
		return this.toNumber;
	}

	public String getToAlias() {
		return this.toAlias;
	}

	public EndpointType getToType() {
		return this.toType;
	}

	public String getFromUserId() {
		return this.fromUserId;
	}

	public void setFromUserId(String fromUserId) {
		this.fromUserId = fromUserId;
	}

	public String getCallerConnectionId() {
		return this.callerConnectionId;
	}

	public void setCallerConnectionId(String callerConnectionId) {
		this.callerConnectionId = callerConnectionId;
	}

	public String getAnsweredDeviceId() {
		return this.answeredDeviceId;
	}

	public void setAnsweredDeviceId(String answeredDeviceId) {
		this.answeredDeviceId = answeredDeviceId;
	}

	public String getAnsweredConnectionId() {
		return this.answeredConnectionId;
	}

	public void setAnsweredConnectionId(String answeredConnectionId) {
		this.answeredConnectionId = answeredConnectionId;
	}

	public boolean isVideoCall() {
		return this.videoCall;
	}

	public void setVideoCall(boolean videoCall) {
		this.videoCall = videoCall;
	}

	public String getEndReason() {
		return this.endReason;
	}

	public void setEndReason(String endReason) {
		this.endReason = endReason;
	}

	public Integer getSipCode() {
		return this.sipCode;
	}

	public void setSipCode(Integer sipCode) {
		this.sipCode = sipCode;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getRingingAt() {
		return this.ringingAt;
	}

	public void setRingingAt(Instant ringingAt) {
		this.ringingAt = ringingAt;
	}

	public Instant getAnsweredAt() {
		return this.answeredAt;
	}

	public void setAnsweredAt(Instant answeredAt) {
		this.answeredAt = answeredAt;
	}

	public Instant getEndedAt() {
		return this.endedAt;
	}

	public void setEndedAt(Instant endedAt) {
		this.endedAt = endedAt;
	}

	public Integer getBilledSeconds() {
		return this.billedSeconds;
	}

	public void setBilledSeconds(Integer billedSeconds) {
		this.billedSeconds = billedSeconds;
	}

	public BigDecimal getCost() {
		return this.cost;
	}

	public void setCost(BigDecimal cost) {
		this.cost = cost;
	}

	public String getCurrency() {
		return this.currency;
	}

	public void setCurrency(String currency) {
		this.currency = currency;
	}

	public String getTrunkId() {
		return this.trunkId;
	}

	public void setTrunkId(String trunkId) {
		this.trunkId = trunkId;
	}

	public String getCustomData() {
		return this.customData;
	}

	public void setCustomData(String customData) {
		this.customData = customData;
	}

	public String getCallerDeviceId() {
		return this.callerDeviceId;
	}

	public void setCallerDeviceId(String callerDeviceId) {
		this.callerDeviceId = callerDeviceId;
	}

	/** The app user the call rings, for calls to an app user; {@code null} otherwise. */
	public String getToUserId() {
		return this.toUserId;
	}

	public void setToUserId(String toUserId) {
		this.toUserId = toUserId;
	}

	/** When an unanswered call ends with "No answer". */
	public Instant getRingDeadline() {
		return this.ringDeadline;
	}

	public void setRingDeadline(Instant ringDeadline) {
		this.ringDeadline = ringDeadline;
	}

	/** The SCCO's maxConnectTime in seconds; {@code null} when unlimited. */
	public Integer getMaxConnectSeconds() {
		return this.maxConnectSeconds;
	}

	public void setMaxConnectSeconds(Integer maxConnectSeconds) {
		this.maxConnectSeconds = maxConnectSeconds;
	}

	/** When an answered call ends because it reached its allowed duration; {@code null}: never. */
	public Instant getConnectDeadline() {
		return this.connectDeadline;
	}

	public Integer getCallerMediaState() {
		return this.callerMediaState;
	}

	public Integer getCalleeMediaState() {
		return this.calleeMediaState;
	}

	public Long getVersion() {
		return this.version;
	}

	/**
	 * Prices the call with a copy of its rate's prices, taken when it is placed: a rate changed or
	 * deleted during the call changes nothing for it.
	 */
	public void price(String rateId, Tariff tariff) {
		this.rateId = rateId;
		this.pricePerMinute = tariff.pricePerMinute();
		this.billingIncrementSeconds = tariff.incrementSeconds();
		this.connectionFee = tariff.connectionFee();
	}

	/**
	 * Rings another app user instead of the callee that failed, as a failover's connect says: the
	 * call is calling again, with nothing of the failed callee left (its ring time, its failure,
	 * its price; the caller prices the new callee as needed) and one failover more.
	 */
	public void retarget(String userId, String alias, String customData) {
		to(EndpointType.INTERNAL, userId, alias);
		this.toUserId = userId;
		this.customData = customData;
		this.status = CallState.CALLING;
		this.ringingAt = null;
		this.failReason = null;
		this.failoverCount++;
		this.rateId = null;
		this.pricePerMinute = null;
		this.billingIncrementSeconds = null;
		this.connectionFee = null;
	}

	/** The prices the call is charged by; {@code null} for a call nobody prices (free). */
	public Tariff tariff() {
		return (this.pricePerMinute != null)
				? new Tariff(this.pricePerMinute, this.billingIncrementSeconds, this.connectionFee) : null;
	}

	/** The rate the call was priced by; {@code null} when free or when the rate was deleted since. */
	public String getRateId() {
		return this.rateId;
	}

	/**
	 * What the call holds back of its account's balance while it is live: its first increment
	 * while it rings, the cost of its granted time once answered. Ignored once it has ended.
	 */
	public BigDecimal getReservedAmount() {
		return this.reservedAmount;
	}

	public void setReservedAmount(BigDecimal reservedAmount) {
		this.reservedAmount = reservedAmount;
	}

	/** The answered time granted so far, in seconds; {@code null} when it may last any time. */
	public Integer getGrantedSeconds() {
		return this.grantedSeconds;
	}

	public void setGrantedSeconds(Integer grantedSeconds) {
		this.grantedSeconds = grantedSeconds;
	}

	/** The last time a node holding one of the call's connections saw it answered. */
	public Instant getLastSeenAt() {
		return this.lastSeenAt;
	}

	public void setLastSeenAt(Instant lastSeenAt) {
		this.lastSeenAt = lastSeenAt;
	}

	public void setConnectDeadline(Instant connectDeadline) {
		this.connectDeadline = connectDeadline;
	}

	/** The account's number a phone call uses: the one dialled, or the caller id it shows. */
	public String getNumberId() {
		return this.numberId;
	}

	public void setNumberId(String numberId) {
		this.numberId = numberId;
	}

	/** The SIP Call-ID of the phone leg, or {@code null} for an app-to-app call. */
	public String getSipCallId() {
		return this.sipCallId;
	}

	public void setSipCallId(String sipCallId) {
		this.sipCallId = sipCallId;
	}

	/** The app user who had the call before a transfer moved it to the current callee. */
	public String getTransferredFromUserId() {
		return this.transferredFromUserId;
	}

	public Instant getTransferredAt() {
		return this.transferredAt;
	}

	/** Whether an unreachable callee makes the server ask {@link #getOnFailEventUrl()} what to do. */
	public boolean isContinueOnFail() {
		return this.continueOnFail;
	}

	/** The current connect's onFailEventUrl; {@code null} when it has none. */
	public String getOnFailEventUrl() {
		return this.onFailEventUrl;
	}

	/** Takes the current connect's continueOnFail and onFailEventUrl. */
	public void failover(boolean continueOnFail, String onFailEventUrl) {
		this.continueOnFail = continueOnFail;
		this.onFailEventUrl = onFailEventUrl;
	}

	/**
	 * Why the callee could not be reached ({@code busy}, {@code not_online}, {@code no_answer})
	 * while the server asks the onFailEventUrl what to do next; {@code null} otherwise.
	 */
	public String getFailReason() {
		return this.failReason;
	}

	public void setFailReason(String failReason) {
		this.failReason = failReason;
	}

	/** How many times the call was retargeted by an onFailEventUrl. */
	public int getFailoverCount() {
		return this.failoverCount;
	}

	public void setFailoverCount(int failoverCount) {
		this.failoverCount = failoverCount;
	}

	/**
	 * The caller's SDP offer as JSON, kept while a call that may fail over is unanswered;
	 * {@code null} otherwise.
	 */
	public String getCallerOffer() {
		return this.callerOffer;
	}

	/** The caller's ICE candidates since that offer, as a JSON array; {@code null} when none. */
	public String getCallerCandidates() {
		return this.callerCandidates;
	}

}
