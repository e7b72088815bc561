package asia.oncaller.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;

import asia.oncaller.outbound.AddressGuard;
import asia.oncaller.outbound.RequestSigner;

import org.springframework.stereotype.Component;

/**
 * POSTs one event to a customer's event_url: signed, only to an address the
 * {@link AddressGuard} allows, no redirects, bounded in time. Asynchronous, so that a slow
 * endpoint holds no thread of the server's.
 */
@Component
class WebhookSender {

	private final HttpClient http;

	private final AddressGuard guard;

	private final WebhookProperties properties;

	private final Clock clock;

	WebhookSender(AddressGuard guard, WebhookProperties properties, Clock clock) {
		this.guard = guard;
		this.properties = properties;
		this.clock = clock;
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.requestTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.version(HttpClient.Version.HTTP_1_1)
			.build();
	}

	/** Completes with the HTTP status, or exceptionally when the request could not be made. */
	CompletableFuture<Integer> send(WebhookStore.Claim claim) {
		URI url;
		try {
			url = URI.create(claim.url());
			this.guard.check(url);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(url)
			.timeout(this.properties.requestTimeout())
			.header("Content-Type", "application/json")
			.header("X-OnCaller-Event-Id", claim.eventId())
			.POST(HttpRequest.BodyPublishers.ofString(claim.payload()));
		RequestSigner.headers(claim.signingSecret(), this.clock.instant().getEpochSecond(), "POST", claim.url(),
				claim.payload())
			.forEach(request::header);
		return this.http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
			.thenApply(HttpResponse::statusCode)
			.exceptionallyCompose((ex) -> CompletableFuture.failedFuture(unwrap(ex)));
	}

	private static Throwable unwrap(Throwable ex) {
		return (ex.getCause() instanceof IOException io) ? io : ex;
	}

}
