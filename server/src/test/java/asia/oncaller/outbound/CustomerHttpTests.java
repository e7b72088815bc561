package asia.oncaller.outbound;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import asia.oncaller.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The client for customers' servers against a real HTTP server on loopback, with the DNS answers
 * a test chooses: it connects to the address the guard judged, asking DNS once, so a name that
 * answers a refused address on its next lookup (DNS rebinding) cannot reach it; and a refused
 * answer makes no connection at all.
 */
class CustomerHttpTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final WebhookReceiver receiver;

	private final AtomicInteger lookups = new AtomicInteger();

	private CustomerHttp http;

	CustomerHttpTests() throws Exception {
		this.receiver = new WebhookReceiver();
	}

	@AfterEach
	void close() {
		if (this.http != null) {
			this.http.destroy();
		}
		this.receiver.close();
	}

	@Test
	void connectsToTheCheckedAddressAndNeverAsksDnsAgain() throws Exception {
		// First 127.0.0.1 (allowed here), then 0.0.0.0, which the guard refuses and which Linux
		// would connect to this host with: a client that looked up twice would be fooled.
		this.http = client((lookup) -> (lookup == 1) ? "127.0.0.1" : "0.0.0.0");

		CustomerHttp.Response response = this.http
			.send("POST", url("rebind.example"), Map.of(), "{\"n\":1}".getBytes(), 0, TIMEOUT)
			.get();

		assertThat(response.status()).isEqualTo(200);
		assertThat(this.lookups).hasValue(1);
		assertThat(this.receiver.requests()).hasSize(1);
		assertThat(this.receiver.requests().get(0).headers()).containsEntry("host",
				"rebind.example:" + URI.create(this.receiver.url()).getPort());
	}

	@Test
	void makesNoConnectionWhenTheAnswerIsRefused() {
		this.http = client((lookup) -> (lookup == 1) ? "100.100.100.200" : "127.0.0.1");

		assertThatThrownBy(() -> this.http
			.send("POST", url("metadata.example"), Map.of(), "{\"n\":1}".getBytes(), 0, TIMEOUT)
			.get()).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(UnknownHostException.class);
		assertThat(this.lookups).hasValue(1);
		assertThat(this.receiver.requests()).isEmpty();
	}

	@Test
	void refusesAUrlWithoutHost() {
		this.http = client((lookup) -> "127.0.0.1");

		assertThatThrownBy(() -> this.http.send("GET", URI.create("http:///etc/passwd"), Map.of(), new byte[0], 0,
				TIMEOUT)
			.get()).hasCauseInstanceOf(RefusedAddressException.class);
		assertThat(this.lookups).hasValue(0);
	}

	private CustomerHttp client(java.util.function.IntFunction<String> answers) {
		OutboundProperties properties = new OutboundProperties(true, 10);
		AddressGuard guard = new AddressGuard(properties, new MockEnvironment(), (host) -> {
			if (!host.endsWith(".example")) {
				throw new UnknownHostException(host);
			}
			return new InetAddress[] { InetAddress.getByName(answers.apply(this.lookups.incrementAndGet())) };
		});
		return new CustomerHttp(guard, properties);
	}

	private URI url(String host) {
		return URI.create(this.receiver.url().replace("127.0.0.1", host));
	}

}
