package asia.oncaller.control;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;

import asia.oncaller.TestDatabaseConfig;
import asia.oncaller.control.CallControlDecision.Connect;
import asia.oncaller.control.CallControlDecision.Failed;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answer_url client against a real HTTP server on loopback, with the timeout bound from
 * configuration: what reaches the customer, and which failures give code 1 or 2.
 */
@SpringBootTest(webEnvironment = WebEnvironment.NONE, properties = "oncaller.control.answer-url-timeout=1s")
@Import(TestDatabaseConfig.class)
class AnswerUrlClientIntegrationTests {

	private static final String SECRET = "signing-secret-for-tests";

	private static final String SCCO = "[{\"action\":\"connect\",\"from\":{\"type\":\"internal\",\"number\":\"alice\"},"
			+ "\"to\":{\"type\":\"external\",\"number\":\"+84901234567\"}}]";

	private static final Failed ANSWER_URL_FAILED = new Failed(1, "Make call failed. Answer url is empty");

	private static final Queue<String> requests = new ConcurrentLinkedQueue<>();

	/** Where slow endpoints stop answering, like a hung server, until the tests are over. */
	private static final CountDownLatch hung = new CountDownLatch(1);

	private static ExecutorService executor;

	private static HttpServer server;

	@Autowired
	private AnswerUrlClient client;

	@BeforeAll
	static void startServer() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/scco", (exchange) -> respond(exchange, 200, SCCO));
		server.createContext("/error", (exchange) -> respond(exchange, 500, SCCO));
		server.createContext("/redirect", (exchange) -> {
			exchange.getResponseHeaders().add("Location", "/scco");
			respond(exchange, 302, "");
		});
		server.createContext("/slow-headers", (exchange) -> {
			hang();
			respond(exchange, 200, SCCO);
		});
		server.createContext("/slow-body", (exchange) -> {
			exchange.sendResponseHeaders(200, 0);
			try (OutputStream body = exchange.getResponseBody()) {
				body.write("[{\"action\":".getBytes(StandardCharsets.UTF_8));
				body.flush();
				hang();
				body.write(SCCO.substring(11).getBytes(StandardCharsets.UTF_8));
			}
			catch (IOException ex) {
				// The client gave up first, as it should.
			}
		});
		server.createContext("/exactly-64kb", (exchange) -> respond(exchange, 200, padded(64 * 1024)));
		server.createContext("/over-64kb", (exchange) -> respond(exchange, 200, padded(64 * 1024 + 1)));
		server.createContext("/invalid", (exchange) -> respond(exchange, 200, "<html>OK</html>"));
		executor = Executors.newCachedThreadPool();
		server.setExecutor(executor);
		server.start();
	}

	@AfterAll
	static void stopServer() {
		hung.countDown();
		server.stop(0);
		executor.shutdownNow();
	}

	@Test
	void sendsTheParametersEncodedAfterTheExistingQuery() {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("from", "alice@example.com");
		parameters.put("to", "+84901234567");
		parameters.put("fromInternal", "true");
		parameters.put("custom", "{\"k\":\"v & w=x\"}");
		parameters.put("videoCall", null);
		CallControlDecision decision = this.client.decide(url("/scco?key=a%20b&flag"), parameters, SECRET);
		assertThat(decision).isInstanceOf(Connect.class);
		assertThat(((Connect) decision).connect().to().number()).isEqualTo("+84901234567");
		assertThat(requests).contains("GET /scco?key=a%20b&flag&from=alice%40example.com&to=%2B84901234567"
				+ "&fromInternal=true&custom=%7B%22k%22%3A%22v%20%26%20w%3Dx%22%7D&videoCall=");
	}

	@Test
	void startsTheQueryWhenTheUrlHasNone() {
		assertThat(this.client.decide(url("/scco"), Map.of("callId", "call-1"), SECRET)).isInstanceOf(Connect.class);
		assertThat(requests).contains("GET /scco?callId=call-1");
	}

	@Test
	void failsWith1OnAnErrorStatus() {
		assertThat(this.client.decide(url("/error"), Map.of(), SECRET)).isEqualTo(ANSWER_URL_FAILED);
	}

	@Test
	void failsWith1OnARedirectWithoutFollowingIt() {
		requests.clear();
		assertThat(this.client.decide(url("/redirect"), Map.of("callId", "call-2"), SECRET)).isEqualTo(ANSWER_URL_FAILED);
		assertThat(requests).containsExactly("GET /redirect?callId=call-2");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/slow-headers", "/slow-body" })
	void failsWith1WhenTheAnswerTakesLongerThanTheTimeout(String path) {
		long start = System.nanoTime();
		assertThat(this.client.decide(url(path), Map.of(), SECRET)).isEqualTo(ANSWER_URL_FAILED);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
	}

	@Test
	void readsAnAnswerOfExactlyTheSizeLimit() {
		assertThat(this.client.decide(url("/exactly-64kb"), Map.of(), SECRET)).isInstanceOf(Connect.class);
	}

	@Test
	void failsWith1OnAnAnswerOverTheSizeLimit() {
		assertThat(this.client.decide(url("/over-64kb"), Map.of(), SECRET)).isEqualTo(ANSWER_URL_FAILED);
	}

	@Test
	void failsWith1WhenTheConnectionIsRefused() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		assertThat(this.client.decide("http://127.0.0.1:" + closedPort + "/scco", Map.of(), SECRET))
			.isEqualTo(ANSWER_URL_FAILED);
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "  ", "/scco", "scco.php", "ftp://127.0.0.1/scco", "http:///scco", "http://a b/" })
	void failsWith1WithoutAnAbsoluteHttpUrl(String answerUrl) {
		assertThat(this.client.decide(answerUrl, Map.of(), SECRET)).isEqualTo(ANSWER_URL_FAILED);
	}

	@Test
	void failsWith2OnAnAnswerThatIsNotAnScco() {
		assertThat(this.client.decide(url("/invalid"), Map.of(), SECRET))
			.isEqualTo(new Failed(2, "Make call failed. Answer url scco incorrect format"));
	}

	private static String url(String pathAndQuery) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
	}

	/** The SCCO followed by spaces up to {@code size} bytes: valid JSON of exactly that size. */
	private static String padded(int size) {
		return SCCO + " ".repeat(size - SCCO.length());
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		String query = exchange.getRequestURI().getRawQuery();
		requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath()
				+ ((query != null) ? "?" + query : ""));
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, (bytes.length > 0) ? bytes.length : -1);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	/** Waits as a hung server does: longer than the client's 1 s timeout, bounded all the same. */
	private static void hang() {
		try {
			hung.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
