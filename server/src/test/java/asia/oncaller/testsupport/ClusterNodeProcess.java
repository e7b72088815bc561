package asia.oncaller.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

import asia.oncaller.media.RtpEngineProcess;
import com.zaxxer.hikari.HikariDataSource;

/**
 * A node of the tests' cluster as a server process of its own ({@link ServerProcess}), on the
 * test database and the tests' RabbitMQ virtual host ({@link TestBroker}): what {@code kill -9}
 * and a restart need, which application contexts in one JVM cannot give honestly.
 *
 * @param id its node id, kept across a restart as a cluster's nodes should keep theirs
 * @param sipPort its SIP port
 * @param server the process
 * @param database the database it runs on
 * @param settings its extra {@code name=value} settings
 */
public record ClusterNodeProcess(String id, int sipPort, ServerProcess server, HikariDataSource database,
		String... settings) {

	/**
	 * Starts node {@code id} with these extra settings; returns once it is UP. Its SIP port is one
	 * found free, which another process may take before the node binds it: then it starts again
	 * on another (at most three times).
	 */
	public static ClusterNodeProcess start(String id, HikariDataSource database, String... settings) {
		for (int attempt = 1;; attempt++) {
			try {
				return start(id, RtpEngineProcess.freeUdpPort(), database, settings);
			}
			catch (ServerProcess.ServerDidNotStartException ex) {
				if (!ex.portTaken() || attempt == 3) {
					throw ex;
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	private static ClusterNodeProcess start(String id, int sipPort, HikariDataSource database, String... settings)
			throws IOException {
		String[] all = new String[settings.length + 1];
		all[0] = "oncaller.sip.port=" + sipPort;
		System.arraycopy(settings, 0, all, 1, settings.length);
		return new ClusterNodeProcess(id, sipPort,
				ServerProcess.start("384m", TestBroker.nodeArguments(id, database, all)), database, settings);
	}

	/** The WebSocket and HTTP port. */
	public int port() {
		return this.server.port();
	}

	/** Kills it as {@code kill -9} does; returns when it died. */
	public Instant kill() throws InterruptedException {
		Instant killed = Instant.now();
		this.server.kill();
		return killed;
	}

	/**
	 * Stops it as an operator's restart does (SIGTERM: Spring's graceful shutdown) and starts it
	 * again with the same node id and SIP port; returns the new process once it is UP.
	 */
	public ClusterNodeProcess restart() throws IOException {
		this.server.close();
		return start(this.id, this.sipPort, this.database, this.settings);
	}

}
