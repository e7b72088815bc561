package asia.oncaller.tenant;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the project of an API key SID for STOMP CONNECT, which checks every client token against
 * its project: one row by the unique {@code api_key_sid} index, with its account's status, over
 * plain JDBC. Through JPA the same row cost a persistence context, a query plan and a managed
 * entity per CONNECT, the largest single part of a sign-in (docs/performance.md, "Sign-ins").
 * Nothing is cached: a project disabled or an API key rotated refuses the next CONNECT.
 */
@Component
public class ProjectsInService {

	private static final String BY_API_KEY_SID = """
			SELECT p.id, p.account_id, p.api_key_secret, p.enabled, a.status
			FROM project p LEFT JOIN account a ON a.id = p.account_id
			WHERE p.api_key_sid = ?""";

	private final JdbcTemplate jdbc;

	ProjectsInService(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The project whose API key has this SID, or empty. */
	public Optional<ProjectInService> findByApiKeySid(String apiKeySid) {
		List<ProjectInService> rows = this.jdbc.query(BY_API_KEY_SID,
				(rs, row) -> new ProjectInService(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
						(rs.getString(5) != null) ? AccountStatus.valueOf(rs.getString(5)) : null),
				apiKeySid);
		return rows.stream().findFirst();
	}

}
