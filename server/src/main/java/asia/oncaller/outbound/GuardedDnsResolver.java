package asia.oncaller.outbound;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.apache.hc.client5.http.DnsResolver;

/**
 * The HTTP client's only way to turn a host name into addresses: through the
 * {@link AddressGuard}, so that the client connects to exactly the addresses the guard judged,
 * in the same lookup. A refused host looks to the client like an unknown one, and no connection
 * is made.
 */
final class GuardedDnsResolver implements DnsResolver {

	private final AddressGuard guard;

	GuardedDnsResolver(AddressGuard guard) {
		this.guard = guard;
	}

	@Override
	public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
		return guarded(host, port).stream().map((address) -> new InetSocketAddress(address, port)).toList();
	}

	@Override
	public InetAddress[] resolve(String host) throws UnknownHostException {
		return guarded(host, -1).toArray(InetAddress[]::new);
	}

	@Override
	public String resolveCanonicalHostname(String host) {
		// Only Kerberos-style authentication asks for it, which these requests never use.
		return host;
	}

	private List<InetAddress> guarded(String host, int port) throws UnknownHostException {
		try {
			return this.guard.resolve(host, port);
		}
		catch (RefusedAddressException ex) {
			UnknownHostException refused = new UnknownHostException(ex.getMessage());
			refused.initCause(ex);
			throw refused;
		}
	}

}
