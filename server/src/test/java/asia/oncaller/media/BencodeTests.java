package asia.oncaller.media;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The bencode codec alone: the bytes rtpengine's documentation shows, round trips and bad input. */
class BencodeTests {

	@Test
	void encodesPingAsTheNgDocumentationShows() {
		assertThat(new String(Bencode.encode(Map.of("command", "ping")), StandardCharsets.US_ASCII))
			.isEqualTo("d7:command4:pinge");
	}

	@Test
	void encodesKeysSortedAndNestedValues() {
		Object value = Map.of("sdp", "v=0\r\n", "flags", List.of("inject DTMF"), "code", 7L, "codec",
				Map.of("strip", List.of("all")));

		assertThat(new String(Bencode.encode(value), StandardCharsets.US_ASCII))
			.isEqualTo("d4:codei7e5:codecd5:stripl3:allee5:flagsl11:inject DTMFe3:sdp5:v=0\r\ne");
	}

	@Test
	void decodesWhatItEncodesCountingUtf8Bytes() {
		Map<String, Object> value = Map.of("result", "ok", "sdp", "s=Café", "list", List.of(1L, List.of(), Map.of()));

		byte[] bytes = Bencode.encode(value);

		assertThat(Bencode.decode(bytes, 0, bytes.length)).isEqualTo(value);
	}

	@Test
	void decodesPartOfABuffer() {
		byte[] reply = "cookie d6:result4:ponge".getBytes(StandardCharsets.US_ASCII);

		assertThat(Bencode.decode(reply, 7, reply.length - 7)).isEqualTo(Map.of("result", "pong"));
	}

	@Test
	void refusesTruncatedOrTrailingInput() {
		byte[] truncated = "d3:sdp10:v=0e".getBytes(StandardCharsets.US_ASCII);
		byte[] trailing = "i1ei2e".getBytes(StandardCharsets.US_ASCII);
		byte[] badKey = "di1e1:xe".getBytes(StandardCharsets.US_ASCII);

		assertThatIllegalArgumentException().isThrownBy(() -> Bencode.decode(truncated, 0, truncated.length));
		assertThatIllegalArgumentException().isThrownBy(() -> Bencode.decode(trailing, 0, trailing.length));
		assertThatIllegalArgumentException().isThrownBy(() -> Bencode.decode(badKey, 0, badKey.length));
		assertThatIllegalArgumentException().isThrownBy(() -> Bencode.encode(Map.of("x", 1.5)));
	}

}
