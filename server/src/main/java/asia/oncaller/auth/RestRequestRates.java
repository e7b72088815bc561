package asia.oncaller.auth;

import java.util.Base64;

import asia.oncaller.limits.KeyedRateLimiter;
import asia.oncaller.limits.LimitsProperties;

import org.springframework.stereotype.Component;

/**
 * The request rates of the REST API: one per token, so that one leaked or looping token cannot
 * take its account's whole budget, and one per account across all its tokens and projects, so
 * that minting more tokens buys no more. The token is keyed by its SHA-256 digest, never kept or
 * logged as it is. A request refused by its token's rate does not spend its account's.
 */
@Component
class RestRequestRates {

	private final LimitsProperties.Rest limits;

	private final KeyedRateLimiter tokens;

	private final KeyedRateLimiter accounts;

	RestRequestRates(LimitsProperties properties) {
		this.limits = properties.rest();
		this.tokens = new KeyedRateLimiter(properties.maxKeys());
		this.accounts = new KeyedRateLimiter(properties.maxKeys());
	}

	/**
	 * Spends one request of the token's and the account's budgets.
	 * @throws RestRateLimitedException when either is spent for this period
	 */
	void spend(String token, RestIdentity identity) {
		String tokenKey = Base64.getEncoder().encodeToString(OperatorCredential.sha256(token));
		if (!this.tokens.tryAcquire(tokenKey, this.limits.perTokenPerSecond())) {
			throw new RestRateLimitedException("Too many requests with this token", KeyedRateLimiter.PERIOD);
		}
		if (!this.accounts.tryAcquire(identity.accountId(), this.limits.perAccountPerSecond())) {
			throw new RestRateLimitedException("Too many requests for this account", KeyedRateLimiter.PERIOD);
		}
	}

}
