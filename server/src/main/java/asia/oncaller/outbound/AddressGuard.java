package asia.oncaller.outbound;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Decides whether a customer's URL may be fetched: it must be http(s) and every address its host
 * resolves to must be public, or private/loopback when allowed by configuration. Link-local
 * (which holds the cloud metadata service at 169.254.169.254), multicast and unspecified
 * addresses are never reached. This server's own loopback port is always allowed, so that the
 * built-in SCCO helper works as an answer_url.
 */
@Component
public class AddressGuard {

	private final OutboundProperties properties;

	private final Environment environment;

	AddressGuard(OutboundProperties properties, Environment environment) {
		this.properties = properties;
		this.environment = environment;
	}

	/**
	 * Checks the URL before a request.
	 * @throws RefusedAddressException with a reason fit for logs, never for the customer
	 */
	public void check(URI url) {
		String scheme = url.getScheme();
		if ((!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) || url.getHost() == null) {
			throw new RefusedAddressException("not an absolute http(s) URL");
		}
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(url.getHost());
		}
		catch (UnknownHostException ex) {
			throw new RefusedAddressException("unknown host");
		}
		for (InetAddress address : addresses) {
			checkAddress(address, url);
		}
	}

	private void checkAddress(InetAddress address, URI url) {
		if (address.isLinkLocalAddress() || address.isMulticastAddress() || address.isAnyLocalAddress()
				|| isAwsIpv6Metadata(address)) {
			throw new RefusedAddressException("link-local, metadata, multicast or unspecified address");
		}
		boolean internal = address.isLoopbackAddress() || address.isSiteLocalAddress() || isUniqueLocal(address);
		if (internal && !this.properties.allowPrivateNetworks() && !isThisServer(address, url)) {
			throw new RefusedAddressException("private or loopback address (oncaller.outbound.allow-private-networks)");
		}
	}

	private boolean isThisServer(InetAddress address, URI url) {
		String port = this.environment.getProperty("local.server.port");
		return address.isLoopbackAddress() && port != null && url.getPort() == Integer.parseInt(port);
	}

	/** fc00::/7, IPv6's private range, which Java does not count as site-local. */
	private static boolean isUniqueLocal(InetAddress address) {
		return address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
	}

	/** fd00:ec2::254, the IPv6 address of the EC2 metadata service. */
	private static boolean isAwsIpv6Metadata(InetAddress address) {
		byte[] bytes = address.getAddress();
		return bytes.length == 16 && (bytes[0] & 0xff) == 0xfd && bytes[1] == 0 && (bytes[2] & 0xff) == 0x0e
				&& (bytes[3] & 0xff) == 0xc2 && (bytes[14] & 0xff) == 0x02 && (bytes[15] & 0xff) == 0x54;
	}

}
