package asia.oncaller.webhook;

import java.time.Instant;

/**
 * Where the delivery of one event stands.
 *
 * @param status {@code PENDING} (not yet delivered; retried at {@code nextAttemptAt}),
 * {@code DELIVERED}, {@code STOPPED} (the endpoint answered 410) or {@code GAVE_UP} (24 h passed)
 */
public record WebhookDelivery(String eventId, String type, int sequence, String status, int attempts,
		Integer lastStatusCode, String lastError, Instant createdAt, Instant nextAttemptAt, Instant deliveredAt) {

}
