package asia.oncaller.call;

import java.time.Instant;

import asia.oncaller.billing.Charge;
import asia.oncaller.control.ConnectAction;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

/**
 * A call: its live state while it lasts and its record afterwards, in one row, read as values
 * (its {@link Parties}, {@link Timing}, {@link Money}, {@link PhoneLine} and {@link Failover}).
 * Its state only changes through the conditional updates of {@link CallTransitions}, which let
 * the database settle races between devices and nodes, and through the few changes below that
 * a transaction makes to the row it holds locked; the {@link Version version} catches a writer
 * that read it before another one changed it.
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

	@Embedded
	private Parties parties;

	@Embedded
	private Timing timing;

	@Embedded
	private Money money;

	@Embedded
	private PhoneLine phoneLine;

	@Embedded
	private Failover failover;

	/** The event_urls the transition that returned this row read with it; {@code null} otherwise. */
	@Transient
	private CallSnapshot.EventUrls eventUrls;

	private boolean videoCall;

	private String customData;

	private String endReason;

	private Integer sipCode;

	private Integer callerMediaState;

	private Integer calleeMediaState;

	/** Until when the caller's dropped device may resume the call (PROTOCOL §2.1); null while connected. */
	private Instant callerAwayUntil;

	/** The same for the answering device of the callee. */
	private Instant calleeAwayUntil;

	/** An app-to-app call whose media runs through rtpengine, under the call's id, not peer to peer. */
	private boolean mediaAnchored;

	@Version
	private Long version;

	protected Call() {
	}

	/** A call as its row reads, over JDBC ({@link CallRows}). */
	Call(String id, String accountId, String projectId, CallDirection direction, CallState status, Parties parties,
			Timing timing, Money money, PhoneLine phoneLine, Failover failover, boolean videoCall, String customData,
			String endReason, Integer sipCode, Integer callerMediaState, Integer calleeMediaState,
			Instant callerAwayUntil, Instant calleeAwayUntil, boolean mediaAnchored, Long version) {
		this.id = id;
		this.accountId = accountId;
		this.projectId = projectId;
		this.direction = direction;
		this.status = status;
		this.parties = parties;
		this.timing = timing;
		this.money = money;
		this.phoneLine = phoneLine;
		this.failover = failover;
		this.videoCall = videoCall;
		this.customData = customData;
		this.endReason = endReason;
		this.sipCode = sipCode;
		this.callerMediaState = callerMediaState;
		this.calleeMediaState = calleeMediaState;
		this.callerAwayUntil = callerAwayUntil;
		this.calleeAwayUntil = calleeAwayUntil;
		this.mediaAnchored = mediaAnchored;
		this.version = version;
	}

	/**
	 * A new call in state {@link CallState#CALLING} that {@code caller} places as {@code connect}
	 * says: it rings the callee until the connect's timeout from {@code now}. A call to a phone
	 * number is app-to-phone; one that came in on a trunk ({@code line}) is phone-to-app.
	 */
	public static Call calling(String id, Party caller, EndpointType fromType, ConnectAction connect, boolean video,
			Money money, PhoneLine line, Instant now) {
		Call call = new Call();
		call.id = id;
		call.accountId = caller.accountId();
		call.projectId = caller.projectId();
		call.direction = connect.to().isExternal() ? CallDirection.APP_TO_PHONE
				: (line.trunkId() != null) ? CallDirection.PHONE_TO_APP : CallDirection.APP_TO_APP;
		call.status = CallState.CALLING;
		call.parties = Parties.of(caller, fromType, connect);
		call.timing = Timing.placed(now.plusSeconds(connect.timeoutSeconds()));
		call.money = money;
		call.phoneLine = line;
		call.failover = new Failover(connect.continueOnFail(), connect.onFailEventUrl(), null, 0, null, null);
		call.videoCall = video;
		call.customData = connect.customData();
		return call;
	}

	/**
	 * A new phone-to-app call in state {@link CallState#CALLING} that the server answers itself, to
	 * run the actions of its SCCO (docs/ivr.md): the callee is the number dialled until a
	 * {@code connect} hands the call to an app user; the server's 200 OK answers it at once, so the
	 * deadline only ends a call whose answer never came.
	 */
	static Call answeredByServer(String id, Party account, String fromNumber, String dialledNumber, Money money,
			PhoneLine line, Instant answerDeadline) {
		Call call = new Call();
		call.id = id;
		call.accountId = account.accountId();
		call.projectId = account.projectId();
		call.direction = CallDirection.PHONE_TO_APP;
		call.status = CallState.CALLING;
		call.parties = new Parties(EndpointType.EXTERNAL, fromNumber, null, EndpointType.EXTERNAL, dialledNumber, null,
				null, null, null, null, null, null, null);
		call.timing = Timing.placed(answerDeadline);
		call.money = money;
		call.phoneLine = line;
		call.failover = new Failover(false, null, null, 0, null, null);
		return call;
	}

	/**
	 * A new app-to-app call in state {@link CallState#CALLING} that the server answers itself, to
	 * run the actions of its SCCO before any {@code connect} (docs/ivr.md): the caller's offer is
	 * answered at rtpengine, its media anchored there, the callee is the number the app dialled
	 * (no app user) until a {@code connect} hands the call to one. Nobody answers a caller that
	 * never offers its media, so the deadline ends such a call unanswered.
	 */
	static Call answeredByServerForApp(String id, Party caller, String dialledNumber, Money money,
			Instant answerDeadline) {
		Call call = new Call();
		call.id = id;
		call.accountId = caller.accountId();
		call.projectId = caller.projectId();
		call.direction = CallDirection.APP_TO_APP;
		call.status = CallState.CALLING;
		// Named by the user id it signed in with: the name the app asked for is the answer_url's
		// to use, in the connect's from (CallTransitions#markConnectedAfterActions).
		call.parties = new Parties(EndpointType.INTERNAL, caller.userId(), null, EndpointType.INTERNAL, dialledNumber,
				null, caller.userId(), caller.deviceId(), caller.connectionId(), null, null, null, null);
		call.timing = Timing.placed(answerDeadline);
		call.money = money;
		call.phoneLine = PhoneLine.NONE;
		call.failover = new Failover(false, null, null, 0, null, null);
		call.mediaAnchored = true;
		return call;
	}

	/**
	 * Runs the media of this app-to-app call through rtpengine ({@code MediaAnchor#needed}): its
	 * SDP goes through the anchor instead of straight to the other app.
	 */
	void anchorMedia() {
		this.mediaAnchored = true;
	}

	/** Whether the media of this app-to-app call runs through rtpengine, under the call's id. */
	public boolean isMediaAnchored() {
		return this.mediaAnchored;
	}

	/**
	 * Ends a call as it is placed (nobody it could reach): final at {@code now}, holding nothing
	 * back and billed nothing.
	 */
	void endAtOnce(CallEnd end, Instant now) {
		this.status = end.state();
		this.timing = this.timing.endedAt(now);
		this.endReason = end.reason();
		this.sipCode = end.sipCode();
		this.money = this.money.billed(Charge.NONE.billedSeconds(), Charge.NONE.cost());
	}

	/** The call, ended, is billed {@code charge}. */
	void bill(Charge charge) {
		this.money = this.money.billed(charge.billedSeconds(), charge.cost());
	}

	/** The callee failed for {@code failure}: the call is due at {@code now}, for the sweep to fail it over. */
	void failOverAt(ConnectFailure failure, Instant now) {
		this.failover = this.failover.failed(failure);
		this.timing = this.timing.dueAt(now);
	}

	/** The call holds nothing of its account's balance back any more. */
	void releaseReservation() {
		this.money = this.money.released();
	}

	/**
	 * Rings the app user of a failover's {@code connect} instead of the callee that failed: the
	 * call is calling again until the connect's timeout from {@code now}, with nothing of the
	 * failed callee left (its ring time, its failure, its price: {@code money} prices the new
	 * callee) and one failover more.
	 */
	void retarget(ConnectAction connect, Money money, Instant now) {
		this.status = CallState.CALLING;
		this.parties = this.parties.to(connect);
		this.timing = this.timing.callingUntil(now.plusSeconds(connect.timeoutSeconds()));
		this.money = money;
		this.failover = new Failover(connect.continueOnFail(), connect.onFailEventUrl(), null,
				this.failover.failoverCount() + 1, this.failover.callerOffer(), this.failover.callerCandidates());
		this.customData = connect.customData();
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

	public Parties parties() {
		return this.parties;
	}

	public Timing timing() {
		return this.timing;
	}

	public Money money() {
		return this.money;
	}

	/** The call's SIP side; {@link PhoneLine#NONE} when no trunk carries it. */
	public PhoneLine phoneLine() {
		// A value whose columns are all NULL reads back as no value at all.
		return (this.phoneLine != null) ? this.phoneLine : PhoneLine.NONE;
	}

	/** The event_urls read with the transition that returned this row, or {@code null}: see {@link CallSnapshot}. */
	CallSnapshot.EventUrls eventUrls() {
		return this.eventUrls;
	}

	void readWith(CallSnapshot.EventUrls urls) {
		this.eventUrls = urls;
	}

	public Failover failover() {
		return this.failover;
	}

	public boolean isVideoCall() {
		return this.videoCall;
	}

	/** What the current connect passed on to the callee, or {@code null}. */
	public String getCustomData() {
		return this.customData;
	}

	/** Until when the device holding the caller's or the callee's side may come back; null while connected. */
	Instant awayUntil(boolean callerSide) {
		return callerSide ? this.callerAwayUntil : this.calleeAwayUntil;
	}

	/** Why the call ended, as the record and its parties show it; {@code null} while it is live. */
	public String getEndReason() {
		return this.endReason;
	}

	/** The SIP code that goes with the end reason, or {@code null}. */
	public Integer getSipCode() {
		return this.sipCode;
	}

	/** The media state (1 connected, 2 disconnected) the caller's leg last reported. */
	public Integer getCallerMediaState() {
		return this.callerMediaState;
	}

	/** The media state the callee's leg last reported. */
	public Integer getCalleeMediaState() {
		return this.calleeMediaState;
	}

	public Long getVersion() {
		return this.version;
	}

}
