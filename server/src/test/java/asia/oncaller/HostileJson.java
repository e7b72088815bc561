package asia.oncaller;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile JSON for the fuzz tests of every entry point (STOMP bodies, REST bodies, SCCO
 * documents): values of every type, objects that mix the fields an endpoint knows with others,
 * and texts that are not a JSON object at all (other values, cut or broken JSON, deep nesting,
 * invalid UTF-8). Sizes stay under 60,000 bytes, inside a 64 KB STOMP frame.
 */
public final class HostileJson {

	public static final int MAX_BYTES = 60_000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private HostileJson() {
	}

	/**
	 * Any JSON value as Java objects: maps, lists, strings, numbers, booleans, null, at most four
	 * levels deep and a few KB; deeper and larger ones come from {@link #notObjects} and
	 * {@link #objects}.
	 */
	public static Arbitrary<Object> values() {
		return Arbitraries.recursive(HostileJson::scalars,
				(inner) -> Arbitraries.oneOf(inner.list().ofMaxSize(3).map(Object.class::cast),
						Arbitraries.maps(keys(), inner).ofMaxSize(3).map(Object.class::cast)),
				0, 3);
	}

	/** Non-empty arrays and objects: what no string, number or boolean field can be read from. */
	public static Arbitrary<Object> containers() {
		return Arbitraries.oneOf(values().list().ofMinSize(1).ofMaxSize(3).map(Object.class::cast),
				Arbitraries.maps(keys(), values()).ofMinSize(1).ofMaxSize(3).map(Object.class::cast));
	}

	/**
	 * Objects holding some of the given fields, with values of any type, and unknown fields; at
	 * most {@link #MAX_BYTES} as JSON.
	 */
	public static Arbitrary<Map<String, Object>> objects(Collection<String> fields) {
		Arbitrary<String> names = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(fields)),
				Tuple.of(1, keys()));
		// Huge strings only here, at the top: inside nested values they would make most objects
		// too large and slow every run down with discarded samples.
		Arbitrary<Object> hugeStrings = Arbitraries.integers().between(1_000, 20_000).map((length) -> "x".repeat(length));
		Arbitrary<Object> fieldValues = Arbitraries.frequencyOf(Tuple.of(9, values()), Tuple.of(1, hugeStrings));
		return Arbitraries.maps(names, fieldValues)
			.ofMaxSize(Math.min(fields.size(), 6) + 2)
			.filter((object) -> write(object).length <= MAX_BYTES);
	}

	/**
	 * Texts that are not one JSON object: other JSON values, objects cut short, broken syntax,
	 * nesting far deeper than any parser should follow, and objects with invalid UTF-8 inside.
	 */
	public static Arbitrary<byte[]> notObjects(Arbitrary<Map<String, Object>> objects) {
		Arbitrary<byte[]> otherValues = values().filter((value) -> !(value instanceof Map)).map(HostileJson::write);
		Arbitrary<byte[]> cut = Combinators.combine(objects.map(HostileJson::write), Arbitraries.doubles().between(0, 0.99))
			.as((bytes, fraction) -> Arrays.copyOf(bytes, (int) (bytes.length * fraction)));
		Arbitrary<byte[]> invalidUtf8 = Combinators
			.combine(objects.map(HostileJson::write), Arbitraries.of(new byte[] { (byte) 0xC3, 0x28 },
					new byte[] { (byte) 0xFF }, new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
					new byte[] { (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80 }), Arbitraries.doubles().between(0, 1))
			.as(HostileJson::insert);
		Arbitrary<byte[]> deep = Arbitraries.integers()
			.between(1, MAX_BYTES / 2)
			.map((depth) -> ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8));
		Arbitrary<byte[]> deepObjects = Arbitraries.integers()
			.between(1, MAX_BYTES / 6)
			.map((depth) -> ("{\"a\":".repeat(depth) + "1" + "}".repeat(depth)).getBytes(StandardCharsets.UTF_8));
		Arbitrary<byte[]> broken = Arbitraries
			.of("", " ", "null", "NaN", "-Infinity", "1e999999999", "{", "}", "{\"a\":}", "{\"a\" 1}", "{'a':1}",
					"{a:1}", "[1,]", "{\"a\":1,}", "/* comment */ []", "\uFEFF[]", "\"\\u00\"", "\"\\uD800\"",
					"{\"a\":1} trailing", "[] []", "\u0000", "{\"a\":\"\u0000\"")
			.map((text) -> text.getBytes(StandardCharsets.UTF_8));
		Arbitrary<byte[]> garbage = Arbitraries.strings()
			.all()
			.ofMaxLength(200)
			.map((text) -> text.getBytes(StandardCharsets.UTF_8));
		return Arbitraries.oneOf(otherValues, cut, invalidUtf8, deep, deepObjects, broken, garbage)
			.filter((bytes) -> bytes.length <= MAX_BYTES && !readsAsObject(bytes));
	}

	/** The value as JSON text in UTF-8. */
	public static byte[] write(Object value) {
		return JSON.writeValueAsBytes(value);
	}

	private static Arbitrary<Object> scalars() {
		Arbitrary<String> shortStrings = Arbitraries.strings()
			.withCharRange('\u0000', '\uD7FF')
			.withChars("\uD83D\uDE00\u202E\uFEFF")
			.ofMaxLength(40);
		// Control characters and NUL often, not once in 55,000 characters: PostgreSQL text
		// cannot hold a NUL, which is how bad ids and SCCO fields used to become server errors.
		Arbitrary<String> controlStrings = Arbitraries.strings()
			.withChars("\u0000\u0001\t\n\r\u001b\u007f\\\"a")
			.ofMaxLength(8);
		return Arbitraries.frequencyOf(Tuple.of(4, shortStrings.map(Object.class::cast)),
				Tuple.of(2, controlStrings.map(Object.class::cast)),
				Tuple.of(2, Arbitraries.longs().map(Object.class::cast)),
				Tuple.of(1, Arbitraries.of(0, 1, 2, 3, -1).map(Object.class::cast)),
				Tuple.of(1, Arbitraries.bigIntegers()
					.between(BigInteger.TEN.pow(40).negate(), BigInteger.TEN.pow(40))
					.map(Object.class::cast)),
				Tuple.of(1, Arbitraries.doubles().map(Object.class::cast)),
				Tuple.of(2, Arbitraries.of(true, false).map(Object.class::cast)),
				Tuple.of(1, Arbitraries.just((Object) null)));
	}

	private static Arbitrary<String> keys() {
		return Arbitraries.strings().withCharRange('\u0000', '\u00FF').ofMaxLength(12);
	}

	private static boolean readsAsObject(byte[] bytes) {
		try {
			JsonNode root = JSON.readTree(bytes);
			return root != null && root.isObject();
		}
		catch (JacksonException ex) {
			return false;
		}
	}

	private static byte[] insert(byte[] text, byte[] bad, double at) {
		int position = (int) (text.length * at);
		byte[] result = new byte[text.length + bad.length];
		System.arraycopy(text, 0, result, 0, position);
		System.arraycopy(bad, 0, result, position, bad.length);
		System.arraycopy(text, position, result, position + bad.length, text.length - position);
		return result;
	}

}
