package asia.oncaller.e2e;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import asia.oncaller.client.ClientEvent;
import asia.oncaller.client.MediaOptions;
import asia.oncaller.client.OnCallerCall;
import asia.oncaller.client.internal.media.MediaSession;
import org.junit.jupiter.api.AfterEach;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the tests where a Chromium page and a Java SDK client call each other: the Java client
 * on the browser tests' server (sending a 440 Hz tone and the test pattern, while the pages send
 * 660 Hz from WebAudio), closed after each test with every native media session it held.
 */
abstract class JavaSdkBrowserTestSupport extends BrowserTestSupport {

	static final Duration TIMEOUT = Duration.ofSeconds(30);

	static final double JAVA_HZ = 440;

	static final double PAGE_HZ = 660;

	/** The test's Java client, if it made one. */
	TestUser java;

	@AfterEach
	void closeJavaClient() {
		if (this.java != null) {
			this.java.close();
		}
		Await.until(TIMEOUT, "every media session of the Java client released", () -> MediaSession.openSessions() == 0);
	}

	/** A Java SDK client connected straight to the server. */
	TestUser javaClient(String userId) {
		return javaClient(environment().baseUrl().replace("http://", "ws://") + "/ws", userId);
	}

	/** A Java SDK client whose WebSocket goes through {@code network}, which the test can drop. */
	TestUser javaClientThrough(DroppingProxy network, String userId) {
		return javaClient(network.webSocketUrl(), userId);
	}

	private TestUser javaClient(String webSocketUrl, String userId) {
		return TestUser.connectTo(webSocketUrl, userId, userId + "-java", MediaOptions.synthetic(JAVA_HZ),
				E2eServer.demoToken(environment().baseUrl(), userId));
	}

	/**
	 * The Java client calls the page, which answers: returns the call's probe once media is
	 * connected on both sides.
	 */
	CallProbe javaCallsPage(SdkTab page, boolean video) {
		CallProbe caller = new CallProbe(new OnCallerCall(this.java.client, this.java.userId, page.userId(), video));
		caller.call.makeCall(caller.makeResult::complete);
		assertThat(CallProbe.result(caller.makeResult).r()).isZero();
		page.waitFor("client", "incomingcall", "e.isVideoCall === " + video);
		page.verbOk("incoming", "answer");
		page.waitFor("incoming", "mediastate", "e.code === 1");
		Await.until(TIMEOUT, "the Java client's media connected", caller::mediaConnected);
		return caller;
	}

	/** The Java client's {@code reconnecting} and {@code reconnected} events, recorded from now on. */
	static List<String> reconnectEvents(TestUser user) {
		List<String> events = new CopyOnWriteArrayList<>();
		user.client.on(ClientEvent.RECONNECTING, (reason) -> events.add("reconnecting"));
		user.client.on(ClientEvent.RECONNECTED, (v) -> events.add("reconnected"));
		return events;
	}

	/** Answers the Java client's incoming calls; the probe of the latest one. */
	static AtomicReference<CallProbe> answerIncoming(TestUser user) {
		AtomicReference<CallProbe> probe = new AtomicReference<>();
		user.onIncoming((incoming) -> {
			probe.set(new CallProbe(incoming));
			incoming.answer((r) -> {
			});
		});
		return probe;
	}

}
