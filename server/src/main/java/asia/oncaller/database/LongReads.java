package asia.oncaller.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executor;

import javax.sql.DataSource;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Lets one connection wait longer for PostgreSQL than the pool's {@code socketTimeout}. That
 * timeout is short so that a request fails fast when the database stops answering (a network
 * black hole); a few reads are slow by nature (a CSV export streaming millions of rows, a
 * migration building an index) and raise it for their own connection only. HikariCP puts the
 * pool's value back when the connection returns to it.
 */
public final class LongReads {

	/** pgjdbc applies the timeout to its socket at once and never uses the executor. */
	private static final Executor NOT_USED = Runnable::run;

	private LongReads() {
	}

	/**
	 * Lets the current transaction's connection wait up to {@code timeout} for each answer.
	 * @param timeout how long PostgreSQL may stay silent; zero for no limit
	 */
	public static void allowInTransaction(DataSource dataSource, Duration timeout) {
		try {
			allow(DataSourceUtils.getConnection(dataSource), timeout);
		}
		catch (SQLException ex) {
			throw new CannotGetJdbcConnectionException("Could not set the network timeout", ex);
		}
	}

	/** Lets this connection wait up to {@code timeout} (zero: no limit) for each answer. */
	static void allow(Connection connection, Duration timeout) throws SQLException {
		connection.setNetworkTimeout(NOT_USED, Math.toIntExact(timeout.toMillis()));
	}

}
