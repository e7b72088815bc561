package asia.oncaller.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A customer's URL that the server POSTs to and runs the answer of (a connect's onFailEventUrl,
 * an input's eventUrl): a real HTTP server on loopback that records every POST (headers, raw
 * body, JSON) and answers with the status and body a test sets, optionally only once the test
 * lets it.
 */
public final class CustomerEventServer implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private volatile int status = 200;

	private volatile String body = "[]";

	private volatile CountDownLatch gate = new CountDownLatch(0);

	/** One request as received, header names in lower case. */
	public record Request(String url, Map<String, String> headers, String body, Map<String, Object> json) {
	}

	public CustomerEventServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.setExecutor(this.executor);
		this.server.createContext("/failed", (exchange) -> {
			String received;
			try (InputStream in = exchange.getRequestBody()) {
				received = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			Map<String, String> headers = new HashMap<>();
			exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
			@SuppressWarnings("unchecked")
			Map<String, Object> json = JSON.readValue(received, Map.class);
			this.requests.add(new Request(url(), headers, received, json));
			await(this.gate);
			byte[] bytes = this.body.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(this.status, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
			catch (IOException ex) {
				// The server gave up waiting, as a test may want it to.
			}
		});
		this.server.start();
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/failed";
	}

	/** Answers every request with this status and body from now on. */
	public void respond(int status, String body) {
		this.status = status;
		this.body = body;
	}

	/** Holds every answer until {@link #release()}. */
	public void hold() {
		this.gate = new CountDownLatch(1);
	}

	public void release() {
		this.gate.countDown();
	}

	public List<Request> requests() {
		return List.copyOf(this.requests);
	}

	@Override
	public void close() {
		release();
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
