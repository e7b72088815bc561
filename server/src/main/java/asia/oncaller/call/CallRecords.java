package asia.oncaller.call;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import asia.oncaller.call.CallParties.Role;

/** What an ended call's record says about its ending, for the {@code ended} webhook. */
final class CallRecords {

	private CallRecords() {
	}

	/**
	 * endReason, sipCode, duration (created to ended, s), answerDuration (answered to ended, s; 0
	 * when never answered), endedBy ({@code caller}, {@code callee} or {@code server}), cost and
	 * currency.
	 */
	static Map<String, Object> endDetails(Call call, Role endedBy) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("endReason", call.getEndReason());
		details.put("sipCode", call.getSipCode());
		details.put("duration", seconds(call.getCreatedAt(), call.getEndedAt()));
		details.put("answerDuration",
				(call.getAnsweredAt() != null) ? seconds(call.getAnsweredAt(), call.getEndedAt()) : 0);
		details.put("endedBy", switch (endedBy) {
			case CALLER -> "caller";
			case CALLEE -> "callee";
			case NONE -> "server";
		});
		details.put("cost", call.getCost());
		details.put("currency", call.getCurrency());
		return details;
	}

	private static long seconds(Instant from, Instant to) {
		return Duration.between(from, to).toSeconds();
	}

}
