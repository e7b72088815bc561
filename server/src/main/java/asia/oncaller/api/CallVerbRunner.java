package asia.oncaller.api;

import java.util.function.Supplier;

import asia.oncaller.api.CallRequestBinder.InvalidCallRequest;
import asia.oncaller.auth.RestIdentity;
import asia.oncaller.call.CallOutcome;
import asia.oncaller.call.CallRepository;
import asia.oncaller.call.CallResult;
import asia.oncaller.call.EventSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The one path of every REST call-control request, as {@code RequestHandler} is for STOMP: run
 * the verb (a malformed body is its {@code r=10}, a bug {@code r=13}), answer its result, and send
 * the events it caused to the connected clients.
 */
@Component
class CallVerbRunner {

	private static final Logger log = LoggerFactory.getLogger(CallVerbRunner.class);

	private final CallRepository calls;

	private final EventSender events;

	CallVerbRunner(CallRepository calls, EventSender events) {
		this.calls = calls;
		this.events = events;
	}

	/**
	 * Runs a verb and answers its result.
	 * @param callId the call of the path, echoed in the answer; {@code null} for a new call
	 */
	ResponseEntity<Object> run(String callId, Supplier<CallResult> verb) {
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
	CallResult visible(RestIdentity identity, String callId, CallResult result) {
		if (result.outcome() != CallOutcome.NOT_ALLOWED) {
			return result;
		}
		boolean ours = this.calls.findById(callId)
			.map((call) -> call.getProjectId().equals(identity.projectId()))
			.orElse(false);
		return ours ? result : CallResult.of(CallOutcome.CALL_NOT_EXIST);
	}

}
