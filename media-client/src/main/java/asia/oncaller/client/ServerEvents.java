package asia.oncaller.client;

import java.util.Map;

/**
 * Applies the server's events about one call ({@code docs/protocol.md} §3.2) to it: state
 * changes, SDP and candidates for its media, and the events the application sees. On the
 * client's event thread.
 */
final class ServerEvents {

	private ServerEvents() {
	}

	@SuppressWarnings("unchecked")
	static void apply(CallRuntime call, String type, Map<String, Object> m) {
		String deviceId = (m.get("deviceId") instanceof String d) ? d : null;
		switch (type) {
			case "signalingState" -> signalingState(call, m);
			case "sdp" -> {
				if (!call.isEnded() && call.media() != null && m.get("sdp") instanceof Map<?, ?> sdp) {
					call.media().remoteDescription((Map<String, Object>) sdp, deviceId);
				}
			}
			case "candidate" -> {
				if (!call.isEnded() && call.media() != null && m.get("candidate") instanceof Map<?, ?> c) {
					call.media().remoteCandidate((Map<String, Object>) c, deviceId);
				}
			}
			case "info" -> {
				if (m.get("info") instanceof Map<?, ?> info) {
					call.emit(CallEvent.INFO, (Map<String, Object>) info);
				}
			}
			case "dtmf" -> call.emit(CallEvent.DTMF, String.valueOf(m.get("digits")));
			case "hold" -> call.emit(CallEvent.HOLD, Boolean.TRUE.equals(m.get("hold")));
			case "transferred" -> call.emit(CallEvent.TRANSFERRED, String.valueOf(m.get("toUserId")));
			case "otherDevice" -> otherDevice(call, m);
			case "peerConnection" -> call.emit(CallEvent.PEER_CONNECTION, String.valueOf(m.get("state")));
			default -> {
				// additive protocol fields and events are allowed: ignore what this version does not know
			}
		}
	}

	private static void signalingState(CallRuntime call, Map<String, Object> m) {
		SignalingState state = new SignalingState(number(m.get("code"), 0), (String) m.get("reason"),
				(m.get("sipCode") instanceof Number n) ? n.intValue() : null, (String) m.get("sipReason"));
		if (state.isFinal()) {
			call.finish();
		}
		else if (call.isEnded()) {
			return;
		}
		else if (state.code() == SignalingState.RINGING) {
			call.moveTo(CallState.RINGING);
		}
		else if (state.code() == SignalingState.ANSWERED) {
			call.answered = true;
			call.moveTo(CallState.ANSWERED);
		}
		call.emit(CallEvent.SIGNALING_STATE, state);
	}

	@SuppressWarnings("unchecked")
	private static void otherDevice(CallRuntime call, Map<String, Object> m) {
		Map<String, Object> data = (m.get("data") instanceof Map<?, ?> d) ? (Map<String, Object>) d : Map.of();
		Object code = data.containsKey("code") ? data.get("code") : m.get("code");
		OtherDevice event = new OtherDevice(String.valueOf(data.getOrDefault("type", "CALL_STATE")),
				(code instanceof Number n) ? n.intValue() : null, data);
		if (event.isAnsweredElsewhere()) {
			call.answeredOnAnotherDevice = true;
		}
		call.finish(); // answered, rejected or ended elsewhere: over on this device
		call.emit(CallEvent.OTHER_DEVICE, event);
	}

	private static int number(Object value, int absent) {
		return (value instanceof Number n) ? n.intValue() : absent;
	}

}
