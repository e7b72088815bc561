package asia.oncaller.client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One error catalog: the table in {@code media-client/README.md} lists exactly the entries of
 * {@link OnCallerError}, with the same code, name, message and explanation; codes are unique and
 * clear of the server's result codes.
 */
class ErrorCatalogTests {

	@Test
	void readmeTableMatchesTheEnum() throws Exception {
		List<String> rows = Files.readAllLines(Path.of("README.md"))
			.stream()
			.filter((line) -> line.matches("\\| 1\\d{3} \\|.*"))
			.toList();
		assertThat(rows).hasSize(OnCallerError.values().length);
		for (OnCallerError error : OnCallerError.values()) {
			assertThat(rows).contains("| " + error.code() + " | " + error.name() + " | " + error.message() + " | "
					+ error.explanation() + " |");
			assertThat(OnCallerError.ofCode(error.code())).isSameAs(error);
		}
	}

	@Test
	void codesStayClearOfServerCodes() {
		for (OnCallerError error : OnCallerError.values()) {
			assertThat(error.code()).isBetween(1000, 1999);
		}
	}

}
