/**
 * event_url webhooks: every call event is stored in an outbox in the transaction that caused it
 * and delivered at least once, in per-call order, signed, with exponential backoff.
 */
@ApplicationModule(allowedDependencies = { "call", "numbers", "outbound", "tenant" })
package asia.oncaller.webhook;

import org.springframework.modulith.ApplicationModule;
