package asia.oncaller.call;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import asia.oncaller.turn.CoturnProcess;
import asia.oncaller.turn.TurnClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The credentials {@link IceServers} mints against a real coturn started with
 * {@code use-auth-secret} and the same secret: they allocate a relay that carries data, and coturn
 * refuses them once expired, under another user's name, or minted with another secret. (The
 * WebRTC call relayed through coturn is the e2e module's {@code TurnRelayE2ETests}.)
 */
class CoturnAllocationTests {

	private static final String SECRET = "coturn-test-shared-secret";

	@RegisterExtension
	static final CoturnProcess coturn = new CoturnProcess(SECRET, "allow-loopback-peers");

	@Test
	void mintedCredentialsAllocateARelayThatCarriesData() throws Exception {
		IceServer turn = turnEntry(SECRET, Clock.systemUTC(), "alice");
		try (TurnClient client = new TurnClient(coturn.address()); DatagramSocket peer = new DatagramSocket(
				new InetSocketAddress("127.0.0.1", 0))) {
			TurnClient.Answer allocated = client.allocate(turn.username(), turn.credential());
			assertThat(allocated.success()).as("Allocate, coturn says: %s", coturn.log()).isTrue();
			assertThat(allocated.relayed().getAddress().getHostAddress()).isEqualTo("127.0.0.1");

			InetSocketAddress peerAddress = (InetSocketAddress) peer.getLocalSocketAddress();
			assertThat(client.createPermission(peerAddress).success()).isTrue();
			client.send(peerAddress, "relayed hello".getBytes(StandardCharsets.UTF_8));
			peer.setSoTimeout(5000);
			DatagramPacket received = new DatagramPacket(new byte[100], 100);
			peer.receive(received);

			assertThat(new String(received.getData(), 0, received.getLength(), StandardCharsets.UTF_8))
				.isEqualTo("relayed hello");
			assertThat(received.getSocketAddress()).as("sent from the relayed address").isEqualTo(allocated.relayed());
		}
	}

	@Test
	void expiredCredentialsAreRefused() throws Exception {
		// Minted two hours ago with a lifetime of one hour: expired an hour ago.
		Clock twoHoursAgo = Clock.offset(Clock.systemUTC(), Duration.ofHours(-2));
		IceServer turn = turnEntry(SECRET, twoHoursAgo, "alice");
		try (TurnClient client = new TurnClient(coturn.address())) {
			TurnClient.Answer refused = client.allocate(turn.username(), turn.credential());
			assertThat(refused.success()).isFalse();
			assertThat(refused.errorCode()).isEqualTo(401);
		}
	}

	@Test
	void aRelayAllocatedInTimeIsStillRefreshedAfterItsCredentialsExpired() throws Exception {
		// docs/protocol.md relies on this: a call longer than the lifetime keeps its relay. coturn
		// checks the expiry when it looks the key up, at the allocation; the session keeps the key.
		IceServer turn = turnEntry(SECRET, Clock.systemUTC(), "alice", Duration.ofSeconds(1));
		try (TurnClient client = new TurnClient(coturn.address())) {
			assertThat(client.allocate(turn.username(), turn.credential()).success()).isTrue();
			long expiry = Long.parseLong(turn.username().substring(0, turn.username().indexOf(':')));
			await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().getEpochSecond() > expiry + 1);
			assertThat(client.refresh().success()).as("Refresh after expiry, coturn says: %s", coturn.log()).isTrue();
		}
		try (TurnClient late = new TurnClient(coturn.address())) {
			assertThat(late.allocate(turn.username(), turn.credential()).errorCode()).as("a new allocation")
				.isEqualTo(401);
		}
	}

	@Test
	void coturnWithTheOldAndTheNewSecretTakesCredentialsOfEither() throws Exception {
		// How docs/operations.md rotates the secret without refusing credentials already out.
		CoturnProcess rotating = new CoturnProcess(SECRET, "static-auth-secret=next-secret");
		rotating.start();
		try {
			for (String secret : List.of(SECRET, "next-secret")) {
				IceServer turn = turnEntry(secret, Clock.systemUTC(), "alice");
				try (TurnClient client = new TurnClient(rotating.address())) {
					assertThat(client.allocate(turn.username(), turn.credential()).success()).as(secret).isTrue();
				}
			}
		}
		finally {
			rotating.stop();
		}
	}

	@Test
	void credentialsUnderAnotherUsersNameAreRefused() throws Exception {
		IceServer alices = turnEntry(SECRET, Clock.systemUTC(), "alice");
		String asBob = alices.username().replace(":alice", ":bob");
		try (TurnClient client = new TurnClient(coturn.address())) {
			assertThat(client.allocate(asBob, alices.credential()).errorCode()).isEqualTo(401);
		}
	}

	@Test
	void credentialsMintedWithAnotherSecretAreRefused() throws Exception {
		IceServer forged = turnEntry("guessed-secret", Clock.systemUTC(), "alice");
		try (TurnClient client = new TurnClient(coturn.address())) {
			assertThat(client.allocate(forged.username(), forged.credential()).errorCode()).isEqualTo(401);
		}
	}

	private static IceServer turnEntry(String secret, Clock clock, String userId) {
		return turnEntry(secret, clock, userId, Duration.ofHours(1));
	}

	private static IceServer turnEntry(String secret, Clock clock, String userId, Duration lifetime) {
		IceProperties properties = new IceProperties(List.of(),
				new IceProperties.Turn(List.of(coturn.url()), secret, lifetime));
		return new IceServers(properties, clock).forUser(userId).get(0);
	}

}
