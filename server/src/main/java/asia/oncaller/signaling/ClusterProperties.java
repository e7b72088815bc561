package asia.oncaller.signaling;

import java.time.Duration;
import java.util.UUID;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of a cluster (docs/cluster.md): with a broker host, the nodes relay STOMP to
 * RabbitMQ's {@code rabbitmq_stomp} plugin and keep presence in PostgreSQL; without one, the
 * server is one node with Spring's simple broker, as before.
 *
 * @param nodeId this node's name, unique in the cluster and best kept across restarts (a
 * restarted node then forgets the connections it had at once); unset, a random one per start
 * @param nodeTimeout how long a node may miss its heartbeat before the others count its devices
 * as gone
 * @param broker the RabbitMQ STOMP endpoint
 */
@ConfigurationProperties("oncaller.cluster")
record ClusterProperties(String nodeId, @DefaultValue("6s") Duration nodeTimeout, @DefaultValue Broker broker) {

	ClusterProperties {
		if (nodeId == null || nodeId.isBlank()) {
			nodeId = "node-" + UUID.randomUUID().toString().substring(0, 8);
		}
		if (nodeTimeout.compareTo(Duration.ofSeconds(2)) < 0) {
			throw new IllegalArgumentException("oncaller.cluster.node-timeout must be at least 2s");
		}
	}

	/** Whether this node is one of a cluster, i.e. a broker is configured. */
	boolean enabled() {
		return this.broker.host() != null && !this.broker.host().isBlank();
	}

	/**
	 * RabbitMQ's STOMP endpoint, with the {@code rabbitmq_stomp} plugin enabled.
	 *
	 * @param host where it listens; unset, there is no cluster
	 * @param port its STOMP port
	 * @param login the RabbitMQ user of every connection the relay opens
	 * @param passcode that user's password
	 * @param virtualHost the RabbitMQ virtual host; one per cluster
	 */
	record Broker(String host, @DefaultValue("61613") int port, @DefaultValue("guest") String login,
			@DefaultValue("guest") String passcode, @DefaultValue("/") String virtualHost) {

		@Override
		public String toString() {
			// The passcode must not reach a log through the default toString.
			return "Broker[host=" + this.host + ", port=" + this.port + ", login=" + this.login + ", virtualHost="
					+ this.virtualHost + "]";
		}

	}

}
