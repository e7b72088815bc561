package asia.oncaller.call;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * The ICE servers handed to clients on authen and with each call, so that peers can find a media
 * path (PROTOCOL §2): a static list (STUN) and, when a TURN secret is set, TURN entries whose
 * credentials {@link IceServers} mints per user.
 *
 * @param servers the static list, handed out as it is; empty by default, which suits peers on
 * one network
 * @param turn the TURN servers that share a secret with this server (coturn's
 * {@code use-auth-secret})
 */
@ConfigurationProperties("oncaller.ice")
record IceProperties(@DefaultValue List<IceServer> servers, @DefaultValue Turn turn) {

	/**
	 * TURN with short-lived credentials, coturn's "TURN REST API" scheme (docs/operations.md,
	 * "TURN"). Without a secret no TURN entry is handed out.
	 *
	 * @param urls the TURN server's URLs, e.g. {@code turn:turn.example.org:3478?transport=udp}
	 * @param secret coturn's {@code static-auth-secret}; never logged nor handed out
	 * @param lifetime how long minted credentials stay valid, from the moment they are handed out
	 */
	record Turn(@DefaultValue List<String> urls, String secret, @DefaultValue("1h") Duration lifetime) {

		Turn {
			// Wrong settings fail at start-up: found at the first relayed call they would cost a
			// call that cannot connect, and nobody would know why.
			Assert.isTrue(!lifetime.isNegative() && !lifetime.isZero(),
					"oncaller.ice.turn.lifetime must be positive, e.g. 1h");
			boolean hasSecret = secret != null && !secret.isBlank();
			Assert.isTrue(!hasSecret || !urls.isEmpty(),
					"oncaller.ice.turn.secret is set but oncaller.ice.turn.urls is empty: give the TURN server's URLs "
							+ "(turn:host:3478?transport=udp) or unset the secret");
			for (String url : urls) {
				Assert.isTrue(url.startsWith("turn:") || url.startsWith("turns:"),
						() -> "oncaller.ice.turn.urls: '" + url + "' is not a turn: or turns: URL");
			}
			secret = hasSecret ? secret : null;
		}

		boolean enabled() {
			return this.secret != null;
		}

		/** Without the secret: the record's own would print it wherever the settings are logged. */
		@Override
		public String toString() {
			return "Turn[urls=" + this.urls + ", secret=" + (enabled() ? "(set)" : "(unset)") + ", lifetime="
					+ this.lifetime + "]";
		}

	}

}
