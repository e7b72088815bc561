package asia.oncaller.webhook;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import asia.oncaller.outbound.CustomerHttp;
import asia.oncaller.outbound.RequestSigner;

import org.springframework.stereotype.Component;

/**
 * POSTs one event to a customer's event_url: signed, through {@link CustomerHttp}, which reaches
 * only allowed addresses, follows no redirect and bounds the exchange in time. Asynchronous, so
 * that a slow endpoint holds no thread of the server's.
 */
@Component
class WebhookSender {

	private final CustomerHttp http;

	private final WebhookProperties properties;

	private final Clock clock;

	WebhookSender(CustomerHttp http, WebhookProperties properties, Clock clock) {
		this.http = http;
		this.properties = properties;
		this.clock = clock;
	}

	/** Completes with the HTTP status, or exceptionally when the request could not be made. */
	CompletableFuture<Integer> send(WebhookStore.Claim claim) {
		URI url;
		try {
			url = URI.create(claim.url());
		}
		catch (IllegalArgumentException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		Map<String, String> headers = new LinkedHashMap<>(RequestSigner.headers(claim.signingSecret(),
				this.clock.instant().getEpochSecond(), "POST", claim.url(), claim.payload()));
		headers.put("X-OnCaller-Event-Id", claim.eventId());
		// The answer's body is read and dropped: only the status counts.
		return this.http
			.send("POST", url, headers, claim.payload().getBytes(StandardCharsets.UTF_8), 0,
					this.properties.requestTimeout())
			.thenApply(CustomerHttp.Response::status);
	}

}
