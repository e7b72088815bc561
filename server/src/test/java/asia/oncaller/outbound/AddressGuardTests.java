package asia.oncaller.outbound;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which customer URLs the server may fetch, on literal addresses (no DNS lookup, no traffic):
 * metadata and link-local never, private ranges and loopback only when configured.
 */
class AddressGuardTests {

	private final AddressGuard strict = new AddressGuard(new OutboundProperties(false), new MockEnvironment());

	private final AddressGuard permissive = new AddressGuard(new OutboundProperties(true), new MockEnvironment());

	@ParameterizedTest
	@ValueSource(strings = { "http://169.254.169.254/latest/meta-data", "http://[fd00:ec2::254]/", "http://[fe80::1]/",
			"http://0.0.0.0:8080/", "http://224.0.0.1/", "ftp://203.0.113.5/scco", "file:///etc/passwd" })
	void neverFetchesMetadataLinkLocalOrNonHttp(String url) {
		assertThatThrownBy(() -> this.permissive.check(URI.create(url))).isInstanceOf(RefusedAddressException.class);
		assertThatThrownBy(() -> this.strict.check(URI.create(url))).isInstanceOf(RefusedAddressException.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1:9000/", "http://10.1.2.3/", "http://172.16.0.9/", "https://192.168.1.1/",
			"http://[::1]:8080/", "http://[fd12:3456::1]/" })
	void fetchesPrivateAndLoopbackOnlyWhenConfigured(String url) {
		assertThatThrownBy(() -> this.strict.check(URI.create(url))).isInstanceOf(RefusedAddressException.class);
		assertThatNoException().isThrownBy(() -> this.permissive.check(URI.create(url)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://203.0.113.5/scco", "http://[2001:db8::1]:8080/events" })
	void fetchesPublicAddresses(String url) {
		assertThatNoException().isThrownBy(() -> this.strict.check(URI.create(url)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1:8123/scco-helper/project-answer-url" })
	void fetchesThisServersOwnPortOnLoopback(String url) {
		AddressGuard guard = new AddressGuard(new OutboundProperties(false),
				new MockEnvironment().withProperty("local.server.port", "8123"));
		assertThatNoException().isThrownBy(() -> guard.check(URI.create(url)));
		assertThatThrownBy(() -> guard.check(URI.create("http://127.0.0.1:8124/")))
			.isInstanceOf(RefusedAddressException.class);
	}

}
