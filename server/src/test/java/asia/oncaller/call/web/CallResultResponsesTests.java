package asia.oncaller.call.web;

import java.util.EnumMap;
import java.util.Map;

import asia.oncaller.api.ProblemType;
import asia.oncaller.call.CallOutcome;
import asia.oncaller.call.CallResult;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The table of docs/protocol.md §5 that maps each call-control outcome to an HTTP status, checked
 * for every outcome there is, and the two shapes of answer: 200 with {@code r=0}, else a problem
 * detail carrying the same {@code r}, {@code message} and call id.
 */
class CallResultResponsesTests {

	@Test
	void everyOutcomeHasItsDocumentedStatus() {
		Map<CallOutcome, Integer> documented = new EnumMap<>(CallOutcome.class);
		documented.put(CallOutcome.OK, 200);
		documented.put(CallOutcome.ANSWER_URL_EMPTY, 422);
		documented.put(CallOutcome.SCCO_INCORRECT_FORMAT, 422);
		documented.put(CallOutcome.TO_TYPE_INVALID, 422);
		documented.put(CallOutcome.FROM_NUMBER_NOT_FOUND, 422);
		documented.put(CallOutcome.FROM_NUMBER_NOT_YOURS, 422);
		documented.put(CallOutcome.TRUNK_NOT_FOUND, 422);
		documented.put(CallOutcome.TRUNK_NOT_YOURS, 422);
		documented.put(CallOutcome.NOT_ENOUGH_MONEY, 402);
		documented.put(CallOutcome.CALL_NOT_EXIST, 404);
		documented.put(CallOutcome.CONTROLLED_FROM_OTHER_DEVICE, 409);
		documented.put(CallOutcome.CALL_DATA_NOT_EXIST, 409);
		documented.put(CallOutcome.ANSWERED_ON_ANOTHER_DEVICE, 409);
		documented.put(CallOutcome.TRANSFER_NOT_ALLOWED, 422);
		documented.put(CallOutcome.TARGET_NOT_ONLINE, 422);
		documented.put(CallOutcome.INVALID_REQUEST, 400);
		documented.put(CallOutcome.NOT_ALLOWED, 403);
		documented.put(CallOutcome.RATE_LIMITED, 429);
		documented.put(CallOutcome.SERVER_ERROR, 500);
		assertThat(documented).hasSize(CallOutcome.values().length);
		documented.forEach((outcome, status) -> assertThat(CallResultResponses.status(outcome).value()).as(outcome.name())
			.isEqualTo(status));
	}

	@Test
	void successIsPlainJsonWithRZero() {
		ResponseEntity<Object> answer = CallResultResponses.of(CallResult.ok(java.util.List.of()), "call-1");
		assertThat(answer.getStatusCode().value()).isEqualTo(200);
		assertThat(answer.getBody()).isEqualTo(Map.of("r", 0, "message", "Success", "callId", "call-1"));
	}

	@Test
	void failureIsAProblemCarryingTheResult() {
		ResponseEntity<Object> answer = CallResultResponses.of(CallResult.of(CallOutcome.NOT_ENOUGH_MONEY), null);
		assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		ProblemDetail problem = (ProblemDetail) answer.getBody();
		assertThat(problem.getStatus()).isEqualTo(402);
		assertThat(problem.getType()).hasToString(ProblemType.BASE + "call-control");
		assertThat(problem.getDetail()).isEqualTo(CallOutcome.NOT_ENOUGH_MONEY.message());
		assertThat(problem.getProperties()).containsEntry("r", 8)
			.containsEntry("code", 8)
			.containsEntry("message", CallOutcome.NOT_ENOUGH_MONEY.message())
			.doesNotContainKey("callId");
	}

}
