package asia.oncaller.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;

/** The customer's answer_url: a real HTTP server on loopback answering every request with one SCCO. */
final class AnswerUrl implements AutoCloseable {

	private final HttpServer server;

	AnswerUrl(String scco) throws IOException {
		byte[] body = scco.getBytes(StandardCharsets.UTF_8);
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/answer", (exchange) -> {
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/answer";
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
