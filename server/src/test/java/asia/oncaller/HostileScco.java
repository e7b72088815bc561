package asia.oncaller;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Hostile answer_url bodies: arrays of actions that are close to a real SCCO (known and unknown
 * actions, the fields those actions know with right and wrong values, endpoints of every
 * {@code type}), JSON that is not an array of objects, and broken text.
 */
public final class HostileScco {

	private static final List<String> ACTIONS = List.of("connect", "record", "recordMessage", "talk", "play",
			"stream", "input");

	private static final List<String> FIELDS = List.of("customData", "timeout", "timeOut", "maxConnectTime",
			"peerToPeerCall", "continueOnFail", "onFailEventUrl", "eventUrl", "fileName", "text", "voice", "speed",
			"loop", "bargeIn", "format", "beepStart", "recordStereo", "silenceThresh", "silenceTimeout", "maxDigits",
			"endOnKey", "submitOnHash");

	private HostileScco() {
	}

	/** Answer_url bodies, as the bytes a customer's server sends (not always valid UTF-8). */
	public static Arbitrary<byte[]> documents() {
		Arbitrary<byte[]> arrays = actions().list().ofMinSize(1).ofMaxSize(5).map(HostileJson::write);
		Arbitrary<byte[]> empty = Arbitraries.just("[]".getBytes(StandardCharsets.UTF_8));
		Arbitrary<byte[]> notArrays = HostileJson.notObjects(HostileJson.objects(FIELDS));
		return Arbitraries.frequencyOf(Tuple.of(6, arrays), Tuple.of(1, empty), Tuple.of(3, notArrays))
			.filter((bytes) -> bytes.length <= HostileJson.MAX_BYTES);
	}

	/** One action object: a known or unknown action name, known and unknown fields. */
	public static Arbitrary<Map<String, Object>> actions() {
		Arbitrary<Object> name = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.of(ACTIONS).map(Object.class::cast)),
				Tuple.of(1, HostileJson.values()));
		return Combinators
			.combine(name, endpoints(), endpoints(), HostileJson.objects(FIELDS), Arbitraries.integers().between(0, 7))
			.as((action, from, to, others, absent) -> {
				Map<String, Object> fields = new LinkedHashMap<>(others);
				// Each of action, from and to is sometimes left out.
				if ((absent & 1) == 0) {
					fields.put("action", action);
				}
				if ((absent & 2) == 0) {
					fields.put("from", from);
				}
				if ((absent & 4) == 0) {
					fields.put("to", to);
				}
				return fields;
			});
	}

	/** {@code from} and {@code to}: mostly objects with type, number and alias; any value at times. */
	private static Arbitrary<Object> endpoints() {
		Arbitrary<Object> type = Arbitraries.frequencyOf(
				Tuple.of(4, Arbitraries.of("internal", "external").map(Object.class::cast)),
				Tuple.of(1, HostileJson.values()));
		Arbitrary<Object> number = Arbitraries.frequencyOf(
				Tuple.of(4, Arbitraries.of("bob", "alice", "+442071234567", "").map(Object.class::cast)),
				Tuple.of(1, HostileJson.values()));
		Arbitrary<Object> alias = Arbitraries.frequencyOf(
				Tuple.of(4, Arbitraries.strings().ofMaxLength(20).map(Object.class::cast)),
				Tuple.of(1, HostileJson.values()));
		Arbitrary<Object> endpoint = Combinators.combine(type, number, alias).as((t, n, a) -> {
			Map<String, Object> fields = new LinkedHashMap<>();
			fields.put("type", t);
			fields.put("number", n);
			fields.put("alias", a);
			return fields;
		});
		return Arbitraries.frequencyOf(Tuple.of(5, endpoint), Tuple.of(1, HostileJson.values()));
	}

}
