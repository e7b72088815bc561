package asia.oncaller.signaling;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

import asia.oncaller.call.CallOutcome;
import asia.oncaller.call.CallResult;
import asia.oncaller.call.EventSender;
import asia.oncaller.call.Party;
import asia.oncaller.database.DatabaseUnreachable;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * The one path of every STOMP request: parse the JSON body strictly, check the rate, bind and
 * validate the request record, call the verb, reply to the sending connection only, then send
 * the events the verb caused. Malformed input gets {@code r=10}, a flood {@code r=12}, a bug
 * {@code r=13}; none of them changes anything.
 */
@Component
class RequestHandler {

	private static final Logger log = LoggerFactory.getLogger(RequestHandler.class);

	private final JsonMapper json;

	private final Validator validator;

	private final RequestRateLimiter limiter;

	private final ClientMessenger messenger;

	private final EventSender events;

	RequestHandler(JsonMapper json, Validator validator, RequestRateLimiter limiter, ClientMessenger messenger,
			EventSender events) {
		// Requests are bound strictly: "true" is not a boolean, 12 is not a call id.
		this.json = json.rebuild()
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.build();
		this.validator = validator;
		this.limiter = limiter;
		this.messenger = messenger;
		this.events = events;
	}

	/**
	 * Handles one request frame.
	 * @param replyOnSuccess false for the messages that PROTOCOL §3.1 answers only on failure
	 */
	<T> void handle(Message<?> frame, ClientPrincipal user, Class<T> type, BiFunction<Party, T, CallResult> verb,
			boolean replyOnSuccess) {
		JsonNode body;
		try {
			body = this.json.readTree((byte[]) frame.getPayload());
		}
		catch (JacksonException | ClassCastException ex) {
			reply(user, null, CallResult.of(CallOutcome.INVALID_REQUEST, "Invalid request: the body is not JSON"));
			return;
		}
		Object requestId = requestId(body);
		if (body == null || !body.isObject()) {
			reply(user, requestId,
					CallResult.of(CallOutcome.INVALID_REQUEST, "Invalid request: the body is not a JSON object"));
			return;
		}
		if (!this.limiter.tryAcquire(user)) {
			reply(user, requestId, CallResult.of(CallOutcome.RATE_LIMITED));
			return;
		}
		CallResult result;
		try {
			result = bind(body, type).map((invalid) -> CallResult.of(CallOutcome.INVALID_REQUEST, invalid),
					(request) -> verb.apply(user.party(), request));
		}
		catch (RuntimeException ex) {
			if (DatabaseUnreachable.isCause(ex)) {
				// An outage, not a bug: one line per request, a stack trace each would bury the log.
				log.warn("Request {} of connection {} failed: database unreachable ({})", type.getSimpleName(),
						user.connectionId(), NestedExceptionUtils.getMostSpecificCause(ex).toString());
			}
			else {
				log.error("Request {} of connection {} failed", type.getSimpleName(), user.connectionId(), ex);
			}
			result = CallResult.of(CallOutcome.SERVER_ERROR);
		}
		if (!result.outcome().ok() || replyOnSuccess) {
			reply(user, requestId, result);
		}
		this.events.send(result.deliveries());
	}

	/** The client's {@code requestId}, echoed as sent: a string (as PROTOCOL asks) or a number. */
	private static Object requestId(JsonNode body) {
		JsonNode id = (body != null) ? body.path("requestId") : null;
		if (id == null || !(id.isString() || id.isNumber())) {
			return null;
		}
		return id.isString() ? id.asString() : id.numberValue();
	}

	private <T> Binding<T> bind(JsonNode body, Class<T> type) {
		T request;
		try {
			request = this.json.treeToValue(body, type);
		}
		catch (DatabindException ex) {
			String field = ex.getPath()
				.stream()
				.map((reference) -> reference.getPropertyName())
				.filter((name) -> name != null)
				.collect(Collectors.joining("."));
			return Binding
				.invalid("Invalid request: " + (field.isEmpty() ? "malformed body" : field + " has the wrong type"));
		}
		Set<ConstraintViolation<T>> violations = this.validator.validate(request);
		if (!violations.isEmpty()) {
			return Binding.invalid("Invalid request: " + violations.stream()
				.map((v) -> v.getPropertyPath() + " " + v.getMessage())
				.sorted()
				.collect(Collectors.joining(", ")));
		}
		return Binding.valid(request);
	}

	private void reply(ClientPrincipal user, Object requestId, CallResult result) {
		Map<String, Object> reply = new LinkedHashMap<>();
		reply.put("type", "reply");
		reply.put("requestId", requestId);
		reply.put("r", result.r());
		reply.put("message", result.message());
		reply.putAll(result.data());
		this.messenger.toConnection(user.getName(), user.connectionId(), reply);
	}

	/** A bound and valid request, or why it is not. */
	private record Binding<T>(T request, String invalid) {

		static <T> Binding<T> valid(T request) {
			return new Binding<>(request, null);
		}

		static <T> Binding<T> invalid(String message) {
			return new Binding<>(null, message);
		}

		<R> R map(Function<String, R> ifInvalid, Function<T, R> ifValid) {
			return (this.invalid != null) ? ifInvalid.apply(this.invalid) : ifValid.apply(this.request);
		}

	}

}
