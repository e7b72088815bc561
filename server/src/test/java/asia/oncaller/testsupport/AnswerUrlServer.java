package asia.oncaller.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import com.sun.net.httpserver.HttpServer;

/**
 * A customer's answer_url: a real HTTP server on loopback that answers every GET with the SCCO
 * a test sets, and remembers the query parameters of the last request.
 */
public final class AnswerUrlServer implements AutoCloseable {

	private static final long HOLD_LIMIT_SECONDS = 10;

	private final HttpServer server;

	/** The answer's body, from the request's query. */
	private final AtomicReference<Function<Map<String, String>, byte[]>> body = new AtomicReference<>(
			(query) -> "[]".getBytes(StandardCharsets.UTF_8));

	private final AtomicReference<String> contentType = new AtomicReference<>("application/json");

	private final AtomicReference<Integer> status = new AtomicReference<>(200);

	private final AtomicReference<Map<String, String>> lastQuery = new AtomicReference<>(Map.of());

	private final AtomicReference<Map<String, String>> lastHeaders = new AtomicReference<>(Map.of());

	private final AtomicReference<String> lastUrl = new AtomicReference<>();

	private final AtomicInteger requests = new AtomicInteger();

	private final AtomicReference<CountDownLatch> hold = new AtomicReference<>(new CountDownLatch(0));

	/** Starts it on a free port of 127.0.0.1, answering {@code []} until told otherwise. */
	public AnswerUrlServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/answer", (exchange) -> {
			this.requests.incrementAndGet();
			Map<String, String> query = parse(exchange.getRequestURI());
			this.lastQuery.set(query);
			this.lastUrl.set("http://127.0.0.1:" + this.server.getAddress().getPort() + exchange.getRequestURI());
			Map<String, String> headers = new LinkedHashMap<>();
			exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
			this.lastHeaders.set(headers);
			try {
				// Bounded, so that a test that forgets to let go cannot hang the server's request.
				this.hold.get().await(HOLD_LIMIT_SECONDS, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			byte[] bytes = this.body.get().apply(query);
			exchange.getResponseHeaders().set("Content-Type", this.contentType.get());
			exchange.sendResponseHeaders(this.status.get(), bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		});
		this.server.start();
	}

	/**
	 * Keeps every answer from now on waiting until the latch opens (at most 10 s): a customer's
	 * server that is slow to decide, so a call's set-up stays under way.
	 */
	public void holdUntil(CountDownLatch release) {
		this.hold.set(release);
	}

	/** How many requests it has had. */
	public int requests() {
		return this.requests.get();
	}

	/** Its answer_url, to set on a project or number. */
	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/answer";
	}

	/** Answers with this SCCO and status 200 from now on. */
	public void respond(String scco) {
		respond("application/json", scco.getBytes(StandardCharsets.UTF_8));
	}

	/** Answers with these bytes (not always valid UTF-8), as this content type, and status 200. */
	public void respond(String contentType, byte[] body) {
		this.status.set(200);
		this.contentType.set(contentType);
		this.body.set((query) -> body);
	}

	/**
	 * Connects every call to the app user its caller dialled (the request's {@code to}), ringing
	 * for {@code timeout} seconds, from now on: many callers and callees at once, as under load.
	 */
	public void respondConnectingToDialledUser(int timeout) {
		this.status.set(200);
		this.contentType.set("application/json");
		this.body.set((query) -> connectToUser(query.get("to"), timeout).getBytes(StandardCharsets.UTF_8));
	}

	/** Answers with this HTTP status from now on (the body stays). */
	public void respondStatus(int status) {
		this.status.set(status);
	}

	/** An SCCO connecting to an app user, ringing for {@code timeout} seconds. */
	public static String connectToUser(String userId, int timeout) {
		return """
				[{"action":"connect","from":{"type":"internal","number":"alice","alias":"Alice"},
				  "to":{"type":"internal","number":"%s","alias":"Callee"},"customData":"order-42","timeout":%d}]"""
			.formatted(userId, timeout);
	}

	/** An SCCO that puts a phone's call through to an app user, showing the phone's number. */
	public static String connectPhoneToUser(String phoneNumber, String userId, int timeout) {
		return """
				[{"action":"connect","from":{"type":"external","number":"%s"},
				  "to":{"type":"internal","number":"%s"},"timeout":%d}]""".formatted(phoneNumber, userId, timeout);
	}

	/** An SCCO connecting to a phone number from the given caller id. */
	public static String connectToPhone(String fromNumber, String toNumber) {
		return """
				[{"action":"connect","from":{"type":"external","number":"%s","alias":"Shop"},
				  "to":{"type":"external","number":"%s"}}]""".formatted(fromNumber, toNumber);
	}

	/** The query parameters of the last request, decoded. */
	public Map<String, String> lastQuery() {
		return this.lastQuery.get();
	}

	/** The headers of the last request, names in lower case. */
	public Map<String, String> lastHeaders() {
		return this.lastHeaders.get();
	}

	/** The full URL of the last request, query included, as the server sent it. */
	public String lastUrl() {
		return this.lastUrl.get();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private static Map<String, String> parse(URI uri) {
		Map<String, String> query = new LinkedHashMap<>();
		if (uri.getRawQuery() == null) {
			return query;
		}
		for (String pair : uri.getRawQuery().split("&")) {
			int eq = pair.indexOf('=');
			query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
					URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
		}
		return query;
	}

}
