package asia.oncaller.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an answer_url's body as an SCCO: a non-empty JSON array of action objects, each with a
 * known {@code action} name and valid fields. Anything else is result code 2. An SCCO with a
 * {@code connect} is placed by its first connect; one without is {@link CallControlDecision.Run},
 * which only a phone call can carry out for now (an app call's SCCO needs a connect: code 2).
 * <p>
 * Fields an action does not know are ignored rather than refused: the reference product and
 * third-party SDKs write extra ones ({@code maxConnection}, {@code silenceTime}, ...), and
 * refusing them would break SCCOs that work there.
 */
public final class SccoParser {

	// Its own mapper rather than the application's: the SCCO rules must not change with
	// app-wide Jackson settings. A duplicated key could mean two things, so it is refused.
	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private SccoParser() {
	}

	/**
	 * Decides from an answer_url's body.
	 * @param body the body as text, possibly {@code null} or empty
	 * @return a {@link CallControlDecision.Connect}, a {@link CallControlDecision.Run}, or a
	 * {@link CallControlDecision.Failed} with code 2
	 */
	public static CallControlDecision parse(String body) {
		try {
			return decide(read(body));
		}
		catch (InvalidSccoException ex) {
			return CallControlDecision.Failed.incorrectFormat();
		}
	}

	static CallControlDecision decide(Scco scco) {
		return scco.connect()
			.<CallControlDecision>map((connect) -> new CallControlDecision.Connect(connect, scco))
			.orElseGet(() -> new CallControlDecision.Run(scco));
	}

	/** The SCCO in the body, or why there is none. */
	static Scco read(String body) {
		JsonNode root;
		try {
			root = JSON.readTree((body != null) ? body : "");
		}
		catch (JacksonException ex) {
			throw new InvalidSccoException("not JSON: " + ex.getOriginalMessage());
		}
		return read(root);
	}

	/**
	 * The SCCO that this server built itself (the built-in helper's), checked as if it had come
	 * as a body.
	 */
	static Scco read(List<Map<String, Object>> actions) {
		return read(JSON.<JsonNode>valueToTree(actions));
	}

	private static Scco read(JsonNode root) {
		if (root == null || !root.isArray()) {
			throw new InvalidSccoException("not a JSON array");
		}
		if (root.isEmpty()) {
			throw new InvalidSccoException("an empty array");
		}
		List<SccoAction> actions = new ArrayList<>(root.size());
		for (int i = 0; i < root.size(); i++) {
			JsonNode element = root.get(i);
			if (!element.isObject()) {
				throw new InvalidSccoException("[" + i + "] is not an object");
			}
			actions.add(action(new SccoFields(element, "[" + i + "]")));
		}
		return new Scco(actions);
	}

	private static SccoAction action(SccoFields fields) {
		String name = fields.requiredString("action");
		return switch (name) {
			case ConnectAction.NAME -> ConnectAction.read(fields);
			case RecordAction.NAME -> RecordAction.read(fields);
			case RecordMessageAction.NAME -> RecordMessageAction.read(fields);
			case TalkAction.NAME -> TalkAction.read(fields);
			case PlayAction.NAME -> PlayAction.read(fields);
			case StreamAction.NAME -> StreamAction.read(fields);
			case InputAction.NAME -> InputAction.read(fields);
			default -> throw fields.invalid("action", "is unknown: " + abbreviate(name));
		};
	}

	private static String abbreviate(String text) {
		return (text.length() <= 32) ? text : text.substring(0, 32) + "...";
	}

}
