package asia.oncaller.api;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Binds a call-control body as strictly as the STOMP adapter does ({@code "true"} is not a
 * boolean), and checks it with bean validation. Every failure is the verb's {@code r=10}, with a
 * message that names the fields, worded as on STOMP.
 */
@Component
class CallRequestBinder {

	private final JsonMapper json;

	private final Validator validator;

	CallRequestBinder(JsonMapper json, Validator validator) {
		this.json = json.rebuild()
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.build();
		this.validator = validator;
	}

	/**
	 * The body as {@code type}.
	 * @throws InvalidCallRequest when it is not a JSON object or a field has the wrong type
	 */
	<T> T bind(String body, Class<T> type) {
		JsonNode tree;
		try {
			tree = this.json.readTree((body != null) ? body : "");
		}
		catch (JacksonException ex) {
			throw new InvalidCallRequest("Invalid request: the body is not JSON");
		}
		if (tree == null || !tree.isObject()) {
			throw new InvalidCallRequest("Invalid request: the body is not a JSON object");
		}
		try {
			return this.json.treeToValue(tree, type);
		}
		catch (DatabindException ex) {
			String field = ex.getPath()
				.stream()
				.map((reference) -> reference.getPropertyName())
				.filter((name) -> name != null)
				.collect(Collectors.joining("."));
			throw new InvalidCallRequest(
					"Invalid request: " + (field.isEmpty() ? "malformed body" : field + " has the wrong type"));
		}
	}

	/**
	 * Checks the objects' constraints together.
	 * @param renames property names of the call module's records to report under the REST name
	 * @throws InvalidCallRequest naming every violation, sorted
	 */
	void validate(Map<String, String> renames, Object... objects) {
		String violations = Stream.of(objects)
			.flatMap((object) -> this.validator.validate(object).stream())
			.map((violation) -> name(violation, renames) + " " + violation.getMessage())
			.sorted()
			.distinct()
			.collect(Collectors.joining(", "));
		if (!violations.isEmpty()) {
			throw new InvalidCallRequest("Invalid request: " + violations);
		}
	}

	private static String name(ConstraintViolation<?> violation, Map<String, String> renames) {
		String path = violation.getPropertyPath().toString();
		return renames.getOrDefault(path, path);
	}

	/** A body that gets {@code r=10}. */
	static final class InvalidCallRequest extends RuntimeException {

		InvalidCallRequest(String message) {
			super(message, null, false, false);
		}

	}

}
