package asia.oncaller.call;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shapes of the call events of PROTOCOL §3.2, in one place. Fields whose value is
 * {@code null} are left out.
 */
final class CallEvents {

	private CallEvents() {
	}

	static Map<String, Object> incomingCall(Call call, List<IceServer> iceServers) {
		Parties parties = call.parties();
		return event("incomingCall", call.getId(), "fromNumber", parties.fromNumber(), "toNumber", parties.toNumber(),
				"fromAlias", parties.fromAlias(), "toAlias", parties.toAlias(), "isVideoCall", call.isVideoCall(),
				"fromInternal", parties.fromType() == EndpointType.INTERNAL, "customDataFromYourServer",
				call.getCustomData(), "iceServers", iceServers);
	}

	/**
	 * A phone call transferred to {@code userId}: the phone party calls them, whichever way the
	 * call first went.
	 */
	static Map<String, Object> transferredCall(Call call, String userId, List<IceServer> iceServers) {
		// The party that stayed on the call: the phone of an app-to-phone call is its callee, else the caller.
		boolean fromCaller = call.getDirection() != CallDirection.APP_TO_PHONE;
		Parties parties = call.parties();
		return event("incomingCall", call.getId(), "fromNumber", fromCaller ? parties.fromNumber() : parties.toNumber(),
				"toNumber", userId, "fromAlias", fromCaller ? parties.fromAlias() : parties.toAlias(), "isVideoCall",
				false, "fromInternal", call.getDirection() == CallDirection.APP_TO_APP, "customDataFromYourServer", call.getCustomData(), "transferredFrom",
				parties.transferredFromUserId(), "iceServers", iceServers);
	}

	static Map<String, Object> signalingState(Call call, CallState state, String reason) {
		return signalingState(call, state, reason, call.getSipCode());
	}

	/** A state that a SIP response moved the call to, with that response's code and reason. */
	static Map<String, Object> signalingState(Call call, CallState state, String reason, Integer sipCode) {
		return event("signalingState", call.getId(), "code", state.code(), "reason", reason, "sipCode", sipCode,
				"sipReason", (sipCode != null) ? reason : null);
	}

	/**
	 * A final state for a leg that leaves the call before the call itself ends: the record's SIP
	 * code is not written yet, so it is given.
	 */
	static Map<String, Object> finalState(Call call, CallState state, String reason, Integer sipCode) {
		return event("signalingState", call.getId(), "code", state.code(), "reason", reason, "sipCode", sipCode,
				"sipReason", (sipCode != null) ? reason : null);
	}

	/** Another device of the same user answered (200), rejected (486) or declined (603) the call. */
	static Map<String, Object> otherDeviceState(Call call, int code) {
		return event("otherDevice", call.getId(), "code", code, "data",
				Map.of("type", "CALL_STATE", "code", code, "callId", call.getId()));
	}

	/** Another device of the same user ended the call. */
	static Map<String, Object> otherDeviceEnd(Call call) {
		return event("otherDevice", call.getId(), "data", Map.of("type", "CALL_END", "callId", call.getId()));
	}

	static Map<String, Object> relay(String type, Call call, String key, Object value, String fromDeviceId) {
		return event(type, call.getId(), key, value, "deviceId", fromDeviceId);
	}

	/** The other party's device dropped ({@code lost}) or came back ({@code restored}): PROTOCOL §2.1. */
	static Map<String, Object> peerConnection(Call call, String state) {
		return event("peerConnection", call.getId(), "state", state);
	}

	static Map<String, Object> transferred(Call call, String toUserId) {
		return event("transferred", call.getId(), "toUserId", toUserId);
	}

	private static Map<String, Object> event(String type, String callId, Object... keysAndValues) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("type", type);
		event.put("callId", callId);
		for (int i = 0; i < keysAndValues.length; i += 2) {
			if (keysAndValues[i + 1] != null) {
				event.put((String) keysAndValues[i], keysAndValues[i + 1]);
			}
		}
		return event;
	}

}
