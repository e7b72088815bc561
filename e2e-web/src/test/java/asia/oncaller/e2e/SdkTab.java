package asia.oncaller.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.assertj.core.data.Offset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tab with the SDK test page (e2e/harness.html): one OnCallerClient signed in as a user, the
 * calls it makes ({@code outgoing}) and receives ({@code incoming}), and every event recorded.
 * Arguments to the page are passed as JSON literals.
 */
class SdkTab {

	private final Tab tab;

	private final String userId;

	SdkTab(Tab tab, String userId) {
		this.tab = tab;
		this.userId = userId;
	}

	String userId() {
		return this.userId;
	}

	Tab tab() {
		return this.tab;
	}

	void connect() {
		this.tab.waitUntil("window.h && window.OnCallerClient");
		assertThat(this.tab.await("h.connect(" + json(this.userId) + ")")).isEqualTo(0L);
	}

	/** Makes a call to {@code to} and returns makeCall's callback result. */
	Map<String, Object> makeCall(String to, boolean video) {
		return this.tab.awaitMap("h.makeCall(" + json(to) + ", " + video + ")");
	}

	/** Calls a verb of a call ({@code outgoing} or {@code incoming}) and returns its callback result. */
	Map<String, Object> verb(String call, String verb, String... jsonArgs) {
		StringBuilder args = new StringBuilder();
		for (String arg : jsonArgs) {
			args.append(", ").append(arg);
		}
		return this.tab.awaitMap("h.verb(" + json(call) + ", " + json(verb) + args + ")");
	}

	/** Calls a verb and checks that it succeeded (r=0). */
	void verbOk(String call, String verb, String... jsonArgs) {
		assertThat(verb(call, verb, jsonArgs)).containsEntry("r", 0L);
	}

	/** The recorded payloads of one event of a source (client, outgoing, incoming). */
	List<Map<String, Object>> events(String source, String event) {
		return this.tab.list("h.events(" + json(source) + ", " + json(event) + ")");
	}

	/** How many final states (signalingstate 5 or 6) a call has fired. */
	long finalStates(String call) {
		return events(call, "signalingstate").stream()
			.map((e) -> ((Number) e.get("code")).longValue())
			.filter((code) -> code == 5 || code == 6)
			.count();
	}

	/** Waits for an event of a source whose payload {@code e} satisfies a JavaScript condition. */
	void waitFor(String source, String event, String condition) {
		this.tab.waitUntil("h.events(" + json(source) + ", " + json(event) + ").some((e) => " + condition + ")");
	}

	void waitFor(String source, String event) {
		waitFor(source, event, "true");
	}

	/** Waits up to {@code patience} for an event of a source (such as a reconnect, which backs off). */
	void waitFor(String source, String event, Duration patience) {
		this.tab.waitUntil("h.events(" + json(source) + ", " + json(event) + ").length > 0", patience);
	}

	/** The names of a source's recorded events among {@code names}, in the order they came. */
	List<String> eventNames(String source, String... names) {
		return this.tab.stringList("h.log.filter((e) => e.source === " + json(source) + ").map((e) => e.event)")
			.stream()
			.filter(List.of(names)::contains)
			.toList();
	}

	/** A call's inbound RTP bytes of {@code kind} (audio, video) so far, from the SDK's getStats(). */
	long inboundBytes(String call, String kind) {
		Object bytes = this.tab.await("h.stats(" + json(call) + ").then((s) => s." + kind + ".inbound.bytesReceived || 0)");
		return ((Number) bytes).longValue();
	}

	/** Waits until more than {@code bytes} of {@code kind} came in on a call: media flows. */
	void waitForInboundBytesAbove(String call, String kind, long bytes) {
		this.tab.waitUntilResolved("h.stats(" + json(call) + ").then((s) => (s." + kind + ".inbound.bytesReceived || 0) > "
				+ bytes + ")");
	}

	/**
	 * Checks that this page hears the other side's tone of {@code hz} on a call (WebAudio, over a
	 * second), and returns what it heard.
	 */
	Map<String, Object> assertHearsTone(String call, double hz) {
		Map<String, Object> heard = remoteTone(call);
		assertThat(((Number) heard.get("frequency")).doubleValue()).as("%s hears the other side's tone", this.userId)
			.isCloseTo(hz, Offset.offset(5.0));
		assertThat(((Number) heard.get("peak")).doubleValue()).as("%s hears it loud enough", this.userId)
			.isGreaterThan(0.1);
		return heard;
	}

	/** The call's remote audio as this page hears it over a second: {@code frequency} (Hz) and {@code peak}. */
	Map<String, Object> remoteTone(String call) {
		return this.tab.awaitMap("h.remoteTone(" + json(call) + ")");
	}

	Object script(String script) {
		return this.tab.script(script);
	}

	Object await(String expression) {
		return this.tab.await(expression);
	}

	static String json(String value) {
		return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
	}

}
