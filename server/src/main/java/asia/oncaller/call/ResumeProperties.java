package asia.oncaller.call;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a device whose connection dropped gets its calls back (PROTOCOL §2.1).
 *
 * @param window how long a dropped device's calls wait for it; 0 ends them at once, as a
 * DISCONNECT does
 * @param secret the key of the resume tokens; every node of a cluster needs the same one, so
 * that a device may come back on any of them. Unset, each node draws a random one at start,
 * which suits one node (a restart then refuses the tokens it gave before, as its calls are
 * gone anyway)
 * @param keptEvents how many of a call's latest events the node keeps per receiving device, for
 * a device that comes back to replay what it missed
 * @param keptBytes about how many bytes of such events the node keeps in all; past it the
 * oldest are forgotten first
 */
@ConfigurationProperties("oncaller.resume")
public record ResumeProperties(@DefaultValue("30s") Duration window, String secret, @DefaultValue("100") int keptEvents,
		@DefaultValue("33554432") long keptBytes) {

	public ResumeProperties {
		if (window.isNegative()) {
			throw new IllegalArgumentException("oncaller.resume.window must not be negative");
		}
		if (secret != null && secret.length() < 32) {
			throw new IllegalArgumentException("oncaller.resume.secret must be at least 32 characters");
		}
		if (keptEvents < 1 || keptBytes < 1) {
			throw new IllegalArgumentException("oncaller.resume.kept-events and kept-bytes must be positive");
		}
	}

	@Override
	public String toString() {
		// The secret must not reach a log through this record's default toString.
		return "ResumeProperties[window=" + this.window + ", secret=" + ((this.secret != null) ? "(set)" : "(random)")
				+ ", keptEvents=" + this.keptEvents + ", keptBytes=" + this.keptBytes + "]";
	}

}
