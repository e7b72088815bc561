package asia.oncaller.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import asia.oncaller.testsupport.TestBroker;

import static org.awaitility.Awaitility.await;

/**
 * A RabbitMQ of the test's own, with the STOMP plugin, inside the test JVM's network namespace
 * (.ci/netns.sh): the machine's RabbitMQ listens on the host's loopback, which the namespace does
 * not see. Started from the machine's {@code rabbitmq-server} with its data, logs and
 * configuration in a temporary folder; its only virtual host is the tests' one
 * ({@link TestBroker#VIRTUAL_HOST}), which {@code guest} may use from loopback. The namespace is
 * the JVM's own, so its fixed ports collide with nothing.
 */
final class NamespaceRabbitMq implements AutoCloseable {

	/** Its STOMP port on 127.0.0.1, RabbitMQ's default, where the nodes' relays connect. */
	static final int STOMP_PORT = 61613;

	private static final String NODE_NAME = "oncaller-e2e@localhost";

	private final Process process;

	private NamespaceRabbitMq(Process process) {
		this.process = process;
	}

	/** Starts it; returns once its STOMP port takes connections (some 20 s on a busy machine). */
	static NamespaceRabbitMq start() {
		try {
			Path home = Files.createTempDirectory("oncaller-e2e-rabbitmq-",
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx")));
			// rabbitmq-server, started as root, runs as the rabbitmq user: it must write here.
			Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxrwxrwx"));
			Files.writeString(home.resolve("rabbitmq.conf"), String.join("\n", "listeners.tcp.default = 127.0.0.1:5672",
					"stomp.listeners.tcp.1 = 127.0.0.1:" + STOMP_PORT, "default_vhost = " + TestBroker.VIRTUAL_HOST, ""));
			Files.writeString(home.resolve("enabled_plugins"), "[rabbitmq_stomp].\n");
			ProcessBuilder builder = new ProcessBuilder("rabbitmq-server").redirectErrorStream(true)
				.redirectOutput(home.resolve("output.log").toFile());
			Map<String, String> environment = builder.environment();
			environment.put("RABBITMQ_NODENAME", NODE_NAME);
			environment.put("RABBITMQ_CONFIG_FILE", home.resolve("rabbitmq").toString());
			environment.put("RABBITMQ_ENABLED_PLUGINS_FILE", home.resolve("enabled_plugins").toString());
			environment.put("RABBITMQ_MNESIA_BASE", home.resolve("mnesia").toString());
			environment.put("RABBITMQ_LOG_BASE", home.resolve("log").toString());
			NamespaceRabbitMq broker = new NamespaceRabbitMq(builder.start());
			await().atMost(Duration.ofMinutes(2))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> !broker.process.isAlive() || stompListening());
			if (!broker.process.isAlive()) {
				throw new IllegalStateException("rabbitmq-server stopped; its output: " + home.resolve("output.log"));
			}
			return broker;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean stompListening() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", STOMP_PORT), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Kills it and its Erlang VM; and the namespace's {@code epmd}, which the VM started as a
	 * daemon of its own (not a child), so that nothing of it outlives the test.
	 */
	@Override
	public void close() throws InterruptedException, IOException {
		List<ProcessHandle> vm = this.process.descendants().toList();
		vm.forEach(ProcessHandle::destroyForcibly);
		this.process.destroyForcibly().waitFor();
		// epmd refuses to stop while a node is registered: the VM must be gone first.
		vm.forEach((handle) -> handle.onExit().join());
		new ProcessBuilder("epmd", "-kill").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start()
			.waitFor();
	}

}
