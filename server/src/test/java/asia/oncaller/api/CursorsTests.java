package asia.oncaller.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Paging cursors on their own: a cursor round-trips its key to microseconds; any altered byte,
 * another scope, another server key or a malformed text is an {@code invalid-cursor} 400.
 */
class CursorsTests {

	private final Cursors cursors = new Cursors(withSecret("a configured cursor secret"));

	@Test
	void roundTripsTheKeyToTheMicrosecond() {
		Keyset key = new Keyset(Instant.parse("2026-03-01T10:00:00.123456Z"), "call-abc");
		String cursor = this.cursors.encode("scope", key.toParts());
		assertThat(Keyset.fromParts(this.cursors.decode("scope", cursor, 2))).isEqualTo(key);
		assertThat(cursor).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
	}

	@Test
	void refusesEveryAlteredCharacter() {
		String cursor = this.cursors.encode("scope", List.of("1", "call-abc"));
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
		for (int i = 0; i < cursor.length(); i++) {
			if (cursor.charAt(i) == '.') {
				continue;
			}
			char replacement = alphabet.charAt((alphabet.indexOf(cursor.charAt(i)) + 1) % alphabet.length());
			String altered = cursor.substring(0, i) + replacement + cursor.substring(i + 1);
			assertInvalid(() -> this.cursors.decode("scope", altered, 2));
		}
	}

	@Test
	void refusesAnotherScopeAnotherKeyAndMalformedText() {
		String cursor = this.cursors.encode("scope", List.of("1", "call-abc"));
		assertInvalid(() -> this.cursors.decode("other scope", cursor, 2));
		assertInvalid(() -> new Cursors(withSecret("another secret")).decode("scope", cursor, 2));
		assertInvalid(() -> new Cursors(withSecret(null)).decode("scope", cursor, 2));
		assertInvalid(() -> this.cursors.decode("scope", cursor, 3));
		assertInvalid(() -> this.cursors.decode("scope", "no-dot", 2));
		assertInvalid(() -> this.cursors.decode("scope", "%%%.%%%", 2));
		assertInvalid(() -> this.cursors.decode("scope", "x".repeat(600) + ".y", 2));
	}

	@Test
	void configuredSecretSurvivesARestart() {
		String cursor = this.cursors.encode("scope", List.of("1", "call-abc"));
		Cursors restarted = new Cursors(withSecret("a configured cursor secret"));
		assertThat(restarted.decode("scope", cursor, 2)).containsExactly("1", "call-abc");
	}

	private static void assertInvalid(Runnable decode) {
		assertThatThrownBy(decode::run).isInstanceOfSatisfying(ApiException.class,
				(ex) -> assertThat(ex.getBody().getProperties()).containsEntry("code", "invalid-cursor"));
	}

	private static ApiProperties withSecret(String cursorSecret) {
		return new ApiProperties(cursorSecret, 1000, Duration.ofMinutes(10));
	}

}
