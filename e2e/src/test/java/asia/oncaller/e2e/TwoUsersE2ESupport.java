package asia.oncaller.e2e;

import java.time.Duration;

import asia.oncaller.client.internal.media.MediaSession;
import org.junit.jupiter.api.AfterEach;

/**
 * What the tests of calls between two Java clients share: Alice and Bob, set by each test,
 * closed after it, and the check that closing them released every media session.
 */
abstract class TwoUsersE2ESupport {

	private static final Duration RELEASE_TIMEOUT = Duration.ofSeconds(30);

	TestUser alice;

	TestUser bob;

	@AfterEach
	void closeUsers() {
		if (this.alice != null) {
			this.alice.close();
		}
		if (this.bob != null) {
			this.bob.close();
		}
		Await.until(RELEASE_TIMEOUT, "every media session released", () -> MediaSession.openSessions() == 0);
	}

}
