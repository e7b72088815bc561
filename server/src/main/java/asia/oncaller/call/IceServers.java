package asia.oncaller.call;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The {@code iceServers} a user's device is handed, on authen and with each call (PROTOCOL §2,
 * §3): the static list, then, when TURN is configured, one TURN entry with credentials minted
 * for that user at that moment. The one place that builds the list, so that every path hands out
 * the same thing and a credential is never minted for anyone but the user it goes to.
 */
@Component
public class IceServers {

	private static final Logger log = LoggerFactory.getLogger(IceServers.class);

	private final List<IceServer> servers;

	private final List<String> turnUrls;

	private final TurnCredentials turn;

	private final Clock clock;

	IceServers(IceProperties properties, Clock clock) {
		this.servers = List.copyOf(properties.servers());
		this.turnUrls = List.copyOf(properties.turn().urls());
		this.turn = properties.turn().enabled()
				? new TurnCredentials(properties.turn().secret(), properties.turn().lifetime()) : null;
		this.clock = clock;
		if (this.turn != null) {
			log.info("TURN: credentials minted per user for {}, valid {}", this.turnUrls, properties.turn().lifetime());
		}
		else if (!this.turnUrls.isEmpty()) {
			log.warn("TURN: oncaller.ice.turn.urls is set but oncaller.ice.turn.secret is not: no TURN server is "
					+ "handed out");
		}
		if (this.servers.stream().anyMatch((server) -> server.credential() != null)) {
			// Still handed out, as configured; but the same password in every client is what the
			// minted credentials replace.
			log.warn("TURN: oncaller.ice.servers holds a static credential, handed to every client alike; "
					+ "prefer oncaller.ice.turn (docs/operations.md, \"TURN\")");
		}
	}

	/**
	 * The list for a device of {@code userId}: the static servers and a TURN entry minted for
	 * that user, valid for the configured lifetime from now.
	 */
	public List<IceServer> forUser(String userId) {
		// A bug upstream must not turn into credentials for a user called "null".
		Objects.requireNonNull(userId, "userId");
		if (this.turn == null) {
			return this.servers;
		}
		TurnCredentials.Minted minted = this.turn.mint(userId, this.clock.instant());
		List<IceServer> list = new ArrayList<>(this.servers);
		list.add(new IceServer(this.turnUrls, minted.username(), minted.credential()));
		return list;
	}

	/**
	 * The list for a party with no device, such as the customer's server placing a call over
	 * REST: the static servers only, since nobody there runs the media a TURN credential is for.
	 */
	List<IceServer> withoutCredentials() {
		return this.servers;
	}

}
