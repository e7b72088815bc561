package asia.oncaller.signaling;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import asia.oncaller.call.ClusterMembership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The directory of a cluster, in PostgreSQL, the one place of truth the nodes share: a row per
 * connection, keyed by the node that holds it, and a heartbeat per node. A node that stops
 * beating for the node timeout (a crash) no longer counts: its devices are offline to the others
 * at once, and its rows are deleted later. Times are the database's, so nodes' clocks may differ.
 */
class DatabaseDirectory implements DeviceDirectory, ClusterMembership, SchedulingConfigurer, InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(DatabaseDirectory.class);

	/** How long the rows of a node that stopped beating stay, for an operator to look at. */
	private static final Duration DEAD_NODE_KEPT = Duration.ofHours(1);

	private static final String ALIVE = " and c.node_id in (select node_id from cluster_node"
			+ " where seen_at > now() - make_interval(secs => ?))";

	private final JdbcTemplate jdbc;

	private final String nodeId;

	private final double nodeTimeoutSeconds;

	private final Duration departedKept;

	private final Duration beatInterval;

	/** The connections a former run of this node id held, until {@link GoneNodeConnections} takes them. */
	private List<String> formerConnections = List.of();

	/**
	 * @param departedKept how long a connection that may resume keeps routing its events here:
	 * the resume window and a little more
	 */
	DatabaseDirectory(JdbcTemplate jdbc, ClusterProperties properties, Duration departedKept) {
		this.jdbc = jdbc;
		this.nodeId = properties.nodeId();
		this.nodeTimeoutSeconds = properties.nodeTimeout().toMillis() / 1000.0;
		this.departedKept = departedKept;
		// Four beats per timeout: one late or lost beat does not make the node look gone.
		this.beatInterval = properties.nodeTimeout().dividedBy(4);
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::beat, this.beatInterval);
	}

	/**
	 * Joins the cluster before any client can connect: what this node id held before a restart is
	 * gone (its calls wait for their devices, {@link GoneNodeConnections}), and the node is alive.
	 */
	@Override
	public void afterPropertiesSet() {
		try {
			this.formerConnections = this.jdbc.queryForList(
					"delete from device_connection where node_id = ? and departed_at is null returning connection_id",
					String.class, this.nodeId);
			this.jdbc.update("delete from device_connection where node_id = ?", this.nodeId);
		}
		catch (RuntimeException ex) {
			// PostgreSQL away at start: the old rows go with the node timeout instead (a new node
			// id), or when an operator deletes them (the same one).
			log.warn("Could not forget the connections node {} had before: {}", this.nodeId, ex.toString());
		}
		beat();
	}

	@Override
	public void connected(ClientPrincipal principal) {
		this.jdbc.update("insert into device_connection (connection_id, node_id, project_id, user_id, device_id,"
				+ " platform, connected_at) values (?, ?, ?, ?, ?, ?, clock_timestamp())"
				+ " on conflict (connection_id) do nothing", principal.connectionId(), this.nodeId,
				principal.identity().projectId(), principal.identity().userId(), principal.deviceId(),
				principal.platform());
	}

	@Override
	public void disconnected(ClientPrincipal principal, boolean mayResume) {
		if (mayResume) {
			this.jdbc.update("update device_connection set departed_at = clock_timestamp() where connection_id = ?",
					principal.connectionId());
		}
		else {
			this.jdbc.update("delete from device_connection where connection_id = ?", principal.connectionId());
		}
	}

	@Override
	public boolean isOnline(String projectId, String userId) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject("select exists (select 1 from device_connection c"
				+ " where c.project_id = ? and c.user_id = ? and c.departed_at is null" + ALIVE + ")", Boolean.class,
				projectId, userId, this.nodeTimeoutSeconds));
	}

	@Override
	public List<ConnectedDevice> recent(ClientPrincipal principal, int limit) {
		List<ConnectedDevice> recent = new ArrayList<>(this.jdbc.query(
				"select c.connection_id, c.device_id, c.platform from device_connection c where c.project_id = ?"
						+ " and c.user_id = ? and c.departed_at is null and c.connection_id <> ?" + ALIVE
						+ " order by c.connected_at desc, c.connection_id limit ?",
				(row, i) -> new ConnectedDevice(row.getString(1), row.getString(2), row.getString(3)),
				principal.identity().projectId(), principal.identity().userId(), principal.connectionId(),
				this.nodeTimeoutSeconds, limit - 1));
		Collections.reverse(recent);
		recent.add(ConnectedDevice.of(principal));
		return recent;
	}

	@Override
	public Set<String> otherNodes(String projectId, String userId) {
		return new HashSet<>(this.jdbc.queryForList("select distinct c.node_id from device_connection c"
				+ " where c.project_id = ? and c.user_id = ? and c.departed_at is null and c.node_id <> ?" + ALIVE,
				String.class, projectId, userId, this.nodeId, this.nodeTimeoutSeconds));
	}

	@Override
	public String otherNodeOf(String connectionId) {
		List<String> nodes = this.jdbc.queryForList(
				"select c.node_id from device_connection c where c.connection_id = ? and c.node_id <> ?" + ALIVE,
				String.class, connectionId, this.nodeId, this.nodeTimeoutSeconds);
		return nodes.isEmpty() ? null : nodes.get(0);
	}

	/** The connections a former run of this node id held when it stopped, once. */
	synchronized List<String> takeFormerConnections() {
		List<String> former = this.formerConnections;
		this.formerConnections = List.of();
		return former;
	}

	@Override
	public String nodeId() {
		return this.nodeId;
	}

	@Override
	public List<String> goneNodes() {
		return this.jdbc.queryForList("select node_id from cluster_node where node_id <> ?"
				+ " and seen_at <= now() - make_interval(secs => ?)", String.class, this.nodeId, this.nodeTimeoutSeconds);
	}

	/**
	 * Marks this node alive, and deletes what nobody needs any more: connections that departed
	 * longer ago than a resume takes, and what nodes that stopped beating long ago left.
	 */
	void beat() {
		try {
			this.jdbc.update("insert into cluster_node (node_id, seen_at) values (?, now())"
					+ " on conflict (node_id) do update set seen_at = now()", this.nodeId);
			this.jdbc.update("delete from device_connection where departed_at < now() - make_interval(secs => ?)",
					this.departedKept.toSeconds());
			this.jdbc.update("delete from device_connection where node_id in (select node_id from cluster_node"
					+ " where seen_at < now() - make_interval(secs => ?))", DEAD_NODE_KEPT.toSeconds());
			this.jdbc.update("delete from cluster_node where seen_at < now() - make_interval(secs => ?)",
					DEAD_NODE_KEPT.toSeconds());
		}
		catch (RuntimeException ex) {
			// PostgreSQL away: the next beat tries again; the other nodes see this one as gone meanwhile.
			log.warn("Cluster heartbeat of node {} failed: {}", this.nodeId, ex.toString());
		}
	}

}
