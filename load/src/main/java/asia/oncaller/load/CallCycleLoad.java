package asia.oncaller.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.socket.messaging.WebSocketStompClient;

/**
 * The call-cycle benchmark: pairs of app users on a running server in demo mode (tokens from
 * {@code /demo/token}) run make, incomingCall, answer, hangup, and the tool prints cycles per
 * second, failures and the make-to-incomingCall latency. Bounded in count and in time, and it
 * refuses any server but loopback.
 * <p>
 * For a cluster (docs/cluster.md, "Sizing"), {@code --servers} lists the nodes: pair {@code i}'s
 * caller connects to node {@code i mod n} and its callee to the next node, so that every call
 * crosses nodes through RabbitMQ; {@code --idle} connects that many more clients, spread the same
 * way, that only stay connected while the calls run; {@code --idle-pause} seconds pass between
 * every client's connecting and the first call, for measuring what they alone cost (memory, RabbitMQ's
 * connections) and for taking RabbitMQ's message counters before the calls.
 *
 * <pre>
 * ./mvnw -q -pl load compile exec:java -Dexec.args="--calls 3000 --rate 0"    # throughput, closed loop
 * ./mvnw -q -pl load compile exec:java -Dexec.args="--calls 1500 --rate 50"   # latency at 50 calls/s
 * ./mvnw -q -pl load compile exec:java -Dexec.args="--servers http://127.0.0.1:8081,http://127.0.0.1:8082 --idle 500"
 * </pre>
 */
public final class CallCycleLoad {

	private static final Duration STEP_TIMEOUT = Duration.ofSeconds(5);

	private final List<String> servers;

	private final int idleClients;

	private final Duration idlePause;

	private final int pairs;

	private final int calls;

	private final double rate;

	private final Duration maxDuration;

	private final AtomicInteger failures = new AtomicInteger();

	private final AtomicInteger completed = new AtomicInteger();

	private final LatencyStats latency = new LatencyStats();

	private CallCycleLoad(Map<String, String> options) {
		this.servers = List.of(
				options.getOrDefault("servers", options.getOrDefault("server", "http://127.0.0.1:8080")).split(","));
		this.idleClients = Integer.parseInt(options.getOrDefault("idle", "0"));
		this.idlePause = Duration.ofSeconds(Long.parseLong(options.getOrDefault("idle-pause", "0")));
		this.pairs = Integer.parseInt(options.getOrDefault("pairs", "20"));
		this.calls = Integer.parseInt(options.getOrDefault("calls", "2000"));
		this.rate = Double.parseDouble(options.getOrDefault("rate", "0"));
		this.maxDuration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("max-seconds", "120")));
		for (String target : this.servers) {
			String host = URI.create(target).getHost();
			if (!host.equals("localhost") && !host.startsWith("127.") && !host.equals("[::1]")) {
				throw new IllegalArgumentException("The load client only targets loopback, not " + host);
			}
		}
	}

	public static void main(String[] args) throws Exception {
		new CallCycleLoad(parse(args)).run();
		System.exit(0);
	}

	private void run() throws Exception {
		WebSocketStompClient stomp = LoadClient.newStompClient();
		String run = Long.toString(System.currentTimeMillis(), 36);
		BlockingQueue<Pair> idle = new ArrayBlockingQueue<>(this.pairs);
		List<LoadClient> all = new ArrayList<>();
		for (int i = 0; i < this.idleClients; i++) {
			all.add(LoadClient.connect(stomp, wsUrl(i), token("idle-" + run + "-" + i), "i" + i));
		}
		if (this.idleClients > 0) {
			System.out.printf("idle=%d connected%n", this.idleClients);
		}
		for (int i = 0; i < this.pairs; i++) {
			String callerUser = "load-" + run + "-a" + i;
			String calleeUser = "load-" + run + "-b" + i;
			LoadClient caller = LoadClient.connect(stomp, wsUrl(i), token(callerUser), "a" + i);
			LoadClient callee = LoadClient.connect(stomp, wsUrl(i + 1), token(calleeUser), "b" + i);
			all.add(caller);
			all.add(callee);
			idle.add(new Pair(caller, callee, callerUser, calleeUser));
		}
		if (!this.idlePause.isZero()) {
			System.out.printf("connected=%d pausing=%ds%n", all.size(), this.idlePause.toSeconds());
			System.out.flush();
			TimeUnit.MILLISECONDS.sleep(this.idlePause.toMillis());
		}
		ExecutorService workers = Executors.newFixedThreadPool(this.pairs);
		long intervalNanos = (this.rate > 0) ? (long) (1_000_000_000L / this.rate) : 0;
		long start = System.nanoTime();
		long deadline = start + this.maxDuration.toNanos();
		int started = 0;
		while (started < this.calls && System.nanoTime() < deadline) {
			if (intervalNanos > 0) {
				long due = start + started * intervalNanos;
				long wait = due - System.nanoTime();
				if (wait > 0) {
					TimeUnit.NANOSECONDS.sleep(wait);
				}
			}
			Pair pair = idle.poll(STEP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			if (pair == null) {
				break;
			}
			started++;
			workers.execute(() -> {
				cycle(pair);
				idle.add(pair);
			});
		}
		workers.shutdown();
		workers.awaitTermination(STEP_TIMEOUT.toSeconds() * 4, TimeUnit.SECONDS);
		double seconds = (System.nanoTime() - start) / 1e9;
		all.forEach(LoadClient::close);
		stomp.stop();
		System.out.printf("cycles=%d failed=%d seconds=%.2f cycles/s=%.1f target-rate=%s%n", this.completed.get(),
				this.failures.get(), seconds, this.completed.get() / seconds,
				(this.rate > 0) ? this.rate + "/s" : "max");
		System.out.printf("make->incomingCall latency ms: p50=%.2f p90=%.2f p99=%.2f max=%.2f (n=%d)%n",
				this.latency.percentileMillis(50), this.latency.percentileMillis(90),
				this.latency.percentileMillis(99), this.latency.percentileMillis(100), this.latency.count());
	}

	/** One call cycle: make, wait for incomingCall, answer, hang up. */
	private void cycle(Pair pair) {
		LoadClient caller = pair.caller();
		LoadClient callee = pair.callee();
		try {
			long sent = System.nanoTime();
			Map<String, Object> made = caller
				.request("call.make", Map.of("fromNumber", pair.callerUser(), "toNumber", pair.calleeUser(), "isVideoCall", false))
				.get(STEP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			if (!Integer.valueOf(0).equals(made.get("r"))) {
				throw new IllegalStateException("make: " + made);
			}
			String callId = (String) made.get("callId");
			long arrived = callee.incomingCall(callId).get(STEP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			callee.forget(callId);
			this.latency.add(arrived - sent);
			expectOk(callee.request("call.answer", Map.of("callId", callId)).get(STEP_TIMEOUT.toMillis(),
					TimeUnit.MILLISECONDS));
			expectOk(caller.request("call.hangup", Map.of("callId", callId)).get(STEP_TIMEOUT.toMillis(),
					TimeUnit.MILLISECONDS));
			this.completed.incrementAndGet();
		}
		catch (Exception ex) {
			if (this.failures.incrementAndGet() <= 5) {
				System.err.println("cycle failed: " + ex);
			}
		}
	}

	private static void expectOk(Map<String, Object> reply) {
		if (!Integer.valueOf(0).equals(reply.get("r"))) {
			throw new IllegalStateException(String.valueOf(reply));
		}
	}

	/** The WebSocket URL of the node that client {@code i} connects to. */
	private String wsUrl(int i) {
		return this.servers.get(i % this.servers.size()).replaceFirst("^http", "ws") + "/ws";
	}

	private String token(String userId) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.servers.get(0) + "/demo/token?userId=" + userId)).build(),
					HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("The server must run in demo mode: /demo/token answered "
					+ response.statusCode());
		}
		return (String) JsonMapper.builder().build().readValue(response.body(), Map.class).get("accessToken");
	}

	/** A caller and a callee that run one cycle at a time. */
	private record Pair(LoadClient caller, LoadClient callee, String callerUser, String calleeUser) {
	}

	private static Map<String, String> parse(String[] args) {
		Map<String, String> options = new HashMap<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
		}
		return options;
	}

}
