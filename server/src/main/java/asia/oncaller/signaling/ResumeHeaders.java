package asia.oncaller.signaling;

import java.util.Map;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;

/**
 * What a connection says about resuming (PROTOCOL §2.1), kept with its session: the
 * {@code resume-token} of its CONNECT, for its {@code call.resume} requests, and whether it said
 * DISCONNECT before it closed. A connection that closes without one dropped, and its calls wait
 * for the device; one that said it leaves.
 */
@Component
class ResumeHeaders implements ChannelInterceptor {

	private static final String TOKEN = ResumeHeaders.class.getName() + ".token";

	private static final String DISCONNECTED = ResumeHeaders.class.getName() + ".disconnected";

	/** Far above a token's length: a longer header is no token and is not kept. */
	private static final int MAX_TOKEN_LENGTH = 256;

	@Override
	public Message<?> preSend(Message<?> message, MessageChannel channel) {
		StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
		Map<String, Object> session = (accessor != null) ? accessor.getSessionAttributes() : null;
		if (session == null) {
			return message;
		}
		if (accessor.getCommand() == StompCommand.CONNECT || accessor.getCommand() == StompCommand.STOMP) {
			String token = accessor.getFirstNativeHeader("resume-token");
			if (token != null && token.length() <= MAX_TOKEN_LENGTH) {
				session.put(TOKEN, token);
			}
		}
		else if (accessor.getCommand() == StompCommand.DISCONNECT) {
			session.put(DISCONNECTED, Boolean.TRUE);
		}
		return message;
	}

	/** The resume token the connection of this message gave on CONNECT, or {@code null}. */
	static String tokenOf(Message<?> message) {
		Map<String, Object> session = SimpMessageHeaderAccessor.getSessionAttributes(message.getHeaders());
		return (session != null) ? (String) session.get(TOKEN) : null;
	}

	/** Whether the connection of this (disconnect) message said DISCONNECT before it closed. */
	static boolean saidDisconnect(Message<?> message) {
		Map<String, Object> session = SimpMessageHeaderAccessor.getSessionAttributes(message.getHeaders());
		return session != null && Boolean.TRUE.equals(session.get(DISCONNECTED));
	}

}
