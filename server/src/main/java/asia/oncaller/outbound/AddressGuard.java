package asia.oncaller.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Decides where a request to a customer's server may connect: every address its host resolves to
 * must be public ({@link AddressRanges}), or private/loopback when allowed by configuration.
 * Metadata services, link-local, reserved and documentation ranges are never reached. This
 * server's own loopback port is always allowed, so that the built-in SCCO helper works as an
 * answer_url.
 * <p>
 * The host is looked up once per connection and the connection goes to the addresses judged in
 * that lookup ({@link GuardedDnsResolver}): a second lookup could answer differently (DNS
 * rebinding) and reach an address that was never checked.
 */
@Component
class AddressGuard {

	private final OutboundProperties properties;

	private final Environment environment;

	private final HostResolver resolver;

	@Autowired
	AddressGuard(OutboundProperties properties, Environment environment) {
		this(properties, environment, InetAddress::getAllByName);
	}

	AddressGuard(OutboundProperties properties, Environment environment, HostResolver resolver) {
		this.properties = properties;
		this.environment = environment;
		this.resolver = resolver;
	}

	/**
	 * Looks the host up once and judges every address it has.
	 * @param port the port that will be connected to, or -1 when not known
	 * @return the addresses to connect to, all of them allowed
	 * @throws RefusedAddressException with a reason fit for logs, never for the customer
	 */
	List<InetAddress> resolve(String host, int port) {
		InetAddress[] addresses;
		try {
			addresses = this.resolver.lookup(host);
		}
		catch (UnknownHostException ex) {
			throw new RefusedAddressException("unknown host");
		}
		if (addresses == null || addresses.length == 0) {
			throw new RefusedAddressException("unknown host");
		}
		for (InetAddress address : addresses) {
			check(address, port);
		}
		return List.of(addresses);
	}

	private void check(InetAddress address, int port) {
		switch (AddressRanges.of(address)) {
			case NEVER -> throw new RefusedAddressException(
					"metadata, link-local, reserved, documentation, multicast or unspecified address");
			case INTERNAL -> {
				if (!this.properties.allowPrivateNetworks() && !isThisServer(address, port)) {
					throw new RefusedAddressException(
							"private or loopback address (oncaller.outbound.allow-private-networks)");
				}
			}
			case PUBLIC -> {
			}
		}
	}

	private boolean isThisServer(InetAddress address, int port) {
		String serverPort = this.environment.getProperty("local.server.port");
		return address.isLoopbackAddress() && serverPort != null && port == Integer.parseInt(serverPort);
	}

}
