package asia.oncaller.database;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures count as "PostgreSQL is away" (client told to try again) and which as bugs or
 * refused writes: the JDBC cause decides, however deep Spring or Hibernate wrapped it.
 */
class DatabaseUnreachableTests {

	@Test
	void poolTimeoutInsideASpringExceptionIsUnreachable() {
		SQLTransientConnectionException timeout = new SQLTransientConnectionException("request timed out");
		assertThat(DatabaseUnreachable
			.isCause(new CannotCreateTransactionException("Could not open JPA EntityManager", timeout))).isTrue();
	}

	@Test
	void connectionExceptionStatesAreUnreachable() {
		assertThat(DatabaseUnreachable.isCause(new RuntimeException(new SQLException("I/O error", "08006")))).isTrue();
		assertThat(DatabaseUnreachable.isCause(new SQLException("connection attempt failed", "08001"))).isTrue();
	}

	@Test
	void otherFailuresAreNot() {
		assertThat(DatabaseUnreachable.isCause(
				new DataIntegrityViolationException("duplicate", new SQLException("duplicate key", "23505"))))
			.isFalse();
		assertThat(DatabaseUnreachable.isCause(new SQLException("no state"))).isFalse();
		assertThat(DatabaseUnreachable.isCause(new IllegalStateException("a bug"))).isFalse();
	}

}
