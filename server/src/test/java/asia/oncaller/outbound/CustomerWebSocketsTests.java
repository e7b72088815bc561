package asia.oncaller.outbound;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Opening a customer's WebSocket against a real TCP listener on loopback: a loopback address is
 * refused without any connection unless private networks are allowed, a URL that is not ws(s)
 * makes no lookup, and a server that accepts but never answers the handshake is given up on
 * within the timeout.
 */
class CustomerWebSocketsTests {

	private static final WebSocket.Listener NOBODY = new WebSocket.Listener() {
	};

	@Test
	void refusesLoopbackWithoutConnectingUnlessPrivateNetworksAreAllowed() throws Exception {
		try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			listener.setSoTimeout(300);
			String url = "ws://127.0.0.1:" + listener.getLocalPort() + "/bot";
			assertThatThrownBy(() -> webSockets(false).open(url, "secret", NOBODY, Duration.ofSeconds(2)).get())
				.isInstanceOf(ExecutionException.class)
				.hasCauseInstanceOf(RefusedAddressException.class);
			assertThatThrownBy(listener::accept).isInstanceOf(SocketTimeoutException.class);
		}
	}

	@Test
	void refusesAUrlThatIsNotAWebSocketsBeforeAnyLookup() {
		CustomerWebSockets webSockets = new CustomerWebSockets(new AddressGuard(new OutboundProperties(true, 10),
				new MockEnvironment(), (host) -> {
					throw new AssertionError("looked up " + host);
				}));
		for (String url : new String[] { "http://bot.example/", "ws:///bot", "wss//bot.example" }) {
			assertThatThrownBy(() -> webSockets.open(url, "secret", NOBODY, Duration.ofSeconds(2)).get())
				.hasCauseInstanceOf(RefusedAddressException.class);
		}
	}

	@Test
	void givesUpOnAHandshakeThatNeverAnswersWithinTheTimeout() throws Exception {
		try (ServerSocket hanging = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			long started = System.nanoTime();
			assertThatThrownBy(() -> webSockets(true)
				.open("ws://127.0.0.1:" + hanging.getLocalPort() + "/bot", "secret", NOBODY, Duration.ofMillis(500))
				.get()).satisfies((failure) -> assertThat(failure.getCause())
					.isInstanceOfAny(HttpTimeoutException.class, TimeoutException.class));
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
		}
	}

	private static CustomerWebSockets webSockets(boolean allowPrivateNetworks) {
		return new CustomerWebSockets(new AddressGuard(new OutboundProperties(allowPrivateNetworks, 10),
				new MockEnvironment(), InetAddress::getAllByName));
	}

}
