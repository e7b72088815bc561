package asia.oncaller.recording;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import asia.oncaller.api.Keyset;
import asia.oncaller.auth.RestIdentity;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads recordings within a REST token's tenant, as call records are read: the account, and for a
 * project token the project too. Another tenant's recording is as absent as a missing one.
 */
@Component
class RecordingQuery {

	private final NamedParameterJdbcTemplate jdbc;

	RecordingQuery(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Up to {@code limit} recordings after {@code after}, newest first, of one call if {@code callId}. */
	List<Recording> page(RestIdentity tenant, String callId, Keyset after, int limit) {
		MapSqlParameterSource parameters = new MapSqlParameterSource("limit", limit);
		StringBuilder where = tenant(tenant, parameters);
		if (callId != null) {
			where.append(" AND call_id = :callId");
			parameters.addValue("callId", callId);
		}
		if (after != null) {
			where.append(" AND (created_at, id) < (:afterAt, :afterId)");
			parameters.addValue("afterAt", after.createdAt().atOffset(ZoneOffset.UTC));
			parameters.addValue("afterId", after.id());
		}
		return this.jdbc.query("SELECT " + Recording.COLUMNS + " FROM recording WHERE " + where
				+ " ORDER BY created_at DESC, id DESC LIMIT :limit", parameters, Recording::read);
	}

	Optional<Recording> byId(RestIdentity tenant, String recordingId) {
		return one(tenant, "id", recordingId);
	}

	Optional<Recording> byCall(RestIdentity tenant, String callId) {
		return one(tenant, "call_id", callId);
	}

	private Optional<Recording> one(RestIdentity tenant, String column, String value) {
		MapSqlParameterSource parameters = new MapSqlParameterSource("value", value);
		String sql = "SELECT " + Recording.COLUMNS + " FROM recording WHERE " + column + " = :value AND "
				+ tenant(tenant, parameters);
		return this.jdbc.query(sql, parameters, Recording::read).stream().findFirst();
	}

	private static StringBuilder tenant(RestIdentity tenant, MapSqlParameterSource parameters) {
		StringBuilder where = new StringBuilder("account_id = :account");
		parameters.addValue("account", tenant.accountId());
		if (tenant.isProject()) {
			where.append(" AND project_id = :project");
			parameters.addValue("project", tenant.projectId());
		}
		return where;
	}

}
