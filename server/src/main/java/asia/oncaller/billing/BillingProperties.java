package asia.oncaller.billing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How answered calls are granted time (see {@link Grant}).
 *
 * @param grant how much answered time a priced call is granted at once; a larger grant holds
 * more of the balance per call, a smaller one renews more often
 * @param renewBefore how long before its granted time runs out a call asks for more; every node
 * tries every sweep (500 ms) within this window, so one slow sweep does not cut a call
 */
@ConfigurationProperties("oncaller.billing")
public record BillingProperties(@DefaultValue("60s") Duration grant, @DefaultValue("10s") Duration renewBefore) {

	public BillingProperties {
		if (grant.compareTo(Duration.ofSeconds(1)) < 0 || renewBefore.isNegative()) {
			throw new IllegalArgumentException("oncaller.billing.grant must be at least 1 s, renew-before at least 0");
		}
	}

}
