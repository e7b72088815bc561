package asia.oncaller.signaling;

import java.util.ArrayList;
import java.util.List;

import asia.oncaller.OnCallerApplication;
import asia.oncaller.TestDatabaseConfig;
import asia.oncaller.TestTenants;
import asia.oncaller.testsupport.TestBroker;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A cluster in one JVM (docs/cluster.md): several server nodes, each a Spring application
 * context of its own with its own port and node id, on one PostgreSQL and one RabbitMQ virtual
 * host ({@link TestBroker}).
 */
final class ClusterNodes implements AutoCloseable {

	private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

	private ClusterNodes() {
	}

	/**
	 * Starts {@code count} nodes named {@code node-a}, {@code node-b}, …; the first chooses the
	 * database as every test does ({@link TestDatabaseConfig}), and the others use the same one.
	 */
	static ClusterNodes start(int count, String... properties) throws Exception {
		TestBroker.ensureVirtualHost();
		ClusterNodes cluster = new ClusterNodes();
		try {
			List<String> shared = new ArrayList<>(List.of(properties));
			for (int i = 0; i < count; i++) {
				String node = "node-" + (char) ('a' + i);
				List<String> settings = new ArrayList<>(shared);
				settings.addAll(List.of("server.port=0", "oncaller.cluster.node-id=" + node));
				settings.addAll(TestBroker.nodeSettings());
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

}
