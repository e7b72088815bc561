package asia.oncaller.auth;

import java.time.Duration;

/**
 * A REST request beyond its rate (a {@code /v1} request beyond its token's or its account's, a
 * request to the public SCCO helper beyond its address's): HTTP 429 with {@code Retry-After}.
 * Nothing of the request was done.
 */
public class RestRateLimitedException extends RuntimeException {

	private final Duration retryAfter;

	public RestRateLimitedException(String message, Duration retryAfter) {
		// No stack trace: a flood is many of these a second.
		super(message, null, false, false);
		this.retryAfter = retryAfter;
	}

	/** How long the client should wait before it tries again. */
	public Duration retryAfter() {
		return this.retryAfter;
	}

}
