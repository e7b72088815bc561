package asia.oncaller.webhook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of event_url delivery.
 *
 * @param pollInterval how often each node looks for events due for delivery
 * @param requestTimeout how long one delivery may take, connecting included
 * @param firstRetry the delay before the first retry; each later one doubles, with ±20 % jitter
 * @param maxRetryDelay the longest delay between two attempts
 * @param giveUpAfter how long after the event retries go on
 * @param batchSize how many events a node takes per poll
 */
@ConfigurationProperties("oncaller.webhook")
record WebhookProperties(@DefaultValue("500ms") Duration pollInterval, @DefaultValue("10s") Duration requestTimeout,
		@DefaultValue("1s") Duration firstRetry, @DefaultValue("1h") Duration maxRetryDelay,
		@DefaultValue("24h") Duration giveUpAfter, @DefaultValue("32") int batchSize) {

}
