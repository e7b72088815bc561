package asia.oncaller.signaling;

import asia.oncaller.auth.AuthCode;
import asia.oncaller.auth.AuthOutcome;
import asia.oncaller.auth.ClientTokenVerifier;
import asia.oncaller.database.DatabaseUnreachable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;

/**
 * Checks the client token on STOMP CONNECT (or its alias STOMP), the one place where a
 * connection is authenticated. A refused token, or a user or address past its connection limit
 * ({@link ConnectionLimits}), becomes an ERROR frame with the authen code and the connection
 * closes (see {@link StompErrorFrames}); an accepted one makes the connection's
 * {@link ClientPrincipal}. A token that cannot be checked (PostgreSQL away) is code 13, "try
 * again", within the pool's timeouts (docs/operations.md).
 */
@Component
class ConnectAuthenticator implements ChannelInterceptor {

	private static final Logger log = LoggerFactory.getLogger(ConnectAuthenticator.class);

	private static final String BEARER = "Bearer ";

	private final ClientTokenVerifier verifier;

	private final ConnectionLimits limits;

	ConnectAuthenticator(ClientTokenVerifier verifier, ConnectionLimits limits) {
		this.verifier = verifier;
		this.limits = limits;
	}

	@Override
	public Message<?> preSend(Message<?> message, MessageChannel channel) {
		StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
		if (accessor == null || accessor.getMessageType() != SimpMessageType.CONNECT) {
			return message;
		}
		AuthOutcome outcome = verify(token(accessor));
		if (!outcome.ok()) {
			throw new AuthenticationFailure(outcome.code());
		}
		String deviceId = header(accessor, "device-id", accessor.getSessionId());
		String platform = header(accessor, "platform", "web");
		ClientPrincipal principal = new ClientPrincipal(outcome.identity(), accessor.getSessionId(), deviceId,
				platform);
		this.limits.admit(accessor.getSessionId(), principal.getName());
		accessor.setUser(principal);
		return message;
	}

	/**
	 * The token's outcome, or code 13 when it could not be checked: the client may try again, and
	 * the ERROR frame never carries the pool's or the driver's message.
	 */
	private AuthOutcome verify(String token) {
		try {
			return this.verifier.verify(token);
		}
		catch (RuntimeException ex) {
			if (DatabaseUnreachable.isCause(ex)) {
				log.warn("CONNECT refused with code 13: database unreachable ({})",
						NestedExceptionUtils.getMostSpecificCause(ex).toString());
			}
			else {
				log.error("CONNECT refused with code 13", ex);
			}
			return AuthOutcome.failure(AuthCode.SERVER_ERROR);
		}
	}

	private static String token(StompHeaderAccessor accessor) {
		String token = accessor.getFirstNativeHeader("access-token");
		if (token != null) {
			return token;
		}
		String authorization = accessor.getFirstNativeHeader("Authorization");
		return (authorization != null && authorization.startsWith(BEARER)) ? authorization.substring(BEARER.length())
				: null;
	}

	/** A header, cut to 128 characters, or the fallback when absent or blank. */
	private static String header(StompHeaderAccessor accessor, String name, String fallback) {
		String value = accessor.getFirstNativeHeader(name);
		if (value == null || value.isBlank()) {
			return fallback;
		}
		return (value.length() > 128) ? value.substring(0, 128) : value;
	}

}
