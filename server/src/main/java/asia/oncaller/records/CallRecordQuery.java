package asia.oncaller.records;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import asia.oncaller.api.ApiProperties;
import asia.oncaller.api.Keyset;
import asia.oncaller.auth.RestIdentity;
import asia.oncaller.database.LongReads;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads call records in SQL, newest first ({@code created_at DESC, id DESC}), always within the
 * token's tenant: the account, and for a project token the project too. Pages continue after a
 * {@link Keyset} (keyset paging: every page costs the same, however deep, and rows added
 * meanwhile neither repeat nor go missing). The indexes of V3 and V26 serve these queries
 * ({@code CallIndexesIntegrationTests} checks the plans).
 */
@Component
class CallRecordQuery {

	private final NamedParameterJdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate streaming;

	private final TransactionTemplate readOnly;

	private final DataSource dataSource;

	private final Duration exportReadTimeout;

	CallRecordQuery(DataSource dataSource, PlatformTransactionManager transactions, ApiProperties properties) {
		this.dataSource = dataSource;
		this.exportReadTimeout = properties.exportReadTimeout();
		this.jdbc = new NamedParameterJdbcTemplate(dataSource);
		JdbcTemplate fetching = new JdbcTemplate(dataSource);
		// With a fetch size inside a transaction, PostgreSQL's driver reads through a cursor, so an
		// export of millions of rows holds only one batch in memory.
		fetching.setFetchSize(properties.exportFetchSize());
		this.streaming = new NamedParameterJdbcTemplate(fetching);
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	/** Up to {@code limit} records after {@code after} (or from the newest when {@code null}). */
	List<CallRecord> page(RestIdentity tenant, CallRecordFilter filter, Keyset after, int limit) {
		MapSqlParameterSource parameters = new MapSqlParameterSource("limit", limit);
		return this.jdbc.query(pageSql(tenant, filter, after, parameters), parameters,
				(row, number) -> CallRecord.read(row));
	}

	/** The SQL of {@link #page}, its parameters added to {@code parameters} (which has the limit). */
	static String pageSql(RestIdentity tenant, CallRecordFilter filter, Keyset after,
			MapSqlParameterSource parameters) {
		return "SELECT " + CallRecord.COLUMNS + " FROM call WHERE " + where(tenant, filter, after, parameters)
				+ " ORDER BY created_at DESC, id DESC LIMIT :limit";
	}

	/** The record, if it is the tenant's; another tenant's call is as absent as a missing one. */
	Optional<CallRecord> find(RestIdentity tenant, String callId) {
		MapSqlParameterSource parameters = new MapSqlParameterSource("id", callId);
		String sql = "SELECT " + CallRecord.COLUMNS + " FROM call WHERE id = :id AND "
				+ where(tenant, CallRecordFilter.of(null, null, null, null, null, null, null), null, parameters);
		return this.jdbc.query(sql, parameters, (row, number) -> CallRecord.read(row)).stream().findFirst();
	}

	/** Hands every matching record after {@code after} to {@code sink}, in order, with no limit. */
	void forEach(RestIdentity tenant, CallRecordFilter filter, Keyset after, Consumer<CallRecord> sink) {
		MapSqlParameterSource parameters = new MapSqlParameterSource();
		String sql = "SELECT " + CallRecord.COLUMNS + " FROM call WHERE " + where(tenant, filter, after, parameters)
				+ " ORDER BY created_at DESC, id DESC";
		this.readOnly.executeWithoutResult((status) -> {
			// PostgreSQL may think for long before the next matching row: longer than requests may.
			LongReads.allowInTransaction(this.dataSource, this.exportReadTimeout);
			this.streaming.query(sql, parameters, (java.sql.ResultSet row) -> sink.accept(CallRecord.read(row)));
		});
	}

	private static String where(RestIdentity tenant, CallRecordFilter filter, Keyset after,
			MapSqlParameterSource parameters) {
		StringBuilder where = new StringBuilder("account_id = :account");
		parameters.addValue("account", tenant.accountId());
		if (tenant.isProject()) {
			where.append(" AND project_id = :project");
			parameters.addValue("project", tenant.projectId());
		}
		condition(where, parameters, "from_number = :from", "from", filter.from());
		condition(where, parameters, "to_number = :to", "to", filter.to());
		condition(where, parameters, "(from_user_id = :userId OR to_user_id = :userId)", "userId", filter.userId());
		if (!filter.statuses().isEmpty()) {
			condition(where, parameters, "status IN (:statuses)", "statuses", filter.statuses());
		}
		if (!filter.directions().isEmpty()) {
			condition(where, parameters, "direction IN (:directions)", "directions", filter.directions());
		}
		condition(where, parameters, "created_at >= :startedAfter", "startedAfter", time(filter.startedAfter()));
		condition(where, parameters, "created_at < :startedBefore", "startedBefore", time(filter.startedBefore()));
		if (after != null) {
			// A row comparison, which PostgreSQL turns into one index range on (…, created_at, id).
			condition(where, parameters, "(created_at, id) < (:afterAt, :afterId)", "afterAt", time(after.createdAt()));
			parameters.addValue("afterId", after.id());
		}
		return where.toString();
	}

	private static void condition(StringBuilder where, MapSqlParameterSource parameters, String sql, String name,
			Object value) {
		if (value != null) {
			where.append(" AND ").append(sql);
			parameters.addValue(name, value);
		}
	}

	private static OffsetDateTime time(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

}
