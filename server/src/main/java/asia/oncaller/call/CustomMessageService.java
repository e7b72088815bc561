package asia.oncaller.call;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

/** {@code message.custom}: an application's JSON object from one user to every device of another. */
@Service
public class CustomMessageService {

	private final Presence presence;

	CustomMessageService(Presence presence) {
		this.presence = presence;
	}

	/** Sends the message to the target user of the same project, if online. */
	public CallResult send(Party from, String toUserId, Map<String, Object> message) {
		if (!this.presence.isOnline(from.projectId(), toUserId)) {
			return CallResult.of(CallOutcome.TARGET_NOT_ONLINE);
		}
		Map<String, Object> event = Map.of("type", "customMessage", "fromUserId", from.userId(), "message", message);
		return CallResult.ok(List.of(new Delivery(new Recipient.User(from.projectId(), toUserId), event)));
	}

}
