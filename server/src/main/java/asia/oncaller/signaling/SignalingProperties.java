package asia.oncaller.signaling;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the STOMP endpoint.
 *
 * @param heartbeat the heart-beat the server offers and asks for, both ways
 * @param requestsPerSecond how many requests one connection may send each second before it
 * gets {@code r=12}
 * @param requestThreads how many requests are handled at once; most of their time is spent
 * waiting on the database or a customer's answer_url
 * @param allowedOrigins browser origins allowed to open {@code /ws}; tokens travel in the
 * CONNECT frame, not in cookies, so any origin is safe by default
 */
@ConfigurationProperties("oncaller.signaling")
record SignalingProperties(@DefaultValue("10s") Duration heartbeat, @DefaultValue("50") int requestsPerSecond,
		@DefaultValue("32") int requestThreads,
		@DefaultValue("*") String[] allowedOrigins) {

}
