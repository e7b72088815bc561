package asia.oncaller.api;

import java.util.Map;

import asia.oncaller.api.CallRequestBinder.InvalidCallRequest;
import asia.oncaller.auth.RestIdentity;
import asia.oncaller.auth.RestTokenKind;
import asia.oncaller.auth.RestTokens;
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
 * makeCall's codes.
 */
@RestController
@RestTokens(RestTokenKind.PROJECT)
@Tag(name = "Call control", description = "Project REST token. 200 {r:0, message, callId} or a problem with r")
class ServerCallController {

	private final CallRequestBinder binder;

	private final CallVerbRunner runner;

	private final MakeCallService makeCall;

	private final JsonMapper json;

	ServerCallController(CallRequestBinder binder, CallVerbRunner runner, MakeCallService makeCall, JsonMapper json) {
		this.binder = binder;
		this.runner = runner;
		this.makeCall = makeCall;
		this.json = json;
	}

	@PostMapping(path = "/v1/calls", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Place a call from your server to an app user (codes 0 to 8, 10)",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(schema = @Schema(implementation = CallVerbBodies.MakeCall.class))))
	ResponseEntity<Object> make(RestIdentity identity, @RequestBody(required = false) String body) {
		return this.runner.run(null, () -> {
			CallVerbBodies.MakeCall request = this.binder.bind(body, CallVerbBodies.MakeCall.class);
			this.binder.validate(Map.of(), request);
			if ((request.answerUrl() == null) == (request.actions() == null)) {
				throw new InvalidCallRequest("Invalid request: give exactly one of answerUrl and actions");
			}
			String scco = (request.actions() != null) ? this.json.writeValueAsString(request.actions()) : null;
			return this.makeCall.makeFromServer(identity.projectId(), identity.accountId(), new ServerCallCommand(
					request.from(), request.to(), request.answerUrl(), scco, request.isVideoCall(), request.custom()));
		});
	}

}
