package asia.oncaller.call.web;

import asia.oncaller.auth.RestIdentity;
import asia.oncaller.auth.RestTokenKind;
import asia.oncaller.auth.RestTokens;
import asia.oncaller.call.CallOutcome;
import asia.oncaller.call.CallRequest;
import asia.oncaller.call.CallRequestRunner;
import asia.oncaller.call.CallResult;
import asia.oncaller.call.MakeCallService;
import asia.oncaller.call.ServerCallCommand;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/calls}: the customer's server places a call to an app user, with its SCCO
 * inline ({@code actions}) or from its own {@code answerUrl}; the call module does the rest, with
 * makeCall's codes, through the same {@link CallRequestRunner} as every other verb.
 */
@RestController
@RestTokens(RestTokenKind.PROJECT)
@Tag(name = "Call control", description = "Project REST token. 200 {r:0, message, callId} or a problem with r")
class ServerCallController {

	private final CallRequestRunner runner;

	private final MakeCallService makeCall;

	private final JsonMapper json;

	ServerCallController(CallRequestRunner runner, MakeCallService makeCall, JsonMapper json) {
		this.runner = runner;
		this.makeCall = makeCall;
		this.json = json;
	}

	@PostMapping(path = "/v1/calls", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Place a call from your server to an app user (codes 0 to 8, 10)",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(schema = @Schema(implementation = CallVerbBodies.MakeCall.class))))
	ResponseEntity<Object> make(RestIdentity identity, @RequestBody(required = false) String body) {
		CallRequest<CallVerbBodies.MakeCall> request = CallRequest.of("REST", body, CallVerbBodies.MakeCall.class,
				(bound) -> make(identity, bound));
		return this.runner.run(request, (requestId, result) -> CallResultResponses.of(result, null));
	}

	private CallResult make(RestIdentity identity, CallVerbBodies.MakeCall request) {
		if ((request.answerUrl() == null) == (request.actions() == null)) {
			return CallResult.of(CallOutcome.INVALID_REQUEST,
					"Invalid request: give exactly one of answerUrl and actions");
		}
		String scco = (request.actions() != null) ? this.json.writeValueAsString(request.actions()) : null;
		return this.makeCall.makeFromServer(identity.projectId(), identity.accountId(), new ServerCallCommand(
				request.from(), request.to(), request.answerUrl(), scco, request.isVideoCall(), request.custom()));
	}

}
