package asia.oncaller.outbound;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Opens WebSockets to customers' servers (a {@code connect} that streams a call's audio), under
 * the rules of {@link CustomerHttp}: only addresses the {@link AddressGuard} allows, no redirect,
 * no proxy, the opening handshake signed as a GET of the URL ({@link RequestSigner}) and bounded
 * in time. The JDK's client looks the host up again when it connects, after the guard did: a
 * host whose DNS answer changes in between (rebinding) could reach an address never checked;
 * docs/security.md says so.
 */
@Component
public class CustomerWebSockets {

	private final AddressGuard guard;

	private final Clock clock;

	private final HttpClient client = HttpClient.newBuilder()
		.proxy(HttpClient.Builder.NO_PROXY)
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	@Autowired
	CustomerWebSockets(AddressGuard guard) {
		this(guard, Clock.systemUTC());
	}

	CustomerWebSockets(AddressGuard guard, Clock clock) {
		this.guard = guard;
		this.clock = clock;
	}

	/**
	 * Opens the WebSocket.
	 * @param url an absolute ws(s) URL ({@link CustomerUrls#parseWebSocket}); anything else fails
	 * at once
	 * @param signingSecret the project's secret, which signs the opening handshake
	 * @param timeout the whole opening: the lookup, the connection, TLS and the handshake
	 * @return completes with the open WebSocket, or exceptionally: a
	 * {@link RefusedAddressException} for a refused address, a
	 * {@link java.net.http.HttpTimeoutException} or {@link java.util.concurrent.TimeoutException}
	 * (whichever of the client's and this deadline comes first), or the failure of the handshake
	 */
	public CompletableFuture<WebSocket> open(String url, String signingSecret, WebSocket.Listener listener,
			Duration timeout) {
		URI uri = CustomerUrls.parseWebSocket(url).orElse(null);
		if (uri == null) {
			return CompletableFuture.failedFuture(new RefusedAddressException("not an absolute ws(s) URL"));
		}
		boolean secure = "wss".equalsIgnoreCase(uri.getScheme());
		try {
			this.guard.resolve(uri.getHost(), (uri.getPort() != -1) ? uri.getPort() : secure ? 443 : 80);
		}
		catch (RefusedAddressException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		WebSocket.Builder builder = this.client.newWebSocketBuilder().connectTimeout(timeout);
		RequestSigner.headers(signingSecret, this.clock.instant().getEpochSecond(), "GET", uri.toString(), "")
			.forEach(builder::header);
		CompletableFuture<WebSocket> opening = builder.buildAsync(uri, listener);
		// One deadline for the whole opening, whatever part of it a server stalls; a WebSocket
		// that opens after it is closed at once, since nobody uses it.
		CompletableFuture<WebSocket> opened = opening.copy().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
		opening.thenAccept((socket) -> {
			if (opened.isCompletedExceptionally()) {
				socket.abort();
			}
		});
		return opened;
	}

}
