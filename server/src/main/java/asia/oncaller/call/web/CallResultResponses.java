package asia.oncaller.call.web;

import java.util.LinkedHashMap;
import java.util.Map;

import asia.oncaller.api.ApiException;
import asia.oncaller.api.ProblemType;
import asia.oncaller.call.CallOutcome;
import asia.oncaller.call.CallResult;
import asia.oncaller.limits.KeyedRateLimiter;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Turns a verb's {@link CallResult} into its HTTP answer: 200 with {@code {r, message, ...}} for
 * {@code r=0}; otherwise a problem detail of type {@code call-control} whose status fits the
 * outcome and which carries the same {@code r} and {@code message} (and {@code code} = r), so a
 * client reads the result the same way as on STOMP. docs/protocol.md §5 has the table.
 */
final class CallResultResponses {

	private CallResultResponses() {
	}

	static ResponseEntity<Object> of(CallResult result, String callId) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("r", result.r());
		fields.put("message", result.message());
		if (callId != null) {
			fields.put("callId", callId);
		}
		fields.putAll(result.data());
		if (result.outcome().ok()) {
			return ResponseEntity.ok(fields);
		}
		HttpStatus status = status(result.outcome());
		ProblemDetail problem = ApiException.problem(ProblemType.CALL_CONTROL, status, result.message(), fields);
		problem.setProperty("code", result.r());
		ResponseEntity.BodyBuilder response = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (status == HttpStatus.TOO_MANY_REQUESTS) {
			// Every 429 says when to come back, as the request rates' own do.
			response.header(HttpHeaders.RETRY_AFTER, Long.toString(KeyedRateLimiter.PERIOD.toSeconds()));
		}
		return response.body(problem);
	}

	/** The HTTP status of an outcome. */
	static HttpStatus status(CallOutcome outcome) {
		return switch (outcome) {
			case OK -> HttpStatus.OK;
			case NOT_ENOUGH_MONEY -> HttpStatus.PAYMENT_REQUIRED;
			case ANSWER_URL_EMPTY, SCCO_INCORRECT_FORMAT, TO_TYPE_INVALID, FROM_NUMBER_NOT_FOUND,
					FROM_NUMBER_NOT_YOURS, TRUNK_NOT_FOUND, TRUNK_NOT_YOURS, TRANSFER_NOT_ALLOWED, TARGET_NOT_ONLINE ->
				HttpStatus.UNPROCESSABLE_CONTENT;
			case CALL_NOT_EXIST -> HttpStatus.NOT_FOUND;
			case CONTROLLED_FROM_OTHER_DEVICE, CALL_DATA_NOT_EXIST, ANSWERED_ON_ANOTHER_DEVICE -> HttpStatus.CONFLICT;
			case INVALID_REQUEST -> HttpStatus.BAD_REQUEST;
			case NOT_ALLOWED -> HttpStatus.FORBIDDEN;
			case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
			case SERVER_ERROR -> HttpStatus.INTERNAL_SERVER_ERROR;
		};
	}

}
