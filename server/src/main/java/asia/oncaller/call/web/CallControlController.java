package asia.oncaller.call.web;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import asia.oncaller.auth.RestIdentity;
import asia.oncaller.auth.RestTokenKind;
import asia.oncaller.auth.RestTokens;
import asia.oncaller.call.CallRelayService;
import asia.oncaller.call.CallRequest;
import asia.oncaller.call.CallRequest.Validation;
import asia.oncaller.call.CallRequestRunner;
import asia.oncaller.call.CallRequests;
import asia.oncaller.call.CallResult;
import asia.oncaller.call.CallService;
import asia.oncaller.call.Party;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The REST adapters of the verbs on a call ({@code POST /v1/calls/{callId}/<verb>}, PROTOCOL §5):
 * each binds its body, calls the very method the STOMP adapter calls, for the user the body
 * names, through the same {@link CallRequestRunner} as STOMP, which also sends the events the verb
 * caused to the connected clients. Bodies are read as text and bound by the runner, strictly, so
 * that a malformed one is the verb's {@code r=10} rather than a generic 400.
 */
@RestController
@RequestMapping(path = "/v1/calls", produces = MediaType.APPLICATION_JSON_VALUE)
@RestTokens(RestTokenKind.PROJECT)
@Tag(name = "Call control", description = "Project REST token. 200 {r:0, message, callId} or a problem with r")
class CallControlController {

	private final CallRequestRunner runner;

	private final CallService calls;

	private final CallRelayService relay;

	CallControlController(CallRequestRunner runner, CallService calls, CallRelayService relay) {
		this.runner = runner;
		this.calls = calls;
		this.relay = relay;
	}

	@PostMapping("/{callId}/ringing")
	@Operation(summary = "The callee's device rings (codes 0, 1, 11)", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(schema = @Schema(implementation = CallVerbBodies.Acting.class))))
	ResponseEntity<Object> ringing(RestIdentity identity, @PathVariable String callId,
			@RequestBody(required = false) String body) {
		return acting(identity, callId, body, (party) -> this.calls.ringing(party, callId));
	}

	@PostMapping("/{callId}/answer")
	@Operation(summary = "The callee answers (codes 0, 1, 2, 3, 11)", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(schema = @Schema(implementation = CallVerbBodies.Acting.class))))
	ResponseEntity<Object> answer(RestIdentity identity, @PathVariable String callId,
			@RequestBody(required = false) String body) {
		return acting(identity, callId, body, (party) -> this.calls.answer(party, callId));
	}

	@PostMapping("/{callId}/reject")
	@Operation(summary = "The callee declines (codes 0, 1, 11)", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(schema = @Schema(implementation = CallVerbBodies.Acting.class))))
	ResponseEntity<Object> reject(RestIdentity identity, @PathVariable String callId,
			@RequestBody(required = false) String body) {
		return acting(identity, callId, body, (party) -> this.calls.reject(party, callId));
	}

	@PostMapping("/{callId}/hangup")
	@Operation(summary = "Either side hangs up (codes 0, 1, 11)", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(schema = @Schema(implementation = CallVerbBodies.Acting.class))))
	ResponseEntity<Object> hangup(RestIdentity identity, @PathVariable String callId,
			@RequestBody(required = false) String body) {
		return acting(identity, callId, body, (party) -> this.calls.hangup(party, callId));
	}

	@PostMapping("/{callId}/info")
	@Operation(summary = "Send a JSON object to the other leg (codes 0, 1, 10, 11)", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(schema = @Schema(implementation = CallVerbBodies.Info.class))))
	ResponseEntity<Object> info(RestIdentity identity, @PathVariable String callId,
			@RequestBody(required = false) String body) {
		return verb(identity, callId, body, CallVerbBodies.Info.class,
				(request) -> new CallRequests.Info(callId, request.info()),
				(party, request) -> this.relay.info(party, callId, request.info()));
	}

	@PostMapping("/{callId}/dtmf")
	@Operation(summary = "Send DTMF digits to the other leg (codes 0, 1, 10, 11)", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(schema = @Schema(implementation = CallVerbBodies.Dtmf.class))))
	ResponseEntity<Object> dtmf(RestIdentity identity, @PathVariable String callId,
			@RequestBody(required = false) String body) {
		return verb(identity, callId, body, CallVerbBodies.Dtmf.class,
				(request) -> new CallRequests.Dtmf(callId, request.digits()),
				(party, request) -> this.relay.dtmf(party, callId, request.digits()));
	}

	@PostMapping("/{callId}/hold")
	@Operation(summary = "Put the call on hold or take it off (codes 0, 1, 10, 11)", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(schema = @Schema(implementation = CallVerbBodies.Hold.class))))
	ResponseEntity<Object> hold(RestIdentity identity, @PathVariable String callId,
			@RequestBody(required = false) String body) {
		return verb(identity, callId, body, CallVerbBodies.Hold.class,
				(request) -> new CallRequests.Hold(callId, request.hold()),
				(party, request) -> this.relay.hold(party, callId, request.hold()));
	}

	@PostMapping("/{callId}/transfer")
	@Operation(summary = "Move the call to another user (codes 0, 1, 4, 5, 10, 11)", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(schema = @Schema(implementation = CallVerbBodies.Transfer.class))))
	ResponseEntity<Object> transfer(RestIdentity identity, @PathVariable String callId,
			@RequestBody(required = false) String body) {
		// The STOMP request calls the target userId; here userId is the acting user.
		return run(identity, callId, body, CallVerbBodies.Transfer.class,
				(request) -> List.of(
						Validation.of(Map.of("userId", "toUserId"),
								new CallRequests.Transfer(callId, request.toUserId())),
						Validation.of(Map.of(), request)),
				(party, request) -> this.relay.transfer(party, callId, request.toUserId()));
	}

	private ResponseEntity<Object> acting(RestIdentity identity, String callId, String body,
			Function<Party, CallResult> verb) {
		return verb(identity, callId, body, CallVerbBodies.Acting.class, (request) -> new CallRequests.CallId(callId),
				(party, request) -> verb.apply(party));
	}

	/**
	 * A verb whose body is checked together with the call module's own request record: every verb
	 * but transfer, whose field names differ.
	 */
	private <B extends CallVerbBodies.OnBehalf> ResponseEntity<Object> verb(RestIdentity identity, String callId,
			String body, Class<B> type, Function<B, Object> callRequest, BiFunction<Party, B, CallResult> verb) {
		return run(identity, callId, body, type,
				(request) -> List.of(Validation.of(Map.of(), request, callRequest.apply(request))), verb);
	}

	/** Runs the verb as the body's user, on a call its project may see, and answers over HTTP. */
	private <B extends CallVerbBodies.OnBehalf> ResponseEntity<Object> run(RestIdentity identity, String callId,
			String body, Class<B> type, Function<B, List<Validation>> validations,
			BiFunction<Party, B, CallResult> verb) {
		CallRequest<B> request = CallRequest
			.of("REST on call " + callId, body, type,
					(bound) -> verb.apply(party(identity, bound.userId()), bound))
			.validatedAs(validations)
			.seenBy(identity.projectId(), callId);
		return this.runner.run(request, (requestId, result) -> CallResultResponses.of(result, callId));
	}

	private static Party party(RestIdentity identity, String userId) {
		return Party.withoutConnection(identity.projectId(), identity.accountId(), userId);
	}

}
