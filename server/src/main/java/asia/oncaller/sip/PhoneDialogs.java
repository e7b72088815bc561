package asia.oncaller.sip;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import javax.sip.Dialog;
import javax.sip.header.RouteHeader;

import asia.oncaller.call.CallState;
import asia.oncaller.call.ClusterMembership;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes this node's phone legs into PostgreSQL when it is one node of a cluster, so that another
 * node can hang a leg up when this one dies ({@link PhoneLegTakeover}): a row when the leg has its
 * call, the dialog once the carrier's side is established, each later CSeq we send in it, and
 * nothing once the leg is forgotten. A single node does none of this: its JVM is the only place
 * its legs can be served from, and a crash ends their calls by the heartbeat reaper.
 */
class PhoneDialogs {

	private static final String COLUMNS = "d.call_id, d.node_id, d.sip_call_id, d.media_call_id, d.local_uri,"
			+ " d.local_tag, d.remote_uri, d.remote_tag, d.remote_target, d.route_set, d.local_cseq, d.transport,"
			+ " c.status, c.sip_code";

	private final JdbcTemplate jdbc;

	private final ClusterMembership membership;

	/** When this node started, by the database's clock: its rows from before are a former run's. */
	private final Timestamp startedAt;

	PhoneDialogs(JdbcTemplate jdbc, ObjectProvider<ClusterMembership> membership) {
		this.jdbc = jdbc;
		this.membership = membership.getIfAvailable();
		this.startedAt = (this.membership != null)
				? jdbc.queryForObject("select now()", Timestamp.class) : null;
	}

	/** Whether this node is one of a cluster, and so writes its legs down. */
	boolean clustered() {
		return this.membership != null;
	}

	/** The leg has its call: from now on the other nodes know which node holds it. */
	void started(PhoneLeg leg) {
		if (clustered()) {
			this.jdbc.update("insert into phone_dialog (call_id, node_id, sip_call_id, media_call_id, local_tag)"
					+ " values (?, ?, ?, ?, ?) on conflict (call_id) do nothing", leg.callId, this.membership.nodeId(),
					leg.sipCallId, leg.sipCallId, leg.localTag);
		}
	}

	/**
	 * The node holding the call's leg when that is another node than this one; empty on a single
	 * node, or when no node holds a leg for the call.
	 */
	Optional<String> otherNodeHolding(String callId) {
		if (!clustered()) {
			return Optional.empty();
		}
		return this.jdbc.queryForList("select node_id from phone_dialog where call_id = ?", String.class, callId)
			.stream()
			.filter((node) -> !node.equals(this.membership.nodeId()))
			.findFirst();
	}

	/** The carrier's side is established: what a BYE in its dialog needs. */
	void confirmed(PhoneLeg leg) {
		if (!clustered()) {
			return;
		}
		Dialog dialog = leg.dialog;
		List<String> routes = new ArrayList<>();
		Iterator<?> routeSet = dialog.getRouteSet();
		while (routeSet != null && routeSet.hasNext()) {
			routes.add(((RouteHeader) routeSet.next()).getAddress().toString());
		}
		this.jdbc.update(connection -> {
			var update = connection.prepareStatement("update phone_dialog set local_uri = ?, remote_uri = ?,"
					+ " remote_tag = ?, remote_target = ?, route_set = ?, local_cseq = ?, transport = ?,"
					+ " confirmed_at = now() where call_id = ?");
			update.setString(1, dialog.getLocalParty().toString());
			update.setString(2, dialog.getRemoteParty().toString());
			update.setString(3, leg.remoteTag);
			update.setString(4, dialog.getRemoteTarget().toString());
			update.setArray(5, connection.createArrayOf("text", routes.toArray()));
			update.setLong(6, dialog.getLocalSeqNumber());
			update.setString(7, leg.trunk.transport());
			update.setString(8, leg.callId);
			return update;
		});
	}

	/** We sent a request in the leg's dialog: a BYE from another node must number above it. */
	void sent(PhoneLeg leg) {
		if (clustered()) {
			this.jdbc.update("update phone_dialog set local_cseq = greatest(local_cseq, ?) where call_id = ?",
					leg.dialog.getLocalSeqNumber(), leg.callId);
		}
	}

	/** The leg has nothing more to do. */
	void forgotten(PhoneLeg leg) {
		if (clustered() && leg.callId != null) {
			this.jdbc.update("delete from phone_dialog where call_id = ? and node_id = ?", leg.callId,
					this.membership.nodeId());
		}
	}

	/**
	 * The legs this node must act on: its own whose call ended elsewhere (another node decided it)
	 * or that a former run of this node left, and every leg of the nodes that are gone.
	 */
	List<PhoneDialog> due() {
		if (!clustered()) {
			return List.of();
		}
		String[] gone = this.membership.goneNodes().toArray(String[]::new);
		return this.jdbc.query(connection -> {
			var select = connection.prepareStatement("select " + COLUMNS
					+ " from phone_dialog d join call c on c.id = d.call_id where d.node_id = any (?)"
					+ " or (d.node_id = ? and (c.status in ('BUSY', 'ENDED') or d.started_at < ?))");
			select.setArray(1, connection.createArrayOf("text", gone));
			select.setString(2, this.membership.nodeId());
			select.setTimestamp(3, this.startedAt);
			return select;
		}, (row, i) -> dialog(row));
	}

	/** Whether this node is the one to take the leg over: a row goes to exactly one node. */
	boolean claim(PhoneDialog dialog) {
		return this.jdbc.update("delete from phone_dialog where call_id = ? and node_id = ?", dialog.callId(),
				dialog.nodeId()) == 1;
	}

	/** Whether the leg is this node's. */
	boolean isMine(PhoneDialog dialog) {
		return clustered() && this.membership.nodeId().equals(dialog.nodeId());
	}

	private static PhoneDialog dialog(ResultSet row) throws SQLException {
		Array routes = row.getArray("route_set");
		Collection<String> routeSet = (routes != null) ? Arrays.asList((String[]) routes.getArray()) : List.of();
		Integer sipCode = (Integer) row.getObject("sip_code");
		return new PhoneDialog(row.getString("call_id"), row.getString("node_id"), row.getString("sip_call_id"),
				row.getString("media_call_id"), row.getString("local_uri"), row.getString("local_tag"),
				row.getString("remote_uri"), row.getString("remote_tag"), row.getString("remote_target"),
				List.copyOf(routeSet), row.getLong("local_cseq"), row.getString("transport"),
				CallState.valueOf(row.getString("status")), sipCode);
	}

}
