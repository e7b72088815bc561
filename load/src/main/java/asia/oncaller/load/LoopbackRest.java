package asia.oncaller.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the REST benchmarks share: their {@code --name value} options, the refusal of any host but
 * loopback, and a timed GET with a REST token that must answer 200.
 */
final class LoopbackRest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String server;

	LoopbackRest(String server) {
		requireLoopback(URI.create(server).getHost());
		this.server = server;
	}

	/** {@code --name value} pairs, without the dashes. */
	static Map<String, String> options(String[] args) {
		Map<String, String> options = new HashMap<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
		}
		return options;
	}

	static void requireLoopback(String host) {
		if (host == null || !(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"))) {
			throw new IllegalArgumentException("The benchmark only targets loopback, not " + host);
		}
	}

	/**
	 * GETs {@code path} as JSON with the token, records the time to the whole answer in
	 * {@code stats} when one is given, and answers the parsed body; anything but 200 throws.
	 */
	JsonNode get(String path, String token, LatencyStats stats) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.server + path))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/json")
			.timeout(Duration.ofSeconds(30))
			.build();
		long started = System.nanoTime();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		long elapsed = System.nanoTime() - started;
		if (response.statusCode() != 200) {
			throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
		}
		if (stats != null) {
			stats.add(elapsed);
		}
		return JSON.readTree(response.body());
	}

}
