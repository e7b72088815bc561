package asia.oncaller.signaling;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * Limits each connection to {@code oncaller.signaling.requests-per-second} requests; one
 * connection's flood must not slow everyone else's calls. Beyond the limit a request gets
 * {@code r=12} and changes nothing.
 */
@Component
class RequestRateLimiter {

	private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();

	private final RateLimiterConfig config;

	RequestRateLimiter(SignalingProperties properties) {
		this.config = RateLimiterConfig.custom()
			.limitForPeriod(properties.requestsPerSecond())
			.limitRefreshPeriod(Duration.ofSeconds(1))
			.timeoutDuration(Duration.ZERO)
			.build();
	}

	/** Whether the connection may send one more request now. */
	boolean tryAcquire(String connectionId) {
		return this.limiters.computeIfAbsent(connectionId, (id) -> RateLimiter.of(id, this.config)).acquirePermission();
	}

	@EventListener
	void forget(SessionDisconnectEvent event) {
		this.limiters.remove(event.getSessionId());
	}

}
