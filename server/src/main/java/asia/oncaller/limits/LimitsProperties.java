package asia.oncaller.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every limit beyond one connection's own request rate ({@code oncaller.signaling.requests-per-second}).
 * The defaults are far above what a demo or the benchmarks of docs/performance.md do; an operator
 * lowers them, and sets the call limits per account over the operator API.
 *
 * @param rest request rates of the REST API
 * @param stomp request rates of STOMP, across all the connections of a user or an account
 * @param calls the call limits of an account that the operator has not set for it
 * @param maxKeys how many tokens, users, connections or accounts each rate keeps at once; past it
 * a new one is refused until idle ones are forgotten, so memory stays bounded
 * @param setupsAtOnce how many calls this node sets up at once (see {@link CallSetups}); past it a
 * carrier's INVITE gets 503 with Retry-After and {@code call.make} gets {@code r=12}
 * @param sccoHelperPerAddressPerSecond requests per second from one address to the built-in SCCO
 * helper over HTTP (it is public, as an answer_url must be; this server's own calls ask it
 * in-process and spend none of it)
 */
@ConfigurationProperties("oncaller.limits")
public record LimitsProperties(@DefaultValue Rest rest, @DefaultValue Stomp stomp, @DefaultValue Calls calls,
		@DefaultValue("50000") int maxKeys, @DefaultValue("100") int setupsAtOnce,
		@DefaultValue("1000") int sccoHelperPerAddressPerSecond) {

	public LimitsProperties {
		positive("max-keys", maxKeys);
		positive("setups-at-once", setupsAtOnce);
		positive("scco-helper-per-address-per-second", sccoHelperPerAddressPerSecond);
	}

	/**
	 * @param perTokenPerSecond requests per second of one REST token
	 * @param perAccountPerSecond requests per second of all the REST tokens of an account, its
	 * projects' included
	 */
	public record Rest(@DefaultValue("200") int perTokenPerSecond, @DefaultValue("500") int perAccountPerSecond) {

		public Rest {
			positive("rest.per-token-per-second", perTokenPerSecond);
			positive("rest.per-account-per-second", perAccountPerSecond);
		}

	}

	/**
	 * @param perUserPerSecond requests per second of one user (a project's {@code userId}), all
	 * of its connections and tokens together
	 * @param perAccountPerSecond requests per second of all the users of an account
	 */
	public record Stomp(@DefaultValue("500") int perUserPerSecond, @DefaultValue("2000") int perAccountPerSecond) {

		public Stomp {
			positive("stomp.per-user-per-second", perUserPerSecond);
			positive("stomp.per-account-per-second", perAccountPerSecond);
		}

	}

	/**
	 * @param attemptsPerSecond new calls per second of an account (app, server and phone calls)
	 * @param atOnce live calls (calling, ringing or answered) of an account at once
	 */
	public record Calls(@DefaultValue("200") int attemptsPerSecond, @DefaultValue("1000") int atOnce) {

		public Calls {
			positive("calls.attempts-per-second", attemptsPerSecond);
			positive("calls.at-once", atOnce);
		}

		/** The account's own limit when the operator set one, else this default. */
		public int attemptsPerSecond(Integer accountSetting) {
			return (accountSetting != null) ? accountSetting : this.attemptsPerSecond;
		}

		/** The account's own limit when the operator set one, else this default. */
		public int atOnce(Integer accountSetting) {
			return (accountSetting != null) ? accountSetting : this.atOnce;
		}

	}

	private static void positive(String name, int value) {
		if (value < 1) {
			throw new IllegalArgumentException("oncaller.limits." + name + " must be at least 1");
		}
	}

}
