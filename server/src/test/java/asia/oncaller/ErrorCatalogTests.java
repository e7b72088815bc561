package asia.oncaller;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import asia.oncaller.auth.AuthCode;
import asia.oncaller.call.CallOutcome;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What goes on the wire is in OnCaller's one catalog of codes, {@code docs/errors.json}, which the SDKs and
 * {@code docs/errors.md} are made from: every {@link AuthCode} and {@link CallOutcome} constant is named there,
 * and every entry of a server scope names one, with its code and its message. The server is what clients
 * already get, so a difference is mended in the catalog unless the wire contract is meant to change.
 */
class ErrorCatalogTests {

	private static final String HOW_TO_FIX = "docs/errors.json disagrees with AuthCode/CallOutcome: fix the catalog "
			+ "(the server's words are what clients get), then run `npm run errors-doc` in sdk-js";

	@Test
	void catalogHasEveryWireCodeWithTheServersWords() throws Exception {
		Map<String, Wire> server = new TreeMap<>();
		for (AuthCode code : AuthCode.values()) {
			server.put("AuthCode." + code.name(), new Wire(code.code(), code.message(), false));
		}
		for (CallOutcome outcome : CallOutcome.values()) {
			server.put("CallOutcome." + outcome.name(),
					new Wire(outcome.r(), outcome.message(), outcome == CallOutcome.INVALID_REQUEST));
		}
		JsonNode catalog = JsonMapper.builder().build().readTree(Files.readString(Path.of("../docs/errors.json")));
		List<String> problems = new ArrayList<>();
		Set<String> named = new HashSet<>();
		for (JsonNode scope : catalog.get("scopes")) {
			boolean fromServer = scope.get("from").asString().equals("server");
			for (JsonNode entry : scope.get("entries")) {
				String where = scope.get("scope").asString() + " " + entry.get("code").asInt() + ": ";
				String constant = entry.has("server") ? entry.get("server").asString() : "";
				named.add(constant);
				if (server.containsKey(constant)) {
					problems.addAll(server.get(constant).differences(where, entry));
				}
				else if (!constant.isEmpty() || fromServer) {
					problems.add(where + (constant.isEmpty() ? "names no constant in \"server\""
							: "names " + constant + ", which AuthCode and CallOutcome do not have"));
				}
			}
		}
		server.keySet()
			.stream()
			.filter((constant) -> !named.contains(constant))
			.forEach((constant) -> problems.add(constant + " is in no entry"));
		assertThat(problems).as(HOW_TO_FIX).isEmpty();
	}

	/**
	 * A constant's code and message as the server sends them. The message of {@code INVALID_REQUEST} goes on to
	 * name what was invalid ({@code "Invalid request: digits must be …"}), and so may its entries (sendDtmf's
	 * {@code "Invalid request: digits"}).
	 */
	private record Wire(int code, String message, boolean namesWhat) {

		List<String> differences(String where, JsonNode entry) {
			List<String> found = new ArrayList<>();
			if (entry.get("code").asInt() != this.code) {
				found.add(where + "code " + entry.get("code").asInt() + ", the server's " + this.code);
			}
			String words = entry.get("message").asString();
			if (!words.equals(this.message) && !(this.namesWhat && words.startsWith(this.message + ": "))) {
				found.add(where + "\"" + words + "\", the server's \"" + this.message + "\"");
			}
			return found;
		}

	}

}
