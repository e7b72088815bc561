package asia.oncaller.call;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How live calls are watched. The schedules read the same keys through placeholders.
 *
 * @param sweepInterval how often ring and connect deadlines are enforced and grants renewed
 * @param heartbeatInterval how often a node marks the answered calls it holds a connection of as
 * alive; a call whose node crashed is charged up to its last heartbeat, so at most this much of
 * its time goes unbilled
 * @param heartbeatTimeout how long without a heartbeat before any node ends an answered call as
 * lost; well above the interval, so that a slow node or database does not end live calls
 * @param transferRingTimeout how long a transferred phone call rings its new user before it ends
 * @param maxFailovers how many times one call may be retargeted by an onFailEventUrl; once
 * reached, an unreachable callee ends the call as if continueOnFail were off, so that a
 * customer's server answering with one unreachable user after another cannot keep a call
 * alive forever; 0 turns failover off
 * @param failoverLease how long a node may take over a failover (its onFailEventUrl request and
 * what follows) before another node may take it over again; must exceed
 * {@code oncaller.control.answer-url-timeout}, which bounds that request
 * @param failoverThreads how many onFailEventUrl requests a node makes at once
 */
@ConfigurationProperties("oncaller.call")
record CallProperties(@DefaultValue("500ms") Duration sweepInterval, @DefaultValue("5s") Duration heartbeatInterval,
		@DefaultValue("30s") Duration heartbeatTimeout, @DefaultValue("60s") Duration transferRingTimeout,
		@DefaultValue("5") int maxFailovers, @DefaultValue("30s") Duration failoverLease,
		@DefaultValue("8") int failoverThreads) {

	CallProperties {
		if (heartbeatTimeout.compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
			throw new IllegalArgumentException("oncaller.call.heartbeat-timeout must be at least twice the interval");
		}
		if (maxFailovers < 0) {
			throw new IllegalArgumentException("oncaller.call.max-failovers must not be negative");
		}
	}

}
