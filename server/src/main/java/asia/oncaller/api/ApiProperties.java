package asia.oncaller.api;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * Settings of the REST API.
 *
 * @param cursorSecret the key that signs paging cursors; unset, each start picks a random one, so
 * cursors stop working across a restart and between nodes (set the same value on every node of
 * a cluster)
 * @param exportFetchSize how many rows a CSV export reads from PostgreSQL at a time
 * @param exportReadTimeout how long a CSV export waits for PostgreSQL's next rows before it fails;
 * longer than the pool's {@code socketTimeout}, which bounds every other request
 */
@ConfigurationProperties("oncaller.api")
public record ApiProperties(String cursorSecret, @DefaultValue("1000") int exportFetchSize,
		@DefaultValue("10m") Duration exportReadTimeout) {

	public ApiProperties {
		if (cursorSecret != null && cursorSecret.isBlank()) {
			cursorSecret = null;
		}
		Assert.isTrue(exportFetchSize > 0, "oncaller.api.export-fetch-size must be positive");
		Assert.isTrue(exportReadTimeout.compareTo(Duration.ZERO) > 0,
				"oncaller.api.export-read-timeout must be positive");
	}

	@Override
	public String toString() {
		return "ApiProperties[cursorSecret=" + ((this.cursorSecret != null) ? "(set)" : "(random)")
				+ ", exportFetchSize=" + this.exportFetchSize + ", exportReadTimeout=" + this.exportReadTimeout + "]";
	}

}
