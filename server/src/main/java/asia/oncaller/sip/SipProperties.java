package asia.oncaller.sip;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The server's SIP endpoint, toward carriers.
 *
 * @param enabled whether the endpoint runs; without it, calls to phone numbers end with 503
 * @param host the address it binds; also put in Via, From and Contact unless
 * {@code advertisedHost} is set
 * @param advertisedHost the address carriers reach it at, when that is not {@code host} (a
 * container bound to 0.0.0.0, an address behind NAT)
 * @param port the UDP and TCP port; 0 picks a free one (tests)
 * @param dtmfDuration how long each DTMF digit sent by SIP INFO lasts
 * @param workerThreads threads that run phone legs' work (media bridge calls, database
 * changes), each leg's in order
 * @param maxQueueWait how long the oldest task of the phone legs (an INVITE to take, an answer
 * to send) may wait for a worker before new INVITEs get 503; below SIP's T1 (500 ms), after
 * which carriers retransmit
 * @param retryAfter what the {@code Retry-After} of a 503 says when the node is past its capacity
 * ({@code max-queue-wait}, or {@code oncaller.limits.setups-at-once}); whole seconds
 * @param answerTimeout how long a carrier's INVITE waits for the app's SDP answer once the app has
 * answered the call; past it the carrier hears 500 and the call ends (a device that answered and
 * then went silent, or whose SDP was refused)
 * @param setupTimeout the longest a carrier's INVITE goes without a final response, whatever
 * happens to the call: past it the carrier hears 480 and the call ends; above the longest ring
 * (an SCCO's timeout is at most 600 s)
 */
@ConfigurationProperties("oncaller.sip")
record SipProperties(@DefaultValue("true") boolean enabled, @DefaultValue("127.0.0.1") String host,
		String advertisedHost, @DefaultValue("5060") int port, @DefaultValue("160ms") Duration dtmfDuration,
		@DefaultValue("8") int workerThreads, @DefaultValue("300ms") Duration maxQueueWait,
		@DefaultValue("5s") Duration retryAfter,
		@DefaultValue("10s") Duration answerTimeout, @DefaultValue("11m") Duration setupTimeout) {

	SipProperties {
		if (retryAfter.toSeconds() < 1) {
			throw new IllegalArgumentException("oncaller.sip.retry-after must be at least 1s");
		}
		if (answerTimeout.isNegative() || answerTimeout.isZero() || setupTimeout.isNegative() || setupTimeout.isZero()) {
			throw new IllegalArgumentException("oncaller.sip.answer-timeout and setup-timeout must be positive");
		}
	}

	/** The address to write into messages. */
	String addressInMessages() {
		return (this.advertisedHost != null && !this.advertisedHost.isBlank()) ? this.advertisedHost : this.host;
	}

}
