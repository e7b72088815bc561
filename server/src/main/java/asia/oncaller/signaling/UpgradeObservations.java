package asia.oncaller.signaling;

import io.micrometer.observation.ObservationPredicate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Leaves the WebSocket upgrades of {@code /ws} out of the HTTP request metrics
 * ({@code http.server.requests}). An upgrade is no request/response worth timing (it returns at
 * once with 101), and observing each one, with its tags and timer, cost about 4 % of a sign-in's
 * CPU (docs/performance.md, "Sign-ins"). Every other request is observed as before.
 */
@Configuration(proxyBeanMethods = false)
class UpgradeObservations {

	@Bean
	static ObservationPredicate noObservationOfWebSocketUpgrades() {
		return (name, context) -> !(context instanceof ServerRequestObservationContext request
				&& WebSocketConfig.ENDPOINT.equals(request.getCarrier().getRequestURI()));
	}

}
