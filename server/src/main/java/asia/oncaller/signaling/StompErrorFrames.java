package asia.oncaller.signaling;

import java.nio.charset.StandardCharsets;

import asia.oncaller.auth.AuthCode;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.socket.messaging.StompSubProtocolErrorHandler;

/**
 * Turns every frame the server refuses into the ERROR frame of PROTOCOL §2, with headers
 * {@code code} and {@code message} from the authen table; Spring closes the WebSocket after
 * sending it. Only the documented texts go out: Spring's own messages name internal classes,
 * which tell an attacker what runs here and tell an app developer nothing.
 */
class StompErrorFrames extends StompSubProtocolErrorHandler {

	@Override
	public Message<byte[]> handleClientMessageProcessingError(Message<byte[]> clientMessage, Throwable ex) {
		AuthCode code = code(clientMessage, ex);
		StompHeaderAccessor accessor = StompHeaderAccessor.create(StompCommand.ERROR);
		accessor.setMessage(code.message());
		accessor.setNativeHeader("code", String.valueOf(code.code()));
		accessor.setContentType(MimeTypeUtils.TEXT_PLAIN);
		accessor.setLeaveMutable(true);
		byte[] body = code.message().getBytes(StandardCharsets.UTF_8);
		return MessageBuilder.createMessage(body, accessor.getMessageHeaders());
	}

	private static AuthCode code(Message<byte[]> clientMessage, Throwable ex) {
		// Spring hands over no message when the bytes did not decode as a STOMP frame.
		boolean invalid = clientMessage == null;
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof AuthenticationFailure failure) {
				return failure.code();
			}
			// Spring's own checks of a decoded frame: a frame before CONNECT, a second CONNECT.
			invalid |= cause instanceof IllegalStateException || cause instanceof IllegalArgumentException;
		}
		return invalid ? AuthCode.INVALID_FRAME : AuthCode.SERVER_ERROR;
	}

}
