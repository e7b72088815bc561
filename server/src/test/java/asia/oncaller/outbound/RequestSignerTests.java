package asia.oncaller.outbound;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signature recipe of docs/webhooks.md against values computed independently (Python's
 * hmac module), so that the documented recipe and the code cannot drift apart together.
 */
class RequestSignerTests {

	@Test
	void signsPostWithTimestampMethodUrlAndBody() {
		assertThat(RequestSigner.headers("secret-123", 1795670000L, "POST", "https://example.test/events?x=1",
				"{\"a\":1}"))
			.containsEntry("X-OnCaller-Timestamp", "1795670000")
			.containsEntry("X-OnCaller-Signature",
					"v1=af0eec34cf7ae0d525391a6cffe5b4c348a83d668a55e669174511a997937956");
	}

	@Test
	void signsGetWithAnEmptyBody() {
		assertThat(RequestSigner.headers("secret-123", 1795670000L, "GET", "https://example.test/answer?from=alice", ""))
			.containsEntry("X-OnCaller-Signature",
					"v1=feb1db1a031b7726aa83eaee13e3ad1a3d7725b9ca89ca04d23fa90c653cf3f0");
	}

}
