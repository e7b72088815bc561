package asia.oncaller.records;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import tools.jackson.databind.json.JsonMapper;

/**
 * A client of a server-sent event stream for the tests, as the console reads it: the token in a
 * header, every {@code calls} event parsed and queued.
 */
final class EventStream implements AutoCloseable {

	private final BlockingQueue<List<Map<String, Object>>> snapshots = new LinkedBlockingQueue<>();

	private final CompletableFuture<HttpResponse<Stream<String>>> response;

	private final JsonMapper json;

	private EventStream(CompletableFuture<HttpResponse<Stream<String>>> response, JsonMapper json) {
		this.response = response;
		this.json = json;
	}

	@SuppressWarnings("unchecked")
	static EventStream open(int port, String token, JsonMapper json) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/live-calls"))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "text/event-stream")
			.build();
		CompletableFuture<HttpResponse<Stream<String>>> response = HttpClient.newHttpClient()
			.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
		EventStream stream = new EventStream(response, json);
		response.thenAcceptAsync((answer) -> answer.body().forEach((line) -> {
			if (line.startsWith("data:")) {
				stream.snapshots.add(json.readValue(line.substring(5), List.class));
			}
		}));
		return stream;
	}

	/** The status of the answer. */
	int status() throws Exception {
		return this.response.get(10, TimeUnit.SECONDS).statusCode();
	}

	/** The next snapshot that satisfies {@code condition}, skipping the others; fails after 10 s. */
	List<Map<String, Object>> next(Predicate<List<Map<String, Object>>> condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline) {
			List<Map<String, Object>> snapshot = this.snapshots.poll(100, TimeUnit.MILLISECONDS);
			if (snapshot != null && condition.test(snapshot)) {
				return snapshot;
			}
		}
		throw new AssertionError("No such snapshot within 10 s");
	}

	/** Whether a snapshot satisfying {@code condition} arrives within {@code time}. */
	boolean arrives(Predicate<List<Map<String, Object>>> condition, Duration time) throws InterruptedException {
		long deadline = System.nanoTime() + time.toNanos();
		while (System.nanoTime() < deadline) {
			List<Map<String, Object>> snapshot = this.snapshots.poll(100, TimeUnit.MILLISECONDS);
			if (snapshot != null && condition.test(snapshot)) {
				return true;
			}
		}
		return false;
	}

	static Predicate<List<Map<String, Object>>> has(String callId) {
		return (calls) -> calls.stream().anyMatch((call) -> callId.equals(call.get("callId")));
	}

	@Override
	public void close() {
		this.response.cancel(true);
		this.response.thenAccept((answer) -> answer.body().close());
	}

}
