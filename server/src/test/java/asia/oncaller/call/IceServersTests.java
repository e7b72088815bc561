package asia.oncaller.call;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What {@link IceServers} hands out for each setting, and the settings refused at start-up:
 * no TURN entry without the secret, a TURN entry minted for the asking user only, and neither the
 * secret nor a credential in any {@code toString()} that could reach a log.
 */
class IceServersTests {

	private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);

	private static final List<IceServer> STUN = List
		.of(new IceServer(List.of("stun:stun.example.org:3478"), null, null));

	private static final List<String> TURN_URLS = List.of("turn:turn.example.org:3478?transport=udp",
			"turn:turn.example.org:3478?transport=tcp");

	@Test
	void withoutASecretOnlyTheStaticServersAreHandedOut() {
		IceServers servers = new IceServers(properties(TURN_URLS, null, Duration.ofHours(1)), CLOCK);
		assertThat(servers.forUser("alice")).isEqualTo(STUN);
		IceServers blank = new IceServers(properties(TURN_URLS, "  ", Duration.ofHours(1)), CLOCK);
		assertThat(blank.forUser("alice")).isEqualTo(STUN);
	}

	@Test
	void withASecretTheUserGetsTheStaticServersAndATurnEntryMintedForThem() {
		IceServers servers = new IceServers(properties(TURN_URLS, "north-wind", Duration.ofHours(1)), CLOCK);
		List<IceServer> list = servers.forUser("alice");
		assertThat(list).hasSize(2);
		assertThat(list.get(0)).isEqualTo(STUN.get(0));
		IceServer turn = list.get(1);
		assertThat(turn.urls()).isEqualTo(TURN_URLS);
		assertThat(turn.username()).isEqualTo("1700003600:alice");
		// printf '%s' '1700003600:alice' | openssl dgst -sha1 -hmac 'north-wind' -binary | base64
		assertThat(turn.credential()).isEqualTo("iRtTIZ3N38dm9S+dP+UkHfnN9Qo=");
		assertThat(servers.forUser("bob").get(1).username()).isEqualTo("1700003600:bob");
	}

	@Test
	void aPartyWithoutADeviceGetsNoCredentials() {
		IceServers servers = new IceServers(properties(TURN_URLS, "north-wind", Duration.ofHours(1)), CLOCK);
		assertThat(servers.withoutCredentials()).isEqualTo(STUN);
	}

	@Test
	void eachMintUsesTheTimeItIsAskedAt() {
		Clock later = Clock.offset(CLOCK, Duration.ofMinutes(10));
		IceServers servers = new IceServers(properties(TURN_URLS, "north-wind", Duration.ofHours(1)), later);
		assertThat(servers.forUser("alice").get(1).username()).isEqualTo("1700004200:alice");
	}

	@Test
	void aSecretWithoutUrlsIsRefusedAtStartUp() {
		assertThatIllegalArgumentException().isThrownBy(() -> properties(List.of(), "north-wind", Duration.ofHours(1)))
			.withMessageContaining("oncaller.ice.turn.urls is empty")
			.withMessageNotContaining("north-wind");
	}

	@Test
	void aLifetimeOfZeroOrLessIsRefusedAtStartUp() {
		assertThatIllegalArgumentException().isThrownBy(() -> properties(TURN_URLS, "north-wind", Duration.ZERO))
			.withMessage("oncaller.ice.turn.lifetime must be positive, e.g. 1h");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> properties(TURN_URLS, "north-wind", Duration.ofSeconds(-1)))
			.withMessage("oncaller.ice.turn.lifetime must be positive, e.g. 1h");
	}

	@Test
	void aUrlThatIsNotTurnIsRefusedAtStartUp() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> properties(List.of("stun:turn.example.org:3478"), "north-wind", Duration.ofHours(1)))
			.withMessageContaining("'stun:turn.example.org:3478' is not a turn: or turns: URL");
	}

	@Test
	void neitherTheSecretNorACredentialIsInToString() {
		IceProperties properties = properties(TURN_URLS, "north-wind", Duration.ofHours(1));
		assertThat(properties.toString()).doesNotContain("north-wind").contains("(set)");
		IceServer turn = new IceServers(properties, CLOCK).forUser("alice").get(1);
		assertThat(turn.toString()).doesNotContain(turn.credential()).contains("1700003600:alice");
	}

	private static IceProperties properties(List<String> urls, String secret, Duration lifetime) {
		return new IceProperties(STUN, new IceProperties.Turn(urls, secret, lifetime));
	}

}
