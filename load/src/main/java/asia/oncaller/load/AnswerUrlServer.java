package asia.oncaller.load;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The customer's answer_url, on 127.0.0.1 in the load client: every phone call is connected
 * from the caller's number (external) to the app user. It is a real HTTP round trip per call, as
 * with a customer's own server; the server reaches it only with
 * {@code oncaller.outbound.allow-private-networks=true}, since it is on loopback.
 */
final class AnswerUrlServer implements AutoCloseable {

	private final HttpServer http;

	private final String userId;

	private final AtomicInteger requests = new AtomicInteger();

	private AnswerUrlServer(HttpServer http, String userId) {
		this.http = http;
		this.userId = userId;
	}

	/** Starts on a free loopback port, with a few threads: the server asks once per call. */
	static AnswerUrlServer start(String userId) throws IOException {
		HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		AnswerUrlServer server = new AnswerUrlServer(http, userId);
		http.createContext("/answer", server::answer);
		http.setExecutor(Executors.newFixedThreadPool(4));
		http.start();
		return server;
	}

	String url() {
		return "http://127.0.0.1:" + this.http.getAddress().getPort() + "/answer";
	}

	int requests() {
		return this.requests.get();
	}

	private void answer(HttpExchange exchange) throws IOException {
		this.requests.incrementAndGet();
		String caller = query(exchange, "from");
		byte[] scco = """
				[{"action":"connect","from":{"type":"external","number":"%s"},
				  "to":{"type":"internal","number":"%s"},"timeout":30}]""".formatted(caller, this.userId)
			.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, scco.length);
		try (var body = exchange.getResponseBody()) {
			body.write(scco);
		}
	}

	/** A query parameter, decoded. */
	private static String query(HttpExchange exchange, String name) {
		String query = exchange.getRequestURI().getRawQuery();
		for (String pair : (query != null) ? query.split("&") : new String[0]) {
			int eq = pair.indexOf('=');
			if (eq > 0 && pair.substring(0, eq).equals(name)) {
				// Only what a number may hold, so that the SCCO stays valid JSON whatever the carrier sent.
				return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8).replaceAll("[^+0-9A-Za-z]", "");
			}
		}
		return "unknown";
	}

	@Override
	public void close() {
		this.http.stop(0);
	}

}
