package asia.oncaller.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a verb's callback receives: {@code r} (0 is success; 1–13 are the server's codes of
 * {@code docs/protocol.md}; 1000 and above are the SDK's own, see {@link OnCallerError}), the
 * {@code message}, and every other field of the server's reply in {@link #data()} (for
 * {@code makeCall}: {@code callId}, {@code toType}, {@code customDataFromYourServer}, ...).
 *
 * <pre>{@code call.makeCall(res -> System.out.println(res.r() + " " + res.message()));}</pre>
 *
 * @param r the result code
 * @param message the human-readable result
 * @param data the reply's other fields, never {@code null}
 */
public record CallResult(int r, String message, Map<String, Object> data) {

	/** Copies {@code data}; {@code null} becomes empty. */
	public CallResult {
		data = (data != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(data)) : Map.of();
	}

	/** @return whether {@code r == 0} */
	public boolean isSuccess() {
		return this.r == 0;
	}

	/**
	 * @param key a field of the reply
	 * @return its value, or {@code null}
	 */
	public Object get(String key) {
		return this.data.get(key);
	}

	static CallResult ok() {
		return new CallResult(0, "Success", Map.of());
	}

	static CallResult of(OnCallerError error, String detail) {
		String message = (detail != null && !detail.isBlank()) ? error.message() + ": " + detail : error.message();
		return new CallResult(error.code(), message, Map.of("error", error.name()));
	}

	static CallResult fromReply(Map<String, Object> reply) {
		Object r = reply.get("r");
		Object message = reply.get("message");
		Map<String, Object> data = new LinkedHashMap<>(reply);
		data.remove("type");
		data.remove("r");
		data.remove("message");
		data.remove("requestId");
		return new CallResult((r instanceof Number n) ? n.intValue() : OnCallerError.INVALID_REPLY.code(),
				(message != null) ? message.toString() : "", data);
	}

}
