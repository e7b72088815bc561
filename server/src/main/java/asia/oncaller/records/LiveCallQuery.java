package asia.oncaller.records;

import java.util.List;

import javax.sql.DataSource;

import asia.oncaller.auth.RestIdentity;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads a tenant's calls in progress, oldest first, at most {@link #LIMIT} of them; V4's partial
 * index on the account's live calls serves it, however many records the account has.
 */
@Component
class LiveCallQuery {

	/** More calls than a table on a screen shows; the account's call limits keep most far below. */
	static final int LIMIT = 500;

	private final NamedParameterJdbcTemplate jdbc;

	LiveCallQuery(DataSource dataSource) {
		this.jdbc = new NamedParameterJdbcTemplate(dataSource);
	}

	List<LiveCall> live(RestIdentity tenant) {
		MapSqlParameterSource parameters = new MapSqlParameterSource("account", tenant.accountId()).addValue("limit",
				LIMIT);
		StringBuilder sql = new StringBuilder("SELECT ").append(LiveCall.COLUMNS)
			.append(" FROM call WHERE account_id = :account AND status IN ('CALLING', 'RINGING', 'ANSWERED')");
		if (tenant.isProject()) {
			sql.append(" AND project_id = :project");
			parameters.addValue("project", tenant.projectId());
		}
		sql.append(" ORDER BY created_at, id LIMIT :limit");
		return this.jdbc.query(sql.toString(), parameters, (row, number) -> LiveCall.read(row));
	}

}
