package asia.oncaller.api;

import java.util.Map;
import java.util.function.Function;

import asia.oncaller.api.CallRequestBinder.InvalidCallRequest;
import asia.oncaller.auth.RestIdentity;
import asia.oncaller.auth.RestTokenKind;
import asia.oncaller.auth.RestTokens;
import asia.oncaller.call.CallOutcome;
import asia.oncaller.call.CallRelayService;
import asia.oncaller.call.CallRepository;
import asia.oncaller.call.CallRequests;
import asia.oncaller.call.CallResult;
import asia.oncaller.call.CallService;
import asia.oncaller.call.EventSender;
import asia.oncaller.call.MakeCallService;
import asia.oncaller.call.Party;
import asia.oncaller.call.ServerCallCommand;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The REST adapters of the call verbs (PROTOCOL §5): each binds its body, calls the very method
 * the STOMP adapter calls, for the user the body names, then sends the events the verb caused to
 * the connected clients, exactly as STOMP does. Bodies are read as text and bound here, strictly,
 * so that a malformed one is the verb's {@code r=10} rather than a generic 400.
 */
@RestController
@RequestMapping(path = "/v1/calls", produces = MediaType.APPLICATION_JSON_VALUE)
@RestTokens(RestTokenKind.PROJECT)
@Tag(name = "Call control", description = "Project REST token. 200 {r:0, message, callId} or a problem with r")
class CallControlController {

	private static final Logger log = LoggerFactory.getLogger(CallControlController.class);

	private final CallRequestBinder binder;

	private final MakeCallService makeCall;

	private final CallService calls;

	private final CallRelayService relay;

	private final CallRepository records;

	private final EventSender events;

	private final JsonMapper json;

	CallControlController(CallRequestBinder binder, MakeCallService makeCall, CallService calls, CallRelayService relay,
			CallRepository records, EventSender events, JsonMapper json) {
		this.binder = binder;
		this.makeCall = makeCall;
		this.calls = calls;
		this.relay = relay;
		this.records = records;
		this.events = events;
		this.json = json;
	}

	@PostMapping
	@Operation(summary = "Place a call from your server to an app user",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(schema = @Schema(implementation = CallVerbBodies.MakeCall.class))))
	ResponseEntity<Object> make(RestIdentity identity, @RequestBody(required = false) String body) {
		return run(null, () -> {
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
		return run(callId, () -> {
			CallVerbBodies.Info request = this.binder.bind(body, CallVerbBodies.Info.class);
			this.binder.validate(Map.of(), request, new CallRequests.Info(callId, request.info()));
			return visible(identity, callId, this.relay.info(party(identity, request.userId()), callId, request.info()));
		});
	}

	@PostMapping("/{callId}/dtmf")
	@Operation(summary = "Send DTMF digits to the other leg (codes 0, 1, 10, 11)", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(schema = @Schema(implementation = CallVerbBodies.Dtmf.class))))
	ResponseEntity<Object> dtmf(RestIdentity identity, @PathVariable String callId,
			@RequestBody(required = false) String body) {
		return run(callId, () -> {
			CallVerbBodies.Dtmf request = this.binder.bind(body, CallVerbBodies.Dtmf.class);
			this.binder.validate(Map.of(), request, new CallRequests.Dtmf(callId, request.digits()));
			return visible(identity, callId,
					this.relay.dtmf(party(identity, request.userId()), callId, request.digits()));
		});
	}

	@PostMapping("/{callId}/hold")
	@Operation(summary = "Put the call on hold or take it off (codes 0, 1, 10, 11)", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(schema = @Schema(implementation = CallVerbBodies.Hold.class))))
	ResponseEntity<Object> hold(RestIdentity identity, @PathVariable String callId,
			@RequestBody(required = false) String body) {
		return run(callId, () -> {
			CallVerbBodies.Hold request = this.binder.bind(body, CallVerbBodies.Hold.class);
			this.binder.validate(Map.of(), request, new CallRequests.Hold(callId, request.hold()));
			return visible(identity, callId, this.relay.hold(party(identity, request.userId()), callId, request.hold()));
		});
	}

	@PostMapping("/{callId}/transfer")
	@Operation(summary = "Move the call to another user (codes 0, 1, 4, 5, 10, 11)", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(schema = @Schema(implementation = CallVerbBodies.Transfer.class))))
	ResponseEntity<Object> transfer(RestIdentity identity, @PathVariable String callId,
			@RequestBody(required = false) String body) {
		return run(callId, () -> {
			CallVerbBodies.Transfer request = this.binder.bind(body, CallVerbBodies.Transfer.class);
			// The STOMP request calls the target userId; here userId is the acting user.
			this.binder.validate(Map.of("userId", "toUserId"), new CallRequests.Transfer(callId, request.toUserId()));
			this.binder.validate(Map.of(), request);
			return visible(identity, callId,
					this.relay.transfer(party(identity, request.userId()), callId, request.toUserId()));
		});
	}

	private ResponseEntity<Object> acting(RestIdentity identity, String callId, String body,
			Function<Party, CallResult> verb) {
		return run(callId, () -> {
			CallVerbBodies.Acting request = this.binder.bind(body, CallVerbBodies.Acting.class);
			this.binder.validate(Map.of(), request, new CallRequests.CallId(callId));
			return visible(identity, callId, verb.apply(party(identity, request.userId())));
		});
	}

	/** Runs a verb, answers its result, then sends the events it caused, as STOMP does. */
	private ResponseEntity<Object> run(String callId, java.util.function.Supplier<CallResult> verb) {
		CallResult result;
		try {
			result = verb.get();
		}
		catch (InvalidCallRequest ex) {
			result = CallResult.of(CallOutcome.INVALID_REQUEST, ex.getMessage());
		}
		catch (RuntimeException ex) {
			log.error("REST call-control request on {} failed", callId, ex);
			result = CallResult.of(CallOutcome.SERVER_ERROR);
		}
		this.events.send(result.deliveries());
		return CallResultResponses.of(result, callId);
	}

	/**
	 * The verb's result, except that a call of another project answers 1 (no such call) rather
	 * than 11, so a token learns nothing of calls outside its project (PROTOCOL §5). Only a refusal
	 * needs the look-up, and a refusal changed nothing.
	 */
	private CallResult visible(RestIdentity identity, String callId, CallResult result) {
		if (result.outcome() != CallOutcome.NOT_ALLOWED) {
			return result;
		}
		boolean ours = this.records.findById(callId)
			.map((call) -> call.getProjectId().equals(identity.projectId()))
			.orElse(false);
		return ours ? result : CallResult.of(CallOutcome.CALL_NOT_EXIST);
	}

	private static Party party(RestIdentity identity, String userId) {
		return Party.withoutConnection(identity.projectId(), identity.accountId(), userId);
	}

}
