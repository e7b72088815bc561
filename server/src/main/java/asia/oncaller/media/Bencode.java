package asia.oncaller.media;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bencode, the dictionary format of rtpengine's ng protocol: byte strings, integers, lists and
 * dictionaries.
 * <p>
 * Written here rather than taken from a library: no bencode library for Java is served from the
 * Maven registry this project uses, and the format is small enough that an own ~100-line codec
 * with its tests is cheaper to keep than a dependency. Strings are UTF-8 both ways (SDP is ASCII);
 * dictionary keys are written in sorted order as the format asks, which rtpengine does not need
 * but does not mind.
 */
final class Bencode {

	private Bencode() {
	}

	/**
	 * Encodes a value made of {@link String}, {@code byte[]}, {@link Integer}/{@link Long},
	 * {@link List} and {@link Map} with string keys.
	 */
	static byte[] encode(Object value) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		write(value, out);
		return out.toByteArray();
	}

	/** Decodes exactly one value that fills {@code length} bytes from {@code offset}. */
	static Object decode(byte[] data, int offset, int length) {
		Reader reader = new Reader(data, offset, offset + length);
		Object value = reader.read();
		if (reader.position != offset + length) {
			throw new IllegalArgumentException("Trailing bytes after bencoded value at " + reader.position);
		}
		return value;
	}

	private static void write(Object value, ByteArrayOutputStream out) {
		if (value instanceof String string) {
			writeBytes(string.getBytes(StandardCharsets.UTF_8), out);
		}
		else if (value instanceof byte[] bytes) {
			writeBytes(bytes, out);
		}
		else if (value instanceof Integer || value instanceof Long) {
			out.writeBytes(("i" + value + "e").getBytes(StandardCharsets.US_ASCII));
		}
		else if (value instanceof List<?> list) {
			out.write('l');
			list.forEach((item) -> write(item, out));
			out.write('e');
		}
		else if (value instanceof Map<?, ?> map) {
			out.write('d');
			new TreeMap<>(map).forEach((key, item) -> {
				write((String) key, out);
				write(item, out);
			});
			out.write('e');
		}
		else {
			throw new IllegalArgumentException("Cannot bencode " + (value == null ? "null" : value.getClass()));
		}
	}

	private static void writeBytes(byte[] bytes, ByteArrayOutputStream out) {
		out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
		out.writeBytes(bytes);
	}

	private static final class Reader {

		private final byte[] data;

		private final int end;

		private int position;

		Reader(byte[] data, int start, int end) {
			this.data = data;
			this.position = start;
			this.end = end;
		}

		Object read() {
			byte type = peek();
			if (type == 'i') {
				this.position++;
				return Long.parseLong(until('e'));
			}
			if (type == 'l') {
				this.position++;
				List<Object> list = new ArrayList<>();
				while (peek() != 'e') {
					list.add(read());
				}
				this.position++;
				return list;
			}
			if (type == 'd') {
				this.position++;
				Map<String, Object> map = new LinkedHashMap<>();
				while (peek() != 'e') {
					Object key = read();
					if (!(key instanceof String)) {
						throw new IllegalArgumentException("Dictionary key is not a string at " + this.position);
					}
					map.put((String) key, read());
				}
				this.position++;
				return map;
			}
			if (type >= '0' && type <= '9') {
				int length = Integer.parseInt(until(':'));
				if (length < 0 || length > this.end - this.position) {
					throw new IllegalArgumentException("String of " + length + " bytes overruns the input");
				}
				String string = new String(Arrays.copyOfRange(this.data, this.position, this.position + length),
						StandardCharsets.UTF_8);
				this.position += length;
				return string;
			}
			throw new IllegalArgumentException("Unexpected '" + (char) type + "' at " + this.position);
		}

		private byte peek() {
			if (this.position >= this.end) {
				throw new IllegalArgumentException("Bencoded value ends early");
			}
			return this.data[this.position];
		}

		private String until(char terminator) {
			int start = this.position;
			while (peek() != terminator) {
				this.position++;
			}
			String text = new String(this.data, start, this.position - start, StandardCharsets.US_ASCII);
			this.position++;
			return text;
		}

	}

}
