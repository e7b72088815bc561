package asia.oncaller.database;

import java.time.Duration;

import javax.sql.DataSource;

import asia.oncaller.RepositoryTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The pool's socket timeout (application.yaml, 3 s) on real PostgreSQL: a query silent for longer
 * fails as "database unreachable", unless its transaction asked for a long read, and a connection
 * that did goes back to the pool with the short timeout.
 */
@RepositoryTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class LongReadsIntegrationTests {

	private static final String SILENT_FOR_4_SECONDS = "SELECT count(*) FROM pg_sleep(4)";

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aQuerySilentPastTheSocketTimeoutFailsAsUnreachable() {
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		assertThatThrownBy(() -> jdbc.queryForObject(SILENT_FOR_4_SECONDS, Long.class))
			.satisfies((failure) -> assertThat(DatabaseUnreachable.isCause(failure)).isTrue());
	}

	@Test
	void aLongReadOutlastsTheSocketTimeoutAndLeavesThePoolShort() {
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		Long rows = new TransactionTemplate(this.transactions).execute((status) -> {
			LongReads.allowInTransaction(this.dataSource, Duration.ofSeconds(30));
			return jdbc.queryForObject(SILENT_FOR_4_SECONDS, Long.class);
		});
		assertThat(rows).isEqualTo(1L);
		assertThatThrownBy(() -> jdbc.queryForObject(SILENT_FOR_4_SECONDS, Long.class))
			.satisfies((failure) -> assertThat(DatabaseUnreachable.isCause(failure)).isTrue());
	}

}
