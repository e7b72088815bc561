package asia.oncaller.control;

import asia.oncaller.outbound.CustomerUrls;

/**
 * Where a {@code connect} to {@code {"type": "websocket"}} streams the call's audio: the
 * customer's WebSocket, which hears the caller as binary frames of 16-bit little-endian linear
 * PCM at 16 kHz and whose binary frames are played into the call (docs/ivr.md, "Voice bots").
 *
 * @param uri an absolute {@code ws} or {@code wss} URL, at most 2,048 characters
 * @param contentType the audio format; {@code audio/l16;rate=16000} is the only one
 */
public record WebSocketTarget(String uri, String contentType) {

	/** The {@code to.type} of a connect that streams to a WebSocket. */
	public static final String TYPE = "websocket";

	/** The one audio format: 16-bit little-endian linear PCM, mono, 16 kHz. */
	public static final String L16_16K = "audio/l16;rate=16000";

	private static final int MAX_URI_LENGTH = 2048;

	static WebSocketTarget read(SccoFields to) {
		String uri = to.requiredText("uri", MAX_URI_LENGTH);
		if (CustomerUrls.parseWebSocket(uri).isEmpty()) {
			throw to.invalid("uri", "must be an absolute ws(s) URL");
		}
		String contentType = to.optionalChoice("contentType", L16_16K, L16_16K);
		return new WebSocketTarget(uri, contentType);
	}

}
