package asia.oncaller.signaling;

import java.util.Map;

import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;

/** Sends JSON messages to {@code /user/queue/events}: of one connection, or of every device of a user. */
@Component
class ClientMessenger {

	static final String EVENTS = "/queue/events";

	private final SimpMessagingTemplate template;

	ClientMessenger(SimpMessagingTemplate template) {
		this.template = template;
	}

	void toConnection(String principalName, String connectionId, Map<String, Object> message) {
		SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
		headers.setSessionId(connectionId);
		headers.setLeaveMutable(true);
		this.template.convertAndSendToUser(principalName, EVENTS, message, headers.getMessageHeaders());
	}

	void toUser(String principalName, Map<String, Object> message) {
		this.template.convertAndSendToUser(principalName, EVENTS, message);
	}

}
