package asia.oncaller.signaling;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import org.junit.jupiter.api.Test;

import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Only the WebSocket upgrades of /ws are left out of the HTTP request metrics. */
class UpgradeObservationsTests {

	private final ObservationPredicate predicate = UpgradeObservations.noObservationOfWebSocketUpgrades();

	@Test
	void leavesOutTheUpgradesOfTheStompEndpoint() {
		assertThat(this.predicate.test("http.server.requests", request("/ws"))).isFalse();
	}

	@Test
	void observesEveryOtherRequest() {
		assertThat(this.predicate.test("http.server.requests", request("/v1/calls"))).isTrue();
		assertThat(this.predicate.test("http.server.requests", request("/ws/other"))).isTrue();
		assertThat(this.predicate.test("http.server.requests", request("/demo/token"))).isTrue();
		assertThat(this.predicate.test("some.other.observation", new Observation.Context())).isTrue();
	}

	private static ServerRequestObservationContext request(String uri) {
		return new ServerRequestObservationContext(new MockHttpServletRequest("GET", uri),
				new MockHttpServletResponse());
	}

}
