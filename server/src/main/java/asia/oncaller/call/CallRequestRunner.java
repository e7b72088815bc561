package asia.oncaller.call;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import asia.oncaller.database.DatabaseUnreachable;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;

/**
 * The one path of every request to a verb, STOMP or REST: parse the body strictly, check the
 * request limit, bind and validate the request record, run the verb, hide other projects' calls,
 * answer, then send the events the verb caused. Malformed input is {@code r=10}, a flood
 * {@code r=12}, a bug {@code r=13}; none of them changes anything. The adapters only translate a
 * frame or an HTTP request into a {@link CallRequest} and the result back, so the two transports
 * cannot drift apart.
 */
@Component
public class CallRequestRunner {

	private static final Logger log = LoggerFactory.getLogger(CallRequestRunner.class);

	private final JsonMapper json;

	/** A reader per request record, its deserializer found once. */
	private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

	private final Validator validator;

	private final CallRepository calls;

	private final EventSender events;

	CallRequestRunner(JsonMapper json, Validator validator, CallRepository calls, EventSender events) {
		// Requests are bound strictly: "true" is not a boolean, 12 is not a call id.
		this.json = json.rebuild()
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.build();
		this.validator = validator;
		this.calls = calls;
		this.events = events;
	}

	/**
	 * Runs the request and answers it: the answer is made before the verb's events are sent, so
	 * a client always sees the reply to its request before the events that follow from it.
	 * @return what {@code reply} made of the result
	 */
	public <T, R> R run(CallRequest<T> request, Reply<R> reply) {
		Body body = scan(request.body);
		if (!body.json()) {
			return reply.to(null, CallResult.of(CallOutcome.INVALID_REQUEST, "Invalid request: the body is not JSON"));
		}
		CallResult result = result(request, body);
		R answer = reply.to(body.requestId(), result);
		this.events.send(result.deliveries());
		return answer;
	}

	private <T> CallResult result(CallRequest<T> request, Body body) {
		if (!body.object()) {
			return CallResult.of(CallOutcome.INVALID_REQUEST, "Invalid request: the body is not a JSON object");
		}
		if (!request.admission.getAsBoolean()) {
			return CallResult.of(CallOutcome.RATE_LIMITED);
		}
		try {
			T bound;
			try {
				bound = bind(request.body, request.type);
			}
			catch (JacksonException ex) {
				// A field of the wrong type, or a number past its field's range (InputCoercionException).
				return CallResult.of(CallOutcome.INVALID_REQUEST, "Invalid request: " + wrongType(ex));
			}
			String invalid = violations(request, bound);
			if (invalid != null) {
				return CallResult.of(CallOutcome.INVALID_REQUEST, invalid);
			}
			return seen(request, request.verb.apply(bound));
		}
		catch (RuntimeException ex) {
			if (DatabaseUnreachable.isCause(ex)) {
				// An outage, not a bug: one line per request, a stack trace each would bury the log.
				log.warn("Request {} of {} failed: database unreachable ({})", request.type.getSimpleName(),
						request.origin, NestedExceptionUtils.getMostSpecificCause(ex).toString());
			}
			else {
				log.error("Request {} of {} failed", request.type.getSimpleName(), request.origin, ex);
			}
			return CallResult.of(CallOutcome.SERVER_ERROR);
		}
	}

	/**
	 * One pass over a JSON body given as bytes (STOMP) or text (REST, where none is empty): whether
	 * it is an object, and its {@code requestId}, without building its tree. The record is then
	 * bound from the body itself: the tree that both were once read from cost twice what this
	 * scan does, and binding from it no less than binding from the body
	 * (docs/performance.md, "Events written directly").
	 */
	private Body scan(Object body) {
		try (JsonParser parser = parser(body)) {
			JsonToken first = parser.nextToken();
			Object requestId = null;
			if (first == JsonToken.START_OBJECT) {
				while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
					boolean isRequestId = "requestId".equals(parser.currentName());
					JsonToken value = parser.nextToken();
					if (isRequestId) {
						// The last requestId counts, as the last of a repeated field does when binding.
						requestId = (value == JsonToken.VALUE_STRING) ? parser.getString()
								: value.isNumeric() ? parser.getNumberValue() : null;
					}
					parser.skipChildren();
				}
			}
			else {
				parser.skipChildren();
			}
			boolean whole = first == null || parser.nextToken() == null;
			return whole ? new Body(true, first == JsonToken.START_OBJECT, requestId) : Body.NOT_JSON;
		}
		catch (JacksonException | ClassCastException ex) {
			return Body.NOT_JSON;
		}
	}

	private JsonParser parser(Object body) {
		if (body == null || body instanceof String) {
			return this.json.createParser((body != null) ? (String) body : "");
		}
		return this.json.createParser((byte[]) body);
	}

	private <T> T bind(Object body, Class<T> type) {
		ObjectReader reader = this.readers.computeIfAbsent(type, this.json::readerFor);
		return (body instanceof byte[] bytes) ? reader.readValue(bytes) : reader.readValue((String) body);
	}

	/** Which field had the wrong type, as the client named it. */
	private static String wrongType(JacksonException ex) {
		String field = ex.getPath()
			.stream()
			.map((reference) -> reference.getPropertyName())
			.filter((name) -> name != null)
			.collect(Collectors.joining("."));
		return field.isEmpty() ? "malformed body" : field + " has the wrong type";
	}

	/**
	 * What the scan found: whether the body is JSON and a JSON object, and the client's
	 * {@code requestId}, echoed as sent: a string (as PROTOCOL asks) or a number, else null.
	 */
	private record Body(boolean json, boolean object, Object requestId) {

		static final Body NOT_JSON = new Body(false, false, null);

	}

	/** The first group's violations, named, sorted, as one message; null when all are valid. */
	private <T> String violations(CallRequest<T> request, T bound) {
		for (CallRequest.Validation validation : request.validations.apply(bound)) {
			String violations = validation.objects()
				.stream()
				.flatMap((object) -> this.validator.validate(object).stream())
				.map((violation) -> name(violation, validation) + " " + violation.getMessage())
				.sorted()
				.distinct()
				.collect(Collectors.joining(", "));
			if (!violations.isEmpty()) {
				return "Invalid request: " + violations;
			}
		}
		return null;
	}

	private static String name(ConstraintViolation<?> violation, CallRequest.Validation validation) {
		String path = violation.getPropertyPath().toString();
		return validation.renames().getOrDefault(path, path);
	}

	/**
	 * The verb's result, except that a call of another project answers 1 (no such call) rather
	 * than 11. Only a refusal needs the look-up, and a refusal changed nothing.
	 */
	private CallResult seen(CallRequest<?> request, CallResult result) {
		if (request.projectId == null || result.outcome() != CallOutcome.NOT_ALLOWED) {
			return result;
		}
		boolean ours = this.calls.findById(request.callId)
			.map((call) -> call.getProjectId().equals(request.projectId))
			.orElse(false);
		return ours ? result : CallResult.of(CallOutcome.CALL_NOT_EXIST);
	}

	/** How an adapter answers a result: a STOMP reply frame, or an HTTP response. */
	@FunctionalInterface
	public interface Reply<R> {

		/** @param requestId the client's {@code requestId}, or null when it sent none (or no JSON) */
		R to(Object requestId, CallResult result);

	}

}
