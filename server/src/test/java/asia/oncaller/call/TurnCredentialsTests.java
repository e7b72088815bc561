package asia.oncaller.call;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The minting of TURN credentials against values computed independently with OpenSSL, so that
 * what coturn computes from the same secret and username is what the client gets.
 */
class TurnCredentialsTests {

	private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);

	private final TurnCredentials credentials = new TurnCredentials("north-wind", Duration.ofHours(1));

	@Test
	void usernameIsTheExpiryInUnixSecondsThenTheUserId() {
		assertThat(this.credentials.mint("alice", NOW).username()).isEqualTo("1700003600:alice");
	}

	@Test
	void credentialIsBase64OfHmacSha1OfTheUsernameWithTheSecret() {
		// printf '%s' '1700003600:alice' | openssl dgst -sha1 -hmac 'north-wind' -binary | base64
		assertThat(this.credentials.mint("alice", NOW).credential()).isEqualTo("iRtTIZ3N38dm9S+dP+UkHfnN9Qo=");
		// printf '%s' '1700003600:bob' | openssl dgst -sha1 -hmac 'north-wind' -binary | base64
		assertThat(this.credentials.mint("bob", NOW).credential()).isEqualTo("u+wrjnL291nyRdV2iYlb7XM2OoE=");
	}

	@Test
	void anotherSecretGivesAnotherCredential() {
		TurnCredentials other = new TurnCredentials("south-wind", Duration.ofHours(1));
		assertThat(other.mint("alice", NOW).credential())
			.isNotEqualTo(this.credentials.mint("alice", NOW).credential());
	}

	@Test
	void userIdWithColonsKeepsTheExpiryFirst() {
		// coturn reads the expiry up to the first colon, so a userId may hold colons of its own.
		assertThat(this.credentials.mint("tel:+84:1", NOW).username()).isEqualTo("1700003600:tel:+84:1");
	}

	@Test
	void expiryFollowsTheLifetime() {
		TurnCredentials fiveMinutes = new TurnCredentials("north-wind", Duration.ofMinutes(5));
		assertThat(fiveMinutes.mint("alice", NOW).username()).isEqualTo("1700000300:alice");
	}

}
