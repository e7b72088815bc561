package asia.oncaller.outbound;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where requests on a customer's behalf may go.
 *
 * @param allowPrivateNetworks whether loopback and private ranges (10/8, 172.16/12,
 * 192.168/16, fc00::/7) may be reached; off by default, since a customer's URL must not reach
 * the operator's internal services. Link-local, cloud metadata, reserved and documentation
 * addresses are refused always (see {@link AddressRanges}).
 * @param maxConnections how many connections to customers' servers may be open at once; requests
 * beyond it wait for one within their own timeout
 */
@ConfigurationProperties("oncaller.outbound")
public record OutboundProperties(@DefaultValue("false") boolean allowPrivateNetworks,
		@DefaultValue("200") int maxConnections) {

}
