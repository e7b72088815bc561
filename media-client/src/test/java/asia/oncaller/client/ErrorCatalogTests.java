package asia.oncaller.client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One error catalog: {@link OnCallerError} has exactly the entries of the Java SDK's scope in OnCaller's
 * catalog, {@code docs/errors.json}, and the table in {@code media-client/README.md} (generated from that
 * catalog) lists them with the same code, name, message and explanation; codes are unique and clear of the
 * server's result codes.
 */
class ErrorCatalogTests {

	@Test
	void enumMatchesTheCatalog() throws Exception {
		JsonNode catalog = JsonMapper.builder().build().readTree(Files.readString(Path.of("../docs/errors.json")));
		List<String> entries = new ArrayList<>();
		for (JsonNode scope : catalog.get("scopes")) {
			if (scope.get("from").asString().equals("media-client")) {
				scope.get("entries")
					.forEach((e) -> entries.add(row(e.get("code").asInt(), e.get("name").asString(),
							e.get("message").asString(), e.get("explanation").asString())));
			}
		}
		assertThat(Arrays.stream(OnCallerError.values())
			.map((error) -> row(error.code(), error.name(), error.message(), error.explanation())))
			.as("OnCallerError and docs/errors.json, the one catalog, disagree: make them say the same, then run "
					+ "`npm run errors-doc` in sdk-js to rewrite the README's table and docs/errors.md")
			.containsExactlyElementsOf(entries);
	}

	@Test
	void readmeTableMatchesTheEnum() throws Exception {
		List<String> rows = Files.readAllLines(Path.of("README.md"))
			.stream()
			.filter((line) -> line.matches("\\| 1\\d{3} \\|.*"))
			.toList();
		assertThat(rows).hasSize(OnCallerError.values().length);
		for (OnCallerError error : OnCallerError.values()) {
			assertThat(rows).contains(row(error.code(), error.name(), error.message(), error.explanation()));
			assertThat(OnCallerError.ofCode(error.code())).isSameAs(error);
		}
	}

	@Test
	void codesStayClearOfServerCodes() {
		for (OnCallerError error : OnCallerError.values()) {
			assertThat(error.code()).isBetween(1000, 1999);
		}
	}

	private static String row(int code, String name, String message, String explanation) {
		return "| " + code + " | " + name + " | " + message + " | " + explanation + " |";
	}

}
