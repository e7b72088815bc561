package asia.oncaller.control;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import asia.oncaller.outbound.CustomerUrls;
import tools.jackson.databind.JsonNode;

/**
 * Typed, validated reads of one JSON object of an SCCO: an action or an endpoint. Every failed
 * rule throws an {@link InvalidSccoException} naming the field by its path, e.g.
 * {@code [0].from.number}. An explicit JSON {@code null} counts as absent, as a PHP
 * {@code json_encode} of an unset value gives it; fields nobody reads are ignored.
 */
final class SccoFields {

	private final JsonNode object;

	private final String path;

	SccoFields(JsonNode object, String path) {
		this.object = object;
		this.path = path;
	}

	boolean has(String name) {
		return value(name) != null;
	}

	/** A nested object that must be there. */
	SccoFields object(String name) {
		JsonNode value = value(name);
		if (value == null || !value.isObject()) {
			throw invalid(name, "must be an object");
		}
		return new SccoFields(value, this.path + "." + name);
	}

	/**
	 * A string that must be there, possibly empty. No NUL: PostgreSQL text cannot hold one, and
	 * a call written with it would fail as a server error instead of code 2.
	 */
	String requiredString(String name) {
		JsonNode value = value(name);
		if (value == null || !value.isString()) {
			throw invalid(name, "must be a string");
		}
		if (value.stringValue().indexOf('\0') >= 0) {
			throw invalid(name, "must not contain NUL characters");
		}
		return value.stringValue();
	}

	/** A non-empty string that must be there. */
	String requiredText(String name, int maxLength) {
		String text = requiredString(name);
		if (text.isEmpty() || text.length() > maxLength) {
			throw invalid(name, "must be a non-empty string of at most " + maxLength + " characters");
		}
		return text;
	}

	/** A string of at most {@code maxLength} characters, or {@code null} when absent. */
	String optionalString(String name, int maxLength) {
		if (!has(name)) {
			return null;
		}
		String text = requiredString(name);
		if (text.length() > maxLength) {
			throw invalid(name, "must be at most " + maxLength + " characters");
		}
		return text;
	}

	/** A string of at most {@code maxBytes} bytes in UTF-8, or {@code null} when absent. */
	String optionalUtf8(String name, int maxBytes) {
		String text = optionalString(name, Integer.MAX_VALUE);
		if (text != null && text.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
			throw invalid(name, "must be at most " + maxBytes + " bytes in UTF-8");
		}
		return text;
	}

	/** One of the allowed strings, or the default when absent. */
	String optionalChoice(String name, String defaultValue, String... allowed) {
		return has(name) ? requiredChoice(name, allowed) : defaultValue;
	}

	String requiredChoice(String name, String... allowed) {
		String text = requiredString(name);
		if (!Arrays.asList(allowed).contains(text)) {
			throw invalid(name, "must be one of " + String.join(", ", allowed));
		}
		return text;
	}

	/** A whole number in {@code min..max}, or the default when absent. */
	int optionalInt(String name, int defaultValue, int min, int max) {
		return has(name) ? requiredInt(name, min, max) : defaultValue;
	}

	Integer optionalInt(String name, int min, int max) {
		return has(name) ? requiredInt(name, min, max) : null;
	}

	private int requiredInt(String name, int min, int max) {
		JsonNode value = value(name);
		// 60.0 and 6e1 are rejected too: a whole number is written as one.
		if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min
				|| value.intValue() > max) {
			throw invalid(name, "must be a whole number in " + min + ".." + max);
		}
		return value.intValue();
	}

	boolean optionalBoolean(String name, boolean defaultValue) {
		if (!has(name)) {
			return defaultValue;
		}
		JsonNode value = value(name);
		if (!value.isBoolean()) {
			throw invalid(name, "must be true or false");
		}
		return value.booleanValue();
	}

	/** An absolute http(s) URL, or {@code null} when absent. */
	String optionalHttpUrl(String name) {
		String url = optionalString(name, Integer.MAX_VALUE);
		if (url != null && !CustomerUrls.isValid(url)) {
			throw invalid(name, "must be an absolute http(s) URL");
		}
		return url;
	}

	String requiredHttpUrl(String name) {
		if (!has(name)) {
			throw invalid(name, "must be an absolute http(s) URL");
		}
		return optionalHttpUrl(name);
	}

	InvalidSccoException invalid(String name, String problem) {
		return new InvalidSccoException(this.path + "." + name + " " + problem);
	}

	private JsonNode value(String name) {
		JsonNode value = this.object.get(name);
		return (value == null || value.isNull()) ? null : value;
	}

}
