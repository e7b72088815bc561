package asia.oncaller.sip;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import javax.sip.message.Response;

import asia.oncaller.call.CallOutcome;
import asia.oncaller.call.CallState;
import asia.oncaller.call.EventSender;
import asia.oncaller.call.MakeCallService;
import asia.oncaller.call.PhoneCallPlacement;
import asia.oncaller.call.PhoneCallService;
import asia.oncaller.media.MediaBridge;
import asia.oncaller.numbers.PhoneNumber;
import asia.oncaller.numbers.PhoneNumberRepository;
import asia.oncaller.trunks.SipTrunk;
import asia.oncaller.trunks.SipTrunkRepository;
import gov.nist.javax.sip.message.SIPRequest;

/**
 * Phone-to-app calls: a carrier's INVITE to one of the account's numbers becomes a call to the
 * app user its answer_url names, and the app's answer, reject or silence becomes the SIP final
 * response.
 */
class InboundCalls {

	private final SipMessages messages;

	private final PhoneLegs legs;

	private final MediaBridge media;

	private final MakeCallService makeCalls;

	private final PhoneCallService calls;

	private final EventSender sender;

	private final SipTrunkRepository trunks;

	private final PhoneNumberRepository numbers;

	private final InviteDeadlines deadlines;

	private final Duration answerTimeout;

	private final Duration setupTimeout;

	private final PhoneIvr ivr;

	private final PhoneDialogs dialogs;

	InboundCalls(SipMessages messages, PhoneLegs legs, MediaBridge media, MakeCallService makeCalls,
			PhoneCallService calls, EventSender sender, SipTrunkRepository trunks, PhoneNumberRepository numbers,
			InviteDeadlines deadlines, SipProperties properties, PhoneIvr ivr, PhoneDialogs dialogs) {
		this.ivr = ivr;
		this.dialogs = dialogs;
		this.deadlines = deadlines;
		this.answerTimeout = properties.answerTimeout();
		this.setupTimeout = properties.setupTimeout();
		this.messages = messages;
		this.legs = legs;
		this.media = media;
		this.makeCalls = makeCalls;
		this.calls = calls;
		this.sender = sender;
		this.trunks = trunks;
		this.numbers = numbers;
	}

	/**
	 * A new INVITE was taken (its 100 Trying sent): from now on it has a deadline for its final
	 * response, whatever else happens. Called before the leg runs anything.
	 */
	void taken(PhoneLeg leg) {
		this.deadlines.arm(leg, this.setupTimeout,
				() -> expired(leg, Response.TEMPORARILY_UNAVAILABLE, "Call setup timed out"));
	}

	/**
	 * Takes a new INVITE: the source must be a trunk's address (else 403), the number one of the
	 * account's (else 404), and the account's trunk at that address enabled (else 403); then the
	 * answer_url decides and the app user's devices ring. Whatever fails on the way (the
	 * database, the media bridge, a bug), the carrier hears a final response: 503 from the
	 * checks below, 500 from anything else.
	 */
	void accept(PhoneLeg leg, Request invite) throws Exception {
		try {
			route(leg, invite);
		}
		catch (Exception | Error ex) {
			if (leg.state == PhoneLeg.State.SETUP) {
				expired(leg, Response.SERVER_INTERNAL_ERROR, null);
			}
			throw ex;
		}
	}

	private void route(PhoneLeg leg, Request invite) throws Exception {
		InetAddress source = ((SIPRequest) invite).getRemoteAddress();
		List<SipTrunk> fromSource = this.trunks.findByHost(source.getHostAddress());
		if (fromSource.isEmpty()) {
			refuse(leg, Response.FORBIDDEN, "Unknown source");
			return;
		}
		Optional<PhoneNumber> number = number(SipMessages.user(invite.getRequestURI()))
			.filter((found) -> found.getProjectId() != null);
		if (number.isEmpty()) {
			refuse(leg, Response.NOT_FOUND, null);
			return;
		}
		// Carriers serve many accounts from one address: the number says whose trunk it came in on.
		List<SipTrunk> accountTrunks = fromSource.stream()
			.filter((candidate) -> candidate.getAccountId().equals(number.get().getAccountId()))
			.toList();
		Optional<SipTrunk> trunk = accountTrunks.stream().filter(SipTrunk::isEnabled).findFirst();
		if (trunk.isEmpty()) {
			refuse(leg, Response.FORBIDDEN, accountTrunks.isEmpty() ? "Unknown source" : "Trunk disabled");
			return;
		}
		leg.trunk = PhoneLeg.Trunk.of(trunk.get());
		String offer = SipMessages.body(invite);
		if (offer == null) {
			refuse(leg, Response.NOT_ACCEPTABLE_HERE, "An SDP offer is required");
			return;
		}
		leg.remoteSdp = offer;
		PhoneCallPlacement placed;
		String fromNumber = SipMessages.fromUser(invite);
		try {
			placed = this.makeCalls.makeFromPhone(number.get(), trunk.get().getId(), leg.sipCallId, fromNumber,
					() -> appOffer(leg));
			if (placed.runsFirst()) {
				// The call is written: from here on its end, whatever ends it, ends the leg too.
				this.legs.bind(leg, placed.callId());
				this.dialogs.started(leg);
				leg.localSdp = this.media.anchorPhone(leg.sipCallId, leg.remoteTag, leg.localTag, offer);
			}
		}
		catch (RuntimeException ex) {
			// The media bridge or the database failed: the carrier must hear a final answer anyway.
			refuse(leg, Response.SERVICE_UNAVAILABLE, null);
			if (leg.callId != null) {
				this.calls.failed(leg.callId, Response.SERVICE_UNAVAILABLE, "Service Unavailable");
			}
			throw ex;
		}
		if (placed.runsFirst()) {
			answerItself(leg, placed, number.get().getAccountId());
			return;
		}
		ring(leg, placed);
	}

	/**
	 * The server answers the carrier itself and runs the SCCO's actions: the call is answered
	 * from the 200 OK on. A call ended meanwhile (an operator, its account) is hung up at once.
	 */
	private void answerItself(PhoneLeg leg, PhoneCallPlacement placed, String accountId) throws Exception {
		confirm(leg);
		if (!this.calls.answeredByServer(placed.callId())) {
			this.messages.bye(leg);
			this.legs.end(leg, false);
			return;
		}
		leg.ivr = this.ivr.start(leg, placed, accountId);
	}

	/** The phone's media offered to the app, by rtpengine as WebRTC. */
	private Map<String, Object> appOffer(PhoneLeg leg) {
		return Map.of("type", "offer", "sdp", this.media.offerToApp(leg.sipCallId, leg.remoteTag, leg.remoteSdp));
	}

	/** The carrier gave up before the answer: 487 for its INVITE, and the call ends for the app. */
	void cancelled(PhoneLeg leg) throws Exception {
		if (leg.state != PhoneLeg.State.SETUP) {
			return;
		}
		respond(leg, Response.REQUEST_TERMINATED, null);
		this.legs.end(leg, false);
		if (leg.callId != null) {
			this.calls.hungUp(leg.callId);
		}
	}

	/**
	 * The app answered the call: its device's SDP answer must follow soon, or the carrier hears
	 * 500 and the call ends, rather than wait at 100 Trying for good (a device can answer and
	 * then go silent, lose its connection, or have its SDP refused by a request limit).
	 */
	void appAnswered(PhoneLeg leg) {
		if (leg.state == PhoneLeg.State.SETUP) {
			this.deadlines.arm(leg, this.answerTimeout,
					() -> expired(leg, Response.SERVER_INTERNAL_ERROR, "App answer carried no media"));
		}
	}

	/**
	 * The INVITE's deadline passed, or its set-up failed, with no final response yet: the carrier
	 * gets one now, and the call, if it was placed, ends with it.
	 */
	void expired(PhoneLeg leg, int code, String reason) throws Exception {
		if (leg.state != PhoneLeg.State.SETUP) {
			return;
		}
		try {
			refuse(leg, code, reason);
		}
		finally {
			if (leg.callId != null) {
				this.calls.failed(leg.callId, code, (reason != null) ? reason : "Server Internal Error");
			}
		}
	}

	/** The answering device's SDP answer: the carrier gets its 200 OK. */
	void answer(PhoneLeg leg, String webRtcAnswer) throws Exception {
		if (leg.state != PhoneLeg.State.SETUP) {
			return;
		}
		try {
			leg.localSdp = this.media.answerFromApp(leg.sipCallId, leg.remoteTag, leg.localTag, webRtcAnswer);
		}
		catch (RuntimeException ex) {
			// The app answered but the media cannot be bridged: the carrier hears 503, the app an ending.
			refuse(leg, Response.SERVICE_UNAVAILABLE, null);
			this.calls.failed(leg.callId, Response.SERVICE_UNAVAILABLE, "Service Unavailable");
			throw ex;
		}
		confirm(leg);
	}

	/** The carrier gets its 200 OK with {@code leg.localSdp}: the dialog is set up. */
	private void confirm(PhoneLeg leg) throws Exception {
		Request invite = leg.incoming.getRequest();
		leg.incoming.sendResponse(this.messages.ok(invite, leg.localTag, leg.trunk.transport(), leg.localSdp));
		leg.inviteCSeq = SipMessages.cseq(invite).getSeqNumber();
		leg.dialog = leg.incoming.getDialog();
		leg.state = PhoneLeg.State.CONFIRMED;
		leg.cancelDeadline();
		this.dialogs.confirmed(leg);
	}

	/** An app user's device rings: the carrier hears 180 Ringing. */
	void ringing(PhoneLeg leg) throws Exception {
		if (leg.state == PhoneLeg.State.SETUP) {
			respond(leg, Response.RINGING, null);
		}
	}

	/**
	 * The call ended on the app's side: a reject is 486 Busy Here, no answer or nobody online is
	 * 480; after the 200 OK it is a BYE.
	 */
	void hangUp(PhoneLeg leg, CallState status, Integer sipCode) throws Exception {
		if (leg.state == PhoneLeg.State.CONFIRMED) {
			this.messages.bye(leg);
		}
		else if (leg.state == PhoneLeg.State.SETUP) {
			int code = (status == CallState.BUSY) ? Response.BUSY_HERE
					: (sipCode != null && sipCode >= 400) ? sipCode : Response.TEMPORARILY_UNAVAILABLE;
			respond(leg, code, null);
		}
		this.legs.end(leg, false);
	}

	private void ring(PhoneLeg leg, PhoneCallPlacement placed) throws Exception {
		if (!placed.outcome().ok()) {
			refuse(leg, (placed.outcome() == CallOutcome.NOT_ENOUGH_MONEY) ? Response.PAYMENT_REQUIRED
					: Response.SERVICE_UNAVAILABLE, null);
			return;
		}
		if (placed.endedAtOnce()) {
			leg.callId = placed.callId();
			refuse(leg, placed.sipCode(), placed.reason());
			return;
		}
		// Findable before any device hears of the call, so that its answer finds the leg.
		this.legs.bind(leg, placed.callId());
		this.dialogs.started(leg);
		this.sender.send(placed.deliveries());
	}

	private Optional<PhoneNumber> number(String dialled) {
		if (dialled == null || dialled.isEmpty()) {
			return Optional.empty();
		}
		return this.numbers.findDialled(dialled);
	}

	private void refuse(PhoneLeg leg, int code, String reason) throws Exception {
		try {
			respond(leg, code, reason);
		}
		finally {
			this.legs.end(leg, false);
		}
	}

	private void respond(PhoneLeg leg, int code, String reason) throws Exception {
		ServerTransaction incoming = leg.incoming;
		incoming.sendResponse(this.messages.response(incoming.getRequest(), code, leg.localTag, reason));
	}

}
