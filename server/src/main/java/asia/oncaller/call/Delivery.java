package asia.oncaller.call;

import java.util.Map;

/** One event for one recipient: a JSON object with a {@code type} (PROTOCOL §3.2). */
public record Delivery(Recipient recipient, Map<String, Object> event) {

}
