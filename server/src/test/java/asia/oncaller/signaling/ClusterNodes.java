package asia.oncaller.signaling;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import asia.oncaller.OnCallerApplication;
import asia.oncaller.TestDatabaseConfig;
import asia.oncaller.TestTenants;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A cluster in one JVM (docs/cluster.md): several server nodes, each a Spring application
 * context of its own with its own port and node id, on one PostgreSQL and one RabbitMQ virtual
 * host ({@link #VIRTUAL_HOST}, made with {@code rabbitmqctl} when missing). The machine's
 * RabbitMQ must run with the {@code rabbitmq_stomp} plugin, as {@code .ci/run} sees to.
 */
final class ClusterNodes implements AutoCloseable {

	/** The RabbitMQ virtual host of the tests, apart from anything else on the broker. */
	static final String VIRTUAL_HOST = "oncaller_test";

	/** The resume secret every node shares, as a cluster must. */
	private static final String RESUME_SECRET = "cluster-test-resume-secret-0123456789abcdef";

	private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

	private ClusterNodes() {
	}

	/**
	 * Starts {@code count} nodes named {@code node-a}, {@code node-b}, …; the first chooses the
	 * database as every test does ({@link TestDatabaseConfig}), and the others use the same one.
	 */
	static ClusterNodes start(int count, String... properties) throws Exception {
		ensureVirtualHost();
		ClusterNodes cluster = new ClusterNodes();
		try {
			List<String> shared = new ArrayList<>(List.of(properties));
			for (int i = 0; i < count; i++) {
				String node = "node-" + (char) ('a' + i);
				List<String> settings = new ArrayList<>(shared);
				settings.addAll(List.of("server.port=0", "oncaller.cluster.node-id=" + node,
						"oncaller.cluster.broker.host=127.0.0.1", "oncaller.cluster.broker.virtual-host=" + VIRTUAL_HOST,
						"oncaller.resume.secret=" + RESUME_SECRET));
				// As arguments: they win over application.yaml, as each node's own settings must.
				cluster.nodes.add(new SpringApplicationBuilder(OnCallerApplication.class, TestDatabaseConfig.class,
						TestTenants.class)
					.run(settings.stream().map((setting) -> "--" + setting).toArray(String[]::new)));
				if (i == 0) {
					HikariDataSource database = cluster.nodes.get(0).getBean(HikariDataSource.class);
					shared.addAll(List.of("spring.datasource.url=" + database.getJdbcUrl(),
							"spring.datasource.username=" + database.getUsername(),
							"spring.datasource.password=" + database.getPassword()));
				}
			}
			return cluster;
		}
		catch (Exception | Error ex) {
			cluster.close();
			throw ex;
		}
	}

	/** The WebSocket and HTTP port of node {@code index}. */
	int port(int index) {
		return ((WebServerApplicationContext) this.nodes.get(index)).getWebServer().getPort();
	}

	/** A bean of node {@code index}. */
	<T> T bean(int index, Class<T> type) {
		return this.nodes.get(index).getBean(type);
	}

	@Override
	public void close() {
		for (int i = this.nodes.size() - 1; i >= 0; i--) {
			this.nodes.get(i).close();
		}
		this.nodes.clear();
	}

	/** Creates the tests' virtual host, and lets the loopback-only {@code guest} user use it. */
	private static void ensureVirtualHost() throws IOException, InterruptedException {
		if (rabbitmqctl("list_vhosts", "--quiet").lines().noneMatch(VIRTUAL_HOST::equals)) {
			rabbitmqctl("add_vhost", VIRTUAL_HOST);
			rabbitmqctl("set_permissions", "-p", VIRTUAL_HOST, "guest", ".*", ".*", ".*");
		}
	}

	private static String rabbitmqctl(String... arguments) throws IOException, InterruptedException {
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
