package asia.oncaller.call;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import asia.oncaller.call.CallParties.Role;
import tools.jackson.databind.json.JsonMapper;

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

	/** The largest {@code info} object, as JSON, that a party may send. */
	static final int MAX_INFO_BYTES = 16 * 1024;

	private final CallRepository calls;

	private final Presence presence;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	CallRelayService(CallRepository calls, Presence presence, JsonMapper json, ApplicationEventPublisher events) {
		this.calls = calls;
		this.presence = presence;
		this.json = json;
		this.events = events;
	}

	/**
	 * Relays an SDP offer or answer to the other leg, tagged with the sender's device. The
	 * caller's offer of an unanswered call that may fail over is kept for a new callee.
	 */
	@Transactional
	public CallResult sdp(Party party, String callId, Map<String, Object> sdp) {
		return relay(party, callId, (call) -> {
			if (keepsCallerMedia(call, party)) {
				this.calls.keepCallerOffer(callId, this.json.writeValueAsString(sdp));
			}
			return CallEvents.relay("sdp", call, "sdp", sdp, party.deviceId());
		});
	}

	/** Relays an ICE candidate to the other leg, tagged with the sender's device; kept as the offer is. */
	@Transactional
	public CallResult candidate(Party party, String callId, Map<String, Object> candidate) {
		return relay(party, callId, (call) -> {
			if (keepsCallerMedia(call, party)) {
				this.calls.keepCallerCandidate(callId, this.json.writeValueAsString(candidate));
			}
			return CallEvents.relay("candidate", call, "candidate", candidate, party.deviceId());
		});
	}

	/** Whether the call may still fail over to another callee, who then needs the caller's media offer. */
	private static boolean keepsCallerMedia(Call call, Party party) {
		return call.isContinueOnFail() && call.getStatus() != CallState.ANSWERED
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

	/** Relays DTMF digits (already checked to be {@code 0-9*#A-D}, 1 to 32 of them). */
	@Transactional
	public CallResult dtmf(Party party, String callId, String digits) {
		return relay(party, callId, (call) -> {
			String from = (CallParties.roleOf(call, party) == Role.CALLER) ? "caller" : "callee";
			this.events.publishEvent(new CallLifecycleEvent("dtmf", call, Map.of("digits", digits, "from", from)));
			return CallEvents.relay("dtmf", call, "digits", digits, party.deviceId());
		});
	}

	/** Tells the other leg that the party put the call on hold, or took it off. */
	@Transactional(readOnly = true)
	public CallResult hold(Party party, String callId, boolean hold) {
		return relay(party, callId, (call) -> CallEvents.relay("hold", call, "hold", hold, party.deviceId()));
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
	 * Moves the phone leg of an app-to-phone or phone-to-app call to another user. The target's
	 * presence is checked first, then whether the call can be transferred at all: app-to-app
	 * calls cannot.
	 */
	@Transactional(readOnly = true)
	public CallResult transfer(Party party, String callId, String targetUserId) {
		Access access = access(party, callId);
		if (access.refusal().isPresent()) {
			return access.refusal().get();
		}
		if (!this.presence.isOnline(party.projectId(), targetUserId)) {
			return CallResult.of(CallOutcome.TARGET_NOT_ONLINE);
		}
		return CallResult.of(CallOutcome.TRANSFER_NOT_ALLOWED);
	}

	private CallResult relay(Party party, String callId, Function<Call, Map<String, Object>> event) {
		Access access = access(party, callId);
		if (access.refusal().isPresent()) {
			return access.refusal().get();
		}
		Call call = access.call();
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
