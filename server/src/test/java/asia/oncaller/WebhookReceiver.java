package asia.oncaller;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A customer's event_url: a real HTTP server on loopback that records every request (headers and
 * JSON body) and answers with the status a test chooses for the n-th request it receives.
 */
public final class WebhookReceiver implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final AtomicInteger count = new AtomicInteger();

	private volatile IntUnaryOperator statusForRequest = (n) -> 200;

	/** Open unless {@link #hold()} closed it: requests wait here, like at a hung endpoint. */
	private volatile CountDownLatch gate = new CountDownLatch(0);

	private final AtomicInteger waiting = new AtomicInteger();

	/** One request as received (to {@link #url()}), with the status it was answered. */
	public record Request(String url, Map<String, String> headers, String body, Map<String, Object> json, int status) {
	}

	public WebhookReceiver() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.setExecutor(Executors.newCachedThreadPool());
		this.server.createContext("/events", (exchange) -> {
			int n = this.count.incrementAndGet();
			String body;
			try (InputStream in = exchange.getRequestBody()) {
				body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			awaitGate();
			int status = this.statusForRequest.applyAsInt(n);
			Map<String, String> headers = new HashMap<>();
			exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
			@SuppressWarnings("unchecked")
			Map<String, Object> json = JSON.readValue(body, Map.class);
			this.requests.add(new Request(url(), headers, body, json, status));
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		this.server.start();
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/events";
	}

	/** Answers the n-th request (from 1) with the status the function gives. */
	public void respond(IntUnaryOperator statusForRequest) {
		this.statusForRequest = statusForRequest;
	}

	/** Holds every request unanswered, as a hung endpoint would, until {@link #close()}. */
	public void hold() {
		this.gate = new CountDownLatch(1);
	}

	/** How many requests are held unanswered now. */
	public int waiting() {
		return this.waiting.get();
	}

	public List<Request> requests() {
		return List.copyOf(this.requests);
	}

	/** The requests answered 2xx, in the order received. */
	public List<Request> delivered() {
		return this.requests.stream().filter((r) -> r.status() >= 200 && r.status() < 300).toList();
	}

	@Override
	public void close() {
		this.gate.countDown();
		this.server.stop(0);
	}

	private void awaitGate() {
		this.waiting.incrementAndGet();
		try {
			// Bounded, so that a test that forgets to close cannot hang a server thread for ever.
			this.gate.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.waiting.decrementAndGet();
		}
	}

}
