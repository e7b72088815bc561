package asia.oncaller.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The machine's RabbitMQ as the tests' cluster broker (docs/cluster.md): it must run with the
 * {@code rabbitmq_stomp} plugin, as {@code .ci/run} sees to; the tests' virtual host is made here
 * with {@code rabbitmqctl} when missing.
 */
public final class TestBroker {

	/** The RabbitMQ virtual host of the tests, apart from anything else on the broker. */
	public static final String VIRTUAL_HOST = "oncaller_test";

	/** The resume secret every node of a test cluster shares, as a cluster must. */
	public static final String RESUME_SECRET = "cluster-test-resume-secret-0123456789abcdef";

	private TestBroker() {
	}

	/** The settings that make a server a node of the tests' cluster, without its node id. */
	public static List<String> nodeSettings() {
		return List.of("oncaller.cluster.broker.host=127.0.0.1", "oncaller.cluster.broker.virtual-host=" + VIRTUAL_HOST,
				"oncaller.resume.secret=" + RESUME_SECRET);
	}

	/**
	 * The {@code --name=value} arguments of a server process that is node {@code nodeId} of the
	 * tests' cluster on the database of {@code database}, with {@code more} settings.
	 */
	public static String[] nodeArguments(String nodeId, HikariDataSource database, String... more) {
		List<String> arguments = new ArrayList<>();
		arguments.add("oncaller.cluster.node-id=" + nodeId);
		arguments.addAll(nodeSettings());
		arguments.addAll(List.of("spring.datasource.url=" + database.getJdbcUrl(),
				"spring.datasource.username=" + database.getUsername(),
				"spring.datasource.password=" + database.getPassword()));
		arguments.addAll(List.of(more));
		return arguments.stream().map((argument) -> "--" + argument).toArray(String[]::new);
	}

	/** Creates the tests' virtual host, and lets the loopback-only {@code guest} user use it. */
	public static void ensureVirtualHost() throws IOException, InterruptedException {
		if (rabbitmqctl("list_vhosts", "--quiet").lines().noneMatch(VIRTUAL_HOST::equals)) {
			rabbitmqctl("add_vhost", VIRTUAL_HOST);
			rabbitmqctl("set_permissions", "-p", VIRTUAL_HOST, "guest", ".*", ".*", ".*");
		}
	}

	/** Runs {@code rabbitmqctl} with the arguments; returns its output, or throws when it fails. */
	public static String rabbitmqctl(String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("rabbitmqctl"));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		if (!process.waitFor(Duration.ofSeconds(60).toSeconds(), TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("rabbitmqctl " + String.join(" ", arguments) + " took over 60 s");
		}
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (process.exitValue() != 0) {
			throw new IllegalStateException("rabbitmqctl " + String.join(" ", arguments) + " failed: " + output);
		}
		return output;
	}

}
