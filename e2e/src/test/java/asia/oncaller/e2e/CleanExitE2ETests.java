package asia.oncaller.e2e;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hangup leaves no native resource behind: a child JVM (in the same network namespace) runs
 * a video call against the real server, hangs up on one side, closes both clients and returns
 * from {@code main}; it must exit by itself, with status 0, within the time limit.
 */
class CleanExitE2ETests {

	@ParameterizedTest
	@ValueSource(strings = { "caller", "callee" })
	void jvmExitsByItselfAfterHangup(String who) throws Exception {
		E2eServer server = E2eServer.get();
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
				CallAndExit.class.getName(), server.webSocketUrl(), server.token("alice-exit-" + who),
				server.token("bob-exit-" + who), who));
		builder.redirectErrorStream(true);
		Process child = builder.start();
		StringBuilder output = new StringBuilder();
		Thread reader = new Thread(() -> {
			try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
				for (String line = in.readLine(); line != null; line = in.readLine()) {
					synchronized (output) {
						output.append(line).append('\n');
					}
				}
			}
			catch (Exception ex) {
				// the child is gone
			}
		});
		reader.start();
		boolean exited = child.waitFor(150, TimeUnit.SECONDS);
		if (!exited) {
			child.destroyForcibly();
		}
		reader.join(5000);
		String log;
		synchronized (output) {
			log = output.toString();
		}
		log.lines().filter((l) -> l.startsWith("RELEASED")).forEach((l) -> System.out.println(who + " hangs up: " + l));
		assertThat(exited).as("the child JVM exits by itself; its output:\n" + log).isTrue();
		assertThat(child.exitValue()).as("exit status; output:\n" + log).isZero();
		assertThat(log).contains("MEDIA_CONNECTED sessions=2").contains("hangup r=0").contains("RELEASED sessions=0")
			.contains("CLOSED");
	}

}
