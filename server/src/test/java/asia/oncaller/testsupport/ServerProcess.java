package asia.oncaller.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import asia.oncaller.OnCallerApplication;
import asia.oncaller.TestTenants;
import asia.oncaller.auth.TokenIssuer;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * The server in a JVM of its own, started from the test run's classpath (so with the test
 * configuration: a throw-away embedded PostgreSQL unless a {@code spring.datasource.url} is given,
 * the test operator token), for what an in-process server cannot show: how it fares with a small
 * heap, or a node of a cluster killed with SIGKILL. It talks REST to it as an operator and a
 * customer would.
 */
public final class ServerProcess implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

	private final Process process;

	private final int port;

	private final Path log;

	private final HttpClient http = HttpClient.newHttpClient();

	private ServerProcess(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/** Starts the server with this heap and these extra {@code --name=value} arguments; waits until it is UP. */
	public static ServerProcess start(String maxHeap, String... arguments) throws IOException {
		int port = freePort();
		Path log = Files.createTempFile("oncaller-server-", ".log");
		// C1 only (TieredStopAtLevel=1): the server starts in half the time on a busy CI machine;
		// what is measured here is memory, not peak speed.
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
				"-Xmx" + maxHeap, "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1", "-cp",
				System.getProperty("java.class.path"),
				OnCallerApplication.class.getName(), "--server.port=" + port,
				"--spring.datasource.hikari.maximum-pool-size=4"));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		ServerProcess server = new ServerProcess(process, port, log);
		try {
			await().atMost(Duration.ofMinutes(3))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> !process.isAlive() || server.failedToStart() || server.healthUp());
			if (!process.isAlive() || server.failedToStart()) {
				throw new ServerDidNotStartException(server.output(), log);
			}
			return server;
		}
		catch (RuntimeException ex) {
			server.close();
			throw ex;
		}
	}

	public int port() {
		return this.port;
	}

	public long pid() {
		return this.process.pid();
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * Whether Spring Boot gave up starting it: the JVM may live on after that (threads that
	 * are not daemons), so waiting for it to end or to be UP would wait for nothing.
	 */
	private boolean failedToStart() throws IOException {
		return output().contains("Application run failed");
	}

	/** A server that failed to start; its output says why. */
	public static final class ServerDidNotStartException extends IllegalStateException {

		private final String output;

		ServerDidNotStartException(String output, Path log) {
			super("The server did not start; its log: " + log);
			this.output = output;
		}

		/** Whether it failed because a port it binds was taken (a free port found taken by the time it bound it). */
		public boolean portTaken() {
			return this.output.contains("Address already in use");
		}

	}

	/** The server's own output so far. */
	public String output() throws IOException {
		return Files.readString(this.log);
	}

	public boolean healthUp() {
		try {
			HttpResponse<String> health = this.http.send(request("/actuator/health", null).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			return health.statusCode() == 200 && health.body().contains("\"UP\"");
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** The heap in use right after a full collection, in KB, as {@code jcmd} reports it. */
	public long heapUsedAfterGc() throws Exception {
		jcmd("GC.run");
		Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
		if (!used.find()) {
			throw new IllegalStateException("No heap figure from jcmd");
		}
		return Long.parseLong(used.group(1));
	}

	/** POSTs a JSON body with a bearer token; returns the JSON answer, which must be a 2xx. */
	public Map<String, Object> post(String path, String token, Map<String, Object> body) throws Exception {
		HttpResponse<String> response = this.http.send(
				request(path, token).header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
					.build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
		}
		return JSON.readValue(response.body(), Map.class);
	}

	/** A funded account with one project whose answer_url is given; returns the project. */
	public Map<String, Object> project(String answerUrl) throws Exception {
		Map<String, Object> account = post("/v1/accounts", TestTenants.OPERATOR_TOKEN,
				Map.of("name", "Load", "currency", "USD"));
		post("/v1/accounts/" + account.get("id") + "/top-ups", TestTenants.OPERATOR_TOKEN,
				Map.of("amount", "10.00", "idempotencyKey", "load"));
		String accountToken = new TokenIssuer().restToken((String) account.get("id"),
				(String) account.get("secret"), Duration.ofHours(1));
		return post("/v1/projects", accountToken, Map.of("name", "Load", "answerUrl", answerUrl));
	}

	/**
	 * Kills the server as {@code kill -9} does (SIGKILL): no shutdown hook, no goodbye to clients,
	 * carriers or the database. Returns once the process is gone.
	 */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			throw new IllegalStateException("The server did not die within 30 s of SIGKILL");
		}
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	private HttpRequest.Builder request(String path, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(10));
		return (token != null) ? request.header("Authorization", "Bearer " + token) : request;
	}

	private String jcmd(String command) throws Exception {
		Path jcmd = Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("jcmd");
		Process process = new ProcessBuilder(jcmd.toString(), String.valueOf(this.process.pid()), command)
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes());
		if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IllegalStateException("jcmd " + command + " failed: " + output);
		}
		return output;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
