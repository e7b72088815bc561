package asia.oncaller.call;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import asia.oncaller.call.CallParties.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Messages that travel from one leg of a call to the other: SDP and ICE candidates, info, DTMF,
 * hold; and the media state each leg reports. Before the answer, the caller's messages reach
 * every ringing device of the callee; after it, only the answering device.
 */
@Service
public class CallRelayService {

	private static final Logger log = LoggerFactory.getLogger(CallRelayService.class);

	/** The largest {@code info} object, as JSON, that a party may send. */
	static final int MAX_INFO_BYTES = 16 * 1024;

	/** The {@code deviceId} of the SDP the server answers an app caller with itself. */
	static final String SERVER_DEVICE = "server";

	private final CallRepository calls;

	private final Presence presence;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	private final ObjectProvider<PhoneNetwork> phones;

	private final Clock clock;

	private final CallProperties properties;

	private final AppMediaAnchor anchor;

	private final ObjectProvider<AppCallerActions> appCallers;

	private final CallCharging charging;

	CallRelayService(CallRepository calls, Presence presence, JsonMapper json, ApplicationEventPublisher events,
			ObjectProvider<PhoneNetwork> phones, Clock clock, CallProperties properties, AppMediaAnchor anchor,
			ObjectProvider<AppCallerActions> appCallers, CallCharging charging) {
		this.appCallers = appCallers;
		this.charging = charging;
		this.calls = calls;
		this.presence = presence;
		this.json = json;
		this.events = events;
		this.phones = phones;
		this.clock = clock;
		this.properties = properties;
		this.anchor = anchor;
	}

	/**
	 * Relays an SDP offer or answer to the other leg, tagged with the sender's device; a phone leg
	 * takes it through the media bridge instead (it dials, renegotiates, or answers), and an
	 * anchored app-to-app call through its media anchor, whose SDP the other app gets. The
	 * caller's offer of an unanswered call that may fail over is kept for a new callee.
	 */
	@Transactional
	public CallResult sdp(Party party, String callId, Map<String, Object> sdp) {
		Access access = access(party, callId);
		if (access.refusal().isEmpty() && CallParties.serverRunsActions(access.call())) {
			return answeredByServer(access.call(), sdp);
		}
		if (access.refusal().isEmpty() && access.call().isMediaAnchored()) {
			return anchored(party, access, sdp);
		}
		return relayOrToPhone(access, (call) -> {
			if (keepsCallerMedia(call, party)) {
				this.calls.keepCallerOffer(callId, this.json.writeValueAsString(sdp));
			}
			return CallEvents.relay("sdp", call, "sdp", sdp, party.deviceId());
		}, (call) -> this.phones.getObject().sdp(call, sdp));
	}

	/**
	 * The caller's offer to a call the server answers itself to run actions first
	 * ({@link AppCallerActions}): answered at rtpengine, the first one also answering the call
	 * (granted its time, {@code answered} on the event_url), so the caller hears
	 * {@code signalingState} 3 and then the answer, from device {@value #SERVER_DEVICE}. Only its
	 * caller can be a party of such a call (it has no callee yet). A re-offer (hold) is answered
	 * the same way; an answer has nothing to answer (code 10), and a refusal of rtpengine leaves
	 * the call as it was (code 13).
	 */
	private CallResult answeredByServer(Call call, Map<String, Object> sdp) {
		if (!"offer".equals(sdp.get("type")) || !(sdp.get("sdp") instanceof String offer)) {
			return CallResult.of(CallOutcome.INVALID_REQUEST,
					"Invalid request: the server answers this call, so its sdp must be an offer");
		}
		String answer;
		try {
			answer = this.appCallers.getObject().answerCaller(call.getId(), offer);
		}
		catch (RuntimeException ex) {
			log.warn("Call {}: rtpengine did not answer the app caller's offer: {}", call.getId(), ex.toString());
			return CallResult.of(CallOutcome.SERVER_ERROR);
		}
		List<Delivery> deliveries = new ArrayList<>();
		if (call.getStatus() != CallState.ANSWERED) {
			this.calls.markAnswered(call.getId(), this.clock.instant(), null, null, this.charging.firstGrant(call))
				.ifPresent((answered) -> {
					this.events.publishEvent(new CallLifecycleEvent.Answered(CallSnapshot.of(answered)));
					deliveries.add(new Delivery(CallParties.caller(answered),
							CallEvents.signalingState(answered, CallState.ANSWERED, "Answered")));
				});
		}
		deliveries.add(new Delivery(CallParties.caller(call),
				CallEvents.relay("sdp", call, "sdp", Map.of("type", "answer", "sdp", answer), SERVER_DEVICE)));
		return CallResult.ok(deliveries);
	}

	/**
	 * The SDP of an anchored app-to-app call, through rtpengine. The caller's offer of a call that
	 * may fail over is kept as rtpengine rewrote it: rtpengine's side toward the callee waits for
	 * an answer until one comes, so a new callee gets that offer and its answer completes the
	 * bridge, as the callee that failed would have (which never answered: a device answers only
	 * after its {@code call.answer}). A refusal of rtpengine leaves the call as it was (code 13),
	 * so the app may try again or hang up; an SDP that is neither an offer nor an answer is code 10.
	 */
	private CallResult anchored(Party party, Access access, Map<String, Object> sdp) {
		Call call = access.call();
		Map<String, Object> rewritten;
		try {
			rewritten = this.anchor.sdp(call.getId(), access.role() == Role.CALLER, sdp);
		}
		catch (IllegalArgumentException ex) {
			return CallResult.of(CallOutcome.INVALID_REQUEST, "Invalid request: " + ex.getMessage());
		}
		catch (RuntimeException ex) {
			log.warn("Call {}: rtpengine did not take the {}'s SDP: {}", call.getId(), access.role(), ex.toString());
			return CallResult.of(CallOutcome.SERVER_ERROR);
		}
		if ("answer".equals(rewritten.get("type"))) {
			this.events.publishEvent(new AnchoredMediaNegotiated(CallSnapshot.of(call)));
			if (access.role() == Role.CALLEE && call.timing().transferredAt() != null) {
				// The caller's media was answered by the server already: rtpengine re-offered it to
				// this callee at the connect (ServerAnsweredAppCalls), so the caller has no offer out.
				return CallResult.ok(List.of());
			}
		}
		else if (keepsCallerMedia(call, party)) {
			this.calls.keepCallerOffer(call.getId(), this.json.writeValueAsString(rewritten));
		}
		return CallResult.ok(List.of(new Delivery(CallParties.otherLeg(call, access.role()),
				CallEvents.relay("sdp", call, "sdp", rewritten, party.deviceId()))));
	}

	/**
	 * Relays an ICE candidate to the other leg, tagged with the sender's device; kept as the offer
	 * is. A phone leg, or an anchored app-to-app call, does not need them: rtpengine learns the
	 * app's address from its connectivity checks (and the other app must not learn it).
	 */
	@Transactional
	public CallResult candidate(Party party, String callId, Map<String, Object> candidate) {
		Access access = access(party, callId);
		if (access.refusal().isEmpty() && access.call().isMediaAnchored()) {
			return CallResult.ok(List.of());
		}
		return relayOrToPhone(access, (call) -> {
			if (keepsCallerMedia(call, party)) {
				this.calls.keepCallerCandidate(callId, this.json.writeValueAsString(candidate));
			}
			return CallEvents.relay("candidate", call, "candidate", candidate, party.deviceId());
		}, (call) -> {
		});
	}

	/** Whether the call may still fail over to another callee, who then needs the caller's media offer. */
	private static boolean keepsCallerMedia(Call call, Party party) {
		return call.failover().continueOnFail() && call.getStatus() != CallState.ANSWERED
				&& CallParties.roleOf(call, party) == Role.CALLER;
	}

	/** Relays an application's JSON object, of at most 16 KB, to the other leg. */
	@Transactional(readOnly = true)
	public CallResult info(Party party, String callId, Map<String, Object> info) {
		if (this.json.writeValueAsBytes(info).length > MAX_INFO_BYTES) {
			return CallResult.of(CallOutcome.INVALID_REQUEST, "Invalid request: info is larger than 16 KB");
		}
		return relay(party, callId, (call) -> CallEvents.relay("info", call, "info", info, party.deviceId()));
	}

	/**
	 * Relays DTMF digits (already checked to be {@code 0-9*#A-D}, 1 to 32 of them); a phone leg
	 * gets them as the trunk is set to (RFC 4733 events or SIP INFO).
	 */
	@Transactional
	public CallResult dtmf(Party party, String callId, String digits) {
		Access access = access(party, callId);
		if (access.refusal().isEmpty() && CallParties.serverRunsActions(access.call())) {
			publishDtmf(access.call(), party, digits);
			this.appCallers.getObject().digits(callId, digits);
			return CallResult.ok(List.of());
		}
		return relayOrToPhone(party, callId, (call) -> {
			publishDtmf(call, party, digits);
			return CallEvents.relay("dtmf", call, "digits", digits, party.deviceId());
		}, (call) -> {
			publishDtmf(call, party, digits);
			this.phones.getObject().dtmf(call, digits);
		});
	}

	/** The customer's event_url hears the digits, whichever leg they go to. */
	private void publishDtmf(Call call, Party party, String digits) {
		this.events.publishEvent(CallLifecycleEvent.Dtmf.of(call, digits, CallParties.roleOf(call, party)));
	}

	/**
	 * Tells the other leg that the party put the call on hold, or took it off. A phone leg hears
	 * it as the re-INVITE that the holder's re-offer causes (PROTOCOL §6), so nothing more goes
	 * to it here.
	 */
	@Transactional(readOnly = true)
	public CallResult hold(Party party, String callId, boolean hold) {
		return relayOrToPhone(party, callId,
				(call) -> CallEvents.relay("hold", call, "hold", hold, party.deviceId()), (call) -> {
				});
	}

	/** Stores the media state (1 connected, 2 disconnected) that the party's leg reports. */
	@Transactional
	public CallResult mediaState(Party party, String callId, int code) {
		Access access = access(party, callId);
		if (access.refusal().isPresent()) {
			return access.refusal().get();
		}
		if (access.role() == Role.CALLER) {
			this.calls.setCallerMediaState(callId, code);
		}
		else {
			this.calls.setCalleeMediaState(callId, code);
		}
		return CallResult.ok(List.of());
	}

	/**
	 * Moves the phone leg of an answered app-to-phone or phone-to-app call from the party to
	 * another user of the project: the target's devices ring with the phone party as the caller,
	 * the party's device hears {@code transferred} and then {@code signalingState} 6, and the
	 * phone party stays connected. The target's presence is checked first, then whether the call
	 * can be transferred at all: app-to-app calls cannot, nor calls not answered yet.
	 */
	@Transactional
	public CallResult transfer(Party party, String callId, String targetUserId) {
		Access access = access(party, callId);
		if (access.refusal().isPresent()) {
			return access.refusal().get();
		}
		if (!this.presence.isOnline(party.projectId(), targetUserId)) {
			return CallResult.of(CallOutcome.TARGET_NOT_ONLINE);
		}
		Call call = access.call();
		if (!CallParties.otherLegIsPhone(call, access.role()) || call.getStatus() != CallState.ANSWERED
				|| targetUserId.equals(party.userId())) {
			return CallResult.of(CallOutcome.TRANSFER_NOT_ALLOWED);
		}
		Instant now = this.clock.instant();
		return this.calls
			.markTransferred(callId, party.userId(), party.connectionId(), targetUserId, now,
					now.plus(this.properties.transferRingTimeout()))
			.map((moved) -> {
				this.events.publishEvent(new CallLifecycleEvent.Transferred(CallSnapshot.of(moved), party.userId(),
						targetUserId));
				Recipient transferring = Recipient.connectionOrUser(party.projectId(), party.userId(),
						party.connectionId());
				return CallResult.ok(List.of(new Delivery(transferring, CallEvents.transferred(moved, targetUserId)),
						new Delivery(transferring, CallEvents.signalingState(moved, CallState.ENDED, "Transferred"))));
			})
			.orElseGet(() -> CallResult.of(CallOutcome.TRANSFER_NOT_ALLOWED));
	}

	private CallResult relay(Party party, String callId, Function<Call, Map<String, Object>> event) {
		return relayOrToPhone(party, callId, event, null);
	}

	/** Relays the event to an app leg, or hands the message to the phone leg when that is the other one. */
	private CallResult relayOrToPhone(Party party, String callId, Function<Call, Map<String, Object>> event,
			Consumer<Call> toPhone) {
		return relayOrToPhone(access(party, callId), event, toPhone);
	}

	private CallResult relayOrToPhone(Access access, Function<Call, Map<String, Object>> event,
			Consumer<Call> toPhone) {
		if (access.refusal().isPresent()) {
			return access.refusal().get();
		}
		Call call = access.call();
		if (toPhone != null && CallParties.otherLegIsPhone(call, access.role())) {
			toPhone.accept(call);
			return CallResult.ok(List.of());
		}
		return CallResult.ok(List.of(new Delivery(CallParties.otherLeg(call, access.role()), event.apply(call))));
	}

	/** The call and the party's side of it, or why the party may not act on it. */
	private Access access(Party party, String callId) {
		Optional<Call> found = this.calls.findById(callId);
		if (found.isEmpty() || found.get().getStatus().isFinal()) {
			return Access.refused(CallOutcome.CALL_NOT_EXIST);
		}
		Call call = found.get();
		Role role = CallParties.roleOf(call, party);
		if (role == Role.NONE || (role == Role.CALLEE && call.getStatus() == CallState.ANSWERED
				&& !CallParties.isAnsweringDevice(call, party))) {
			return Access.refused(CallOutcome.NOT_ALLOWED);
		}
		return new Access(call, role, Optional.empty());
	}

	private record Access(Call call, Role role, Optional<CallResult> refusal) {

		static Access refused(CallOutcome outcome) {
			return new Access(null, Role.NONE, Optional.of(CallResult.of(outcome)));
		}

	}

}
