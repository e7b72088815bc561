package asia.oncaller.e2e;

import java.util.List;
import java.util.Map;

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

	/** Waits for an event of a source whose payload {@code e} satisfies a JavaScript condition. */
	void waitFor(String source, String event, String condition) {
		this.tab.waitUntil("h.events(" + json(source) + ", " + json(event) + ").some((e) => " + condition + ")");
	}

	void waitFor(String source, String event) {
		waitFor(source, event, "true");
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
