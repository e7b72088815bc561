package asia.oncaller.database;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a failure to reach PostgreSQL (stopped, unreachable, or silent past the driver's
 * timeouts) from a bug, so that clients get "server error, try again" (STOMP {@code r=13},
 * ERROR {@code code 13}, REST 503) rather than a message naming the pool or the driver. The
 * test is on the JDBC cause, whichever Spring, Hibernate or HikariCP exception wraps it.
 */
public final class DatabaseUnreachable {

	/** SQLSTATE class 08: connection exception (refused, broken, closed, timed out). */
	private static final String CONNECTION_EXCEPTION = "08";

	private static final int MAX_DEPTH = 32;

	private DatabaseUnreachable() {
	}

	/** Whether the failure, or any of its causes, is a lost or missing database connection. */
	public static boolean isCause(Throwable failure) {
		// Bounded: a cause chain can loop.
		Throwable cause = failure;
		for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
			if (cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& sql.getSQLState().startsWith(CONNECTION_EXCEPTION)) {
				return true;
			}
		}
		return false;
	}

}
