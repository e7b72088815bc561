package asia.oncaller.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import asia.oncaller.TestDatabaseConfig;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public SCCO helper under a flood: past its rate per source address a request gets 429 with
 * {@code Retry-After} and a problem detail, another address keeps its own budget, and this
 * server's own calls, which ask the helper in-process, spend none of it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "oncaller.limits.scco-helper-per-address-per-second=3")
@Import(TestDatabaseConfig.class)
class SccoHelperRateIntegrationTests {

	private static final String QUERY = "?from=alice&to=bob";

	@LocalServerPort
	private int port;

	@Autowired
	private SccoHelperRequest inProcess;

	@Test
	void aFloodFromOneAddressIsRefusedWith429PastItsRate() throws Exception {
		long start = System.nanoTime();
		List<String> answers = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			answers.add(get("127.0.0.1"));
		}
		long seconds = (System.nanoTime() - start) / 1_000_000_000L;

		List<String> refused = answers.stream().filter((answer) -> answer.startsWith("HTTP/1.1 429")).toList();
		// 3 a second: the burst spans the seconds it took, and one more if it straddled a window.
		assertThat(answers.size() - refused.size()).isBetween(3, (int) (3 * (seconds + 2)));
		assertThat(refused).isNotEmpty().allSatisfy((answer) -> {
			assertThat(answer).containsIgnoringCase("Retry-After: 1");
			assertThat(answer).contains("application/problem+json", "\"status\":429");
			assertThat(answer).doesNotContain("\"action\"");
		});
	}

	@Test
	void anotherAddressKeepsItsOwnBudget() throws Exception {
		String last = null;
		for (int i = 0; i < 10; i++) {
			last = get("127.0.0.3");
		}
		assertThat(last).startsWith("HTTP/1.1 429");
		assertThat(get("127.0.0.4")).startsWith("HTTP/1.1 200");
	}

	@Test
	void theServersOwnCallsAskTheHelperInProcessAndSpendNothing() throws Exception {
		for (int i = 0; i < 10; i++) {
			URI request = URI.create("http://127.0.0.1:" + this.port + SccoHelper.PATH + QUERY + "&callId=call-" + i);
			assertThat(this.inProcess.answer(request, null)).isPresent();
		}
		assertThat(get("127.0.0.5")).startsWith("HTTP/1.1 200");
	}

	/** A GET of the helper sent from {@code source}, a loopback address; the whole response. */
	private String get(String source) throws IOException {
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 5000);
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + SccoHelper.PATH + QUERY + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
