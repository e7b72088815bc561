package asia.oncaller.webhook;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers due events: 2xx is delivered, 410 stops, anything else (or no answer) is retried with
 * {@link Backoff} until {@code giveUpAfter} has passed since the event. Deliveries run on the
 * HTTP client's own threads; call handling never waits for a customer's endpoint.
 */
@Component
class WebhookDispatcher {

	private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

	private final WebhookStore store;

	private final WebhookSender sender;

	private final WebhookProperties properties;

	private final Clock clock;

	WebhookDispatcher(WebhookStore store, WebhookSender sender, WebhookProperties properties, Clock clock) {
		this.store = store;
		this.sender = sender;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${oncaller.webhook.poll-interval:500ms}")
	void dispatchDue() {
		for (WebhookStore.Claim claim : this.store.claimDue(this.properties.batchSize())) {
			this.sender.send(claim).whenComplete((status, error) -> record(claim, status, error));
		}
	}

	private void record(WebhookStore.Claim claim, Integer status, Throwable error) {
		try {
			if (error == null && status >= 200 && status < 300) {
				this.store.delivered(claim.id(), status);
			}
			else if (error == null && status == 410) {
				this.store.stopped(claim.id());
			}
			else {
				retryOrGiveUp(claim, status, (error != null) ? error.toString() : "HTTP status " + status);
			}
		}
		catch (RuntimeException ex) {
			// The lease runs out and the event is tried again: at least once, never lost.
			log.warn("Could not record the delivery of event {}", claim.eventId(), ex);
		}
	}

	private void retryOrGiveUp(WebhookStore.Claim claim, Integer status, String error) {
		Instant now = this.clock.instant();
		Instant retryAt = now
			.plus(Backoff.delay(claim.attempts(), this.properties.firstRetry(), this.properties.maxRetryDelay()));
		if (retryAt.isAfter(claim.createdAt().plus(this.properties.giveUpAfter()))) {
			log.warn("Giving up event {} after {} attempts: {}", claim.eventId(), claim.attempts(), error);
			this.store.gaveUp(claim.id(), status, error);
		}
		else {
			this.store.failed(claim.id(), status, error, retryAt);
		}
	}

}
