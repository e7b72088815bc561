package asia.oncaller.signaling;

import java.util.List;

import asia.oncaller.call.CallReaper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The connections of a node that died (docs/cluster.md, "Failure behaviour"): nobody saw them
 * close, so one of the other nodes claims them (marks them departed, in one statement that only one
 * node's can match) and lets their calls wait for their devices as after a drop, the other party
 * hearing {@code lost}; a device that resumed elsewhere meanwhile keeps its call as it is. A node
 * restarted with the same id before the others saw it gone does the same for its former run's.
 */
class GoneNodeConnections {

	private static final Logger log = LoggerFactory.getLogger(GoneNodeConnections.class);

	private final JdbcTemplate jdbc;

	private final DatabaseDirectory directory;

	private final CallReaper reaper;

	GoneNodeConnections(JdbcTemplate jdbc, DatabaseDirectory directory, CallReaper reaper) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.reaper = reaper;
	}

	@Scheduled(fixedDelayString = "${oncaller.cluster.takeover-interval:1s}")
	void sweep() {
		List<String> former = this.directory.takeFormerConnections();
		if (!former.isEmpty()) {
			log.info("{} connections of this node's former run wait for their devices", former.size());
			this.reaper.connectionsLost(former);
		}
		List<String> gone = this.directory.goneNodes();
		if (gone.isEmpty()) {
			return;
		}
		List<String> claimed = this.jdbc.query(connection -> {
			var update = connection.prepareStatement("update device_connection set departed_at = clock_timestamp()"
					+ " where node_id = any (?) and departed_at is null returning connection_id");
			update.setArray(1, connection.createArrayOf("text", gone.toArray()));
			return update;
		}, (row, i) -> row.getString(1));
		if (!claimed.isEmpty()) {
			log.info("{} connections of gone nodes {} wait for their devices", claimed.size(), gone);
			this.reaper.connectionsLost(claimed);
		}
	}

}
