package asia.oncaller.signaling;

import asia.oncaller.limits.KeyedRateLimiter;
import asia.oncaller.limits.LimitsProperties;

import org.springframework.stereotype.Component;

/**
 * The request rates of STOMP: per connection ({@code oncaller.signaling.requests-per-second}),
 * so one device's flood does not slow the others; per user across all its connections and tokens,
 * so that opening more connections buys no more; and per account across all its users. They are
 * checked from the narrowest out, so a request refused for its connection or its user spends
 * nothing of its account's budget, and one user's flood does not lock out the account's other
 * users. Beyond any of them a request gets {@code r=12} and changes nothing.
 */
@Component
class RequestRateLimiter {

	private final int perConnection;

	private final LimitsProperties.Stomp limits;

	private final KeyedRateLimiter connections;

	private final KeyedRateLimiter users;

	private final KeyedRateLimiter accounts;

	RequestRateLimiter(SignalingProperties signaling, LimitsProperties limits) {
		this.perConnection = signaling.requestsPerSecond();
		this.limits = limits.stomp();
		// Idle keys are forgotten after a second, so a closed connection needs no clean-up of its own.
		this.connections = new KeyedRateLimiter(limits.maxKeys());
		this.users = new KeyedRateLimiter(limits.maxKeys());
		this.accounts = new KeyedRateLimiter(limits.maxKeys());
	}

	/** Whether the connection's user may send one more request now. */
	boolean tryAcquire(ClientPrincipal user) {
		return this.connections.tryAcquire(user.connectionId(), this.perConnection)
				&& this.users.tryAcquire(user.getName(), this.limits.perUserPerSecond())
				&& this.accounts.tryAcquire(user.identity().accountId(), this.limits.perAccountPerSecond());
	}

}
