package asia.oncaller.call;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a verb returns: its documented outcome, the fields its reply carries besides {@code r}
 * and {@code message} (such as {@code callId}), and the events it causes. The adapter that
 * called the verb answers first and then hands the deliveries to {@link EventSender}, so that a
 * client always sees the reply to its request before the events that follow from it.
 */
public record CallResult(CallOutcome outcome, String message, Map<String, Object> data, List<Delivery> deliveries) {

	/** A result with the outcome's own message, no data and no events. */
	public static CallResult of(CallOutcome outcome) {
		return new CallResult(outcome, outcome.message(), Map.of(), List.of());
	}

	/** A result whose message says more than the outcome's, e.g. which field was invalid. */
	public static CallResult of(CallOutcome outcome, String message) {
		return new CallResult(outcome, message, Map.of(), List.of());
	}

	/** A success that causes the given events. */
	public static CallResult ok(List<Delivery> deliveries) {
		return new CallResult(CallOutcome.OK, CallOutcome.OK.message(), Map.of(), deliveries);
	}

	/** This result with a reply field added. */
	public CallResult with(String key, Object value) {
		Map<String, Object> copy = new LinkedHashMap<>(this.data);
		copy.put(key, value);
		return new CallResult(this.outcome, this.message, copy, this.deliveries);
	}

	public int r() {
		return this.outcome.r();
	}

}
