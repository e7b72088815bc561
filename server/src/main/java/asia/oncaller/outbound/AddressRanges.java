package asia.oncaller.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * What an address is, after the IANA special-purpose address registries (IPv4 and IPv6, RFC
 * 6890 and its updates): the addresses a customer's URL may never reach, those only an operator
 * may allow (loopback and private networks), and the public rest. An IPv6 address that carries an
 * IPv4 address (IPv4-mapped {@code ::ffff:a.b.c.d}, IPv4-compatible {@code ::a.b.c.d}, NAT64
 * {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}) is judged by the IPv4 address it carries, since
 * that is where the packets end up. IPv6 outside {@code 2000::/3} (global unicast) is refused
 * unless listed, so that a range assigned later is not open by default.
 */
final class AddressRanges {

	/** What the guard does with an address. */
	enum Reach {

		/** Fetched. */
		PUBLIC,

		/** Fetched only with {@code oncaller.outbound.allow-private-networks}. */
		INTERNAL,

		/** Never fetched: metadata services, link-local, reserved, documentation, multicast. */
		NEVER

	}

	/** First match wins; an IPv4 address that matches none is public. */
	private static final List<Range> IPV4 = List.of(range("0.0.0.0/8", Reach.NEVER), // "this network"
			range("10.0.0.0/8", Reach.INTERNAL), range("100.64.0.0/10", Reach.NEVER), // shared (CGNAT), 100.100.100.200
			range("127.0.0.0/8", Reach.INTERNAL), range("169.254.0.0/16", Reach.NEVER), // link-local, 169.254.169.254
			range("172.16.0.0/12", Reach.INTERNAL), range("192.0.0.0/24", Reach.NEVER), // IETF protocol assignments
			range("192.0.2.0/24", Reach.NEVER), // TEST-NET-1
			range("192.88.99.0/24", Reach.NEVER), // 6to4 relay anycast (deprecated)
			range("192.168.0.0/16", Reach.INTERNAL), range("198.18.0.0/15", Reach.NEVER), // benchmarking
			range("198.51.100.0/24", Reach.NEVER), // TEST-NET-2
			range("203.0.113.0/24", Reach.NEVER), // TEST-NET-3
			range("224.0.0.0/4", Reach.NEVER), // multicast
			range("240.0.0.0/4", Reach.NEVER)); // reserved, 255.255.255.255 broadcast included

	/** First match wins; an IPv6 address that matches none is refused. */
	private static final List<Range> IPV6 = List.of(range("::1/128", Reach.INTERNAL),
			range("fd00:ec2::254/128", Reach.NEVER), // EC2 metadata, inside fc00::/7
			range("fc00::/7", Reach.INTERNAL), // unique local
			range("fec0::/10", Reach.INTERNAL), // site-local (deprecated)
			range("2001::/23", Reach.NEVER), // IETF protocol assignments: Teredo, benchmarking, ORCHID
			range("2001:db8::/32", Reach.NEVER), // documentation
			range("3fff::/20", Reach.NEVER), // documentation
			range("2000::/3", Reach.PUBLIC));

	private AddressRanges() {
	}

	static Reach of(InetAddress address) {
		byte[] bytes = address.getAddress();
		if (bytes.length == 4) {
			return match(IPV4, bytes, Reach.PUBLIC);
		}
		byte[] embedded = embeddedIpv4(bytes);
		return (embedded != null) ? match(IPV4, embedded, Reach.PUBLIC) : match(IPV6, bytes, Reach.NEVER);
	}

	/** The IPv4 address an IPv6 address carries, or {@code null}. */
	private static byte[] embeddedIpv4(byte[] ipv6) {
		boolean mapped = isZero(ipv6, 0, 10) && (ipv6[10] & 0xff) == 0xff && (ipv6[11] & 0xff) == 0xff;
		// ::a.b.c.d, but not :: and ::1, which are IPv6's own unspecified and loopback addresses.
		boolean compatible = isZero(ipv6, 0, 12) && !(isZero(ipv6, 12, 15) && (ipv6[15] == 0 || ipv6[15] == 1));
		boolean nat64 = (ipv6[0] & 0xff) == 0x00 && (ipv6[1] & 0xff) == 0x64 && (ipv6[2] & 0xff) == 0xff
				&& (ipv6[3] & 0xff) == 0x9b && isZero(ipv6, 4, 12);
		if (mapped || compatible || nat64) {
			return Arrays.copyOfRange(ipv6, 12, 16);
		}
		if ((ipv6[0] & 0xff) == 0x20 && (ipv6[1] & 0xff) == 0x02) {
			return Arrays.copyOfRange(ipv6, 2, 6);
		}
		return null;
	}

	private static boolean isZero(byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return true;
	}

	private static Reach match(List<Range> ranges, byte[] address, Reach otherwise) {
		return ranges.stream()
			.filter((range) -> range.contains(address))
			.map(Range::reach)
			.findFirst()
			.orElse(otherwise);
	}

	private static Range range(String cidr, Reach reach) {
		String[] parts = cidr.split("/");
		try {
			// Literals only: getByName does no lookup for them.
			return new Range(InetAddress.getByName(parts[0]).getAddress(), Integer.parseInt(parts[1]), reach);
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException(cidr, ex);
		}
	}

	private record Range(byte[] prefix, int bits, Reach reach) {

		boolean contains(byte[] address) {
			if (address.length != this.prefix.length) {
				return false;
			}
			for (int bit = 0; bit < this.bits; bit++) {
				int mask = 0x80 >>> (bit % 8);
				if ((address[bit / 8] & mask) != (this.prefix[bit / 8] & mask)) {
					return false;
				}
			}
			return true;
		}

	}

}
