package asia.oncaller.signaling;

import java.time.Duration;

import asia.oncaller.auth.ClientIdentity;
import asia.oncaller.call.ResumeProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a resume token proves, and to whom. */
class ResumeTokensTests {

	private static final String SECRET = "a-secret-of-at-least-thirty-two-characters";

	private final ResumeTokens tokens = tokens(SECRET);

	private final ClientPrincipal alice = principal("p1", "alice", "a1", "conn-1");

	@Test
	void namesTheConnectionToTheSameUsersSameDeviceOnly() {
		String token = this.tokens.issue(this.alice);
		assertThat(this.tokens.connectionOf(principal("p1", "alice", "a1", "conn-2"), token)).contains("conn-1");
		assertThat(this.tokens.connectionOf(principal("p1", "alice", "a2", "conn-2"), token)).isEmpty();
		assertThat(this.tokens.connectionOf(principal("p1", "mallory", "a1", "conn-2"), token)).isEmpty();
		assertThat(this.tokens.connectionOf(principal("p2", "alice", "a1", "conn-2"), token)).isEmpty();
	}

	@Test
	void anAlteredForgedOrForeignTokenNamesNothing() {
		String token = this.tokens.issue(this.alice);
		ClientPrincipal back = principal("p1", "alice", "a1", "conn-2");
		String otherConnection = this.tokens.issue(principal("p1", "alice", "a1", "conn-9"));
		String spliced = otherConnection.substring(0, otherConnection.indexOf('.')) + token.substring(token.indexOf('.'));
		assertThat(this.tokens.connectionOf(back, spliced)).as("another connection's id with this signature").isEmpty();
		assertThat(this.tokens.connectionOf(back, token + "A")).isEmpty();
		assertThat(this.tokens.connectionOf(back, "not-a-token")).isEmpty();
		assertThat(this.tokens.connectionOf(back, "a.b.c")).isEmpty();
		assertThat(this.tokens.connectionOf(back, "%%%.%%%")).isEmpty();
		assertThat(this.tokens.connectionOf(back, "x".repeat(300))).isEmpty();
		assertThat(this.tokens.connectionOf(back, null)).isEmpty();
		assertThat(tokens("another-secret-of-at-least-thirty-two-chars").connectionOf(back, token))
			.as("another cluster's secret").isEmpty();
	}

	@Test
	void partsCannotBeShiftedFromOneFieldToAnother() {
		// "ab" + "c" and "a" + "bc" must not sign alike.
		String token = this.tokens.issue(principal("p1", "ab", "c", "conn-1"));
		assertThat(this.tokens.connectionOf(principal("p1", "a", "bc", "conn-2"), token)).isEmpty();
	}

	private static ResumeTokens tokens(String secret) {
		return new ResumeTokens(new ResumeProperties(Duration.ofSeconds(30), secret, 100, 1_000_000));
	}

	private static ClientPrincipal principal(String projectId, String userId, String deviceId, String connectionId) {
		return new ClientPrincipal(new ClientIdentity(userId, projectId, "acc-" + projectId), connectionId, deviceId,
				"web");
	}

}
