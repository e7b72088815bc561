package asia.oncaller.call;

import java.util.Map;

/**
 * Something happened to a call that the customer's event_url hears about: {@code created},
 * {@code ringing}, {@code answered}, {@code ended} or {@code dtmf}. Published inside the
 * transaction that made it happen, so that listeners can store it atomically with the change.
 *
 * @param type what happened
 * @param call the call as that transaction left it
 * @param details what the type adds (for {@code ended}: endReason, sipCode, duration,
 * answerDuration, endedBy, cost; for {@code dtmf}: digits, from)
 */
public record CallLifecycleEvent(String type, Call call, Map<String, Object> details) {

}
