package asia.oncaller.signaling;

import java.nio.charset.StandardCharsets;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.socket.messaging.StompSubProtocolErrorHandler;

/**
 * Turns a refused CONNECT into the ERROR frame of PROTOCOL §2, with headers {@code code} (the
 * authen code) and {@code message}. Spring closes the WebSocket after sending it.
 */
class StompErrorFrames extends StompSubProtocolErrorHandler {

	@Override
	public Message<byte[]> handleClientMessageProcessingError(Message<byte[]> clientMessage, Throwable ex) {
		AuthenticationFailure failure = authenticationFailure(ex);
		if (failure == null) {
			return super.handleClientMessageProcessingError(clientMessage, ex);
		}
		StompHeaderAccessor accessor = StompHeaderAccessor.create(StompCommand.ERROR);
		accessor.setMessage(failure.code().message());
		accessor.setNativeHeader("code", String.valueOf(failure.code().code()));
		accessor.setContentType(MimeTypeUtils.TEXT_PLAIN);
		accessor.setLeaveMutable(true);
		byte[] body = failure.code().message().getBytes(StandardCharsets.UTF_8);
		return MessageBuilder.createMessage(body, accessor.getMessageHeaders());
	}

	private static AuthenticationFailure authenticationFailure(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof AuthenticationFailure failure) {
				return failure;
			}
		}
		return null;
	}

}
