package asia.oncaller.call.web;

import asia.oncaller.api.OpenApiConfiguration;
import asia.oncaller.auth.OperatorOnly;
import asia.oncaller.call.CallResult;
import asia.oncaller.call.CallService;
import asia.oncaller.call.EventSender;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's hang-up from the console's live calls (issue 19): ends any call in progress of
 * the account, with the same result codes as a party's hangup (0 ok, 1 no such call in progress).
 */
@RestController
@OperatorOnly
@Tag(name = "Operator", description = "The operator token (oncaller.operator.token), not a JWT")
@SecurityRequirement(name = OpenApiConfiguration.OPERATOR)
class OperatorCallController {

	private final CallService calls;

	private final EventSender events;

	OperatorCallController(CallService calls, EventSender events) {
		this.calls = calls;
		this.events = events;
	}

	@PostMapping(path = "/v1/accounts/{accountId}/calls/{callId}/hangup", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "End a call in progress of the account (codes 0, 1)")
	ResponseEntity<Object> hangup(@PathVariable String accountId, @PathVariable String callId) {
		CallResult result = this.calls.endByOperator(accountId, callId);
		ResponseEntity<Object> answer = CallResultResponses.of(result, callId);
		// The answer first, then the events, as for every verb (CallRequestRunner).
		this.events.send(result.deliveries());
		return answer;
	}

}
