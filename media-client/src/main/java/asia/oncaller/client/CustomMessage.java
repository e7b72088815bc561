package asia.oncaller.client;

import java.util.Map;

/**
 * The {@code custommessage} event: what another user sent with
 * {@link OnCallerClient#sendCustomMessage}.
 *
 * @param fromUserId the sender
 * @param message the JSON object sent
 */
public record CustomMessage(String fromUserId, Map<String, Object> message) {
}
