package asia.oncaller.outbound;

import java.net.InetAddress;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which addresses a customer's URL may reach, table-driven over the IANA special-purpose
 * registries, on literal addresses (no DNS lookup, no traffic): metadata, reserved, documentation
 * and link-local never, IPv6 forms judged by the IPv4 address they carry, private ranges and
 * loopback only when configured, and this server's own loopback port always.
 */
class AddressGuardTests {

	private final AddressGuard strict = guard(false, new MockEnvironment());

	private final AddressGuard permissive = guard(true, new MockEnvironment());

	@ParameterizedTest
	@ValueSource(strings = { "0.0.0.0", "0.1.2.3", "100.64.0.1", "100.100.100.200", "100.127.255.254",
			"169.254.169.254", "192.0.0.1", "192.0.0.192", "192.0.2.1", "192.88.99.1", "198.18.0.1", "198.19.255.254",
			"198.51.100.7", "203.0.113.5", "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255", "::",
			"::ffff:169.254.169.254", "::a9fe:a9fe", "::ffff:100.100.100.200", "64:ff9b::a9fe:a9fe",
			"64:ff9b::6464:64c8", "2002:a9fe:a9fe::1", "2002:6464:64c8::", "2001::1", "2001:0:4136:e378::1",
			"2001:db8::1", "3fff::1", "fd00:ec2::254", "fe80::1", "ff02::1", "100::1", "64:ff9b:1::1", "5f00::1" })
	void neverReachesMetadataReservedDocumentationOrLinkLocal(String address) {
		assertThatThrownBy(() -> this.permissive.resolve(address, 80)).isInstanceOf(RefusedAddressException.class);
		assertThatThrownBy(() -> this.strict.resolve(address, 80)).isInstanceOf(RefusedAddressException.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "127.9.9.9", "10.1.2.3", "172.16.0.9", "172.31.255.1", "192.168.1.1", "::1",
			"fd12:3456::1", "fec0::1", "::ffff:127.0.0.1", "::a00:1", "64:ff9b::a00:1", "2002:c0a8:101::1" })
	void reachesPrivateAndLoopbackOnlyWhenConfigured(String address) {
		assertThatThrownBy(() -> this.strict.resolve(address, 80)).isInstanceOf(RefusedAddressException.class);
		assertThatNoException().isThrownBy(() -> this.permissive.resolve(address, 80));
	}

	@ParameterizedTest
	@ValueSource(strings = { "8.8.8.8", "1.1.1.1", "100.63.255.255", "100.128.0.0", "172.32.0.1", "192.0.1.1",
			"198.17.255.255", "198.20.0.1", "223.255.255.254", "2606:4700:4700::1111", "::ffff:8.8.8.8",
			"64:ff9b::808:808", "2002:808:808::1" })
	void reachesPublicAddresses(String address) throws Exception {
		assertThat(this.strict.resolve(address, 443)).containsExactly(InetAddress.getByName(address));
	}

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "::1" })
	void reachesThisServersOwnPortOnLoopback(String address) {
		AddressGuard guard = guard(false, new MockEnvironment().withProperty("local.server.port", "8123"));
		assertThatNoException().isThrownBy(() -> guard.resolve(address, 8123));
		assertThatThrownBy(() -> guard.resolve(address, 8124)).isInstanceOf(RefusedAddressException.class);
		assertThatThrownBy(() -> guard.resolve("10.0.0.1", 8123)).isInstanceOf(RefusedAddressException.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "8.8.8.8", "10.0.0.1" })
	void refusesAHostWhenAnyOfItsAddressesIsRefused(String other) {
		AddressGuard guard = new AddressGuard(new OutboundProperties(false, 10), new MockEnvironment(),
				(host) -> new InetAddress[] { InetAddress.getByName(other), InetAddress.getByName("169.254.169.254") });
		assertThatThrownBy(() -> guard.resolve("two.example", 80)).isInstanceOf(RefusedAddressException.class);
	}

	private static AddressGuard guard(boolean allowPrivateNetworks, MockEnvironment environment) {
		return new AddressGuard(new OutboundProperties(allowPrivateNetworks, 10), environment,
				InetAddress::getAllByName);
	}

}
