package asia.oncaller.media;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.awaitility.Awaitility.await;

/**
 * A real rtpengine (Debian's {@code rtpengine-daemon}) for the tests of a class, started before
 * them and stopped after: {@code @RegisterExtension static RtpEngineProcess rtpengine = new
 * RtpEngineProcess();}.
 * <p>
 * Userspace only ({@code --table=-1}, no kernel module), on loopback unless {@link #onInterface}
 * says otherwise (WebRTC clients need an address they gather ICE candidates on, and libwebrtc
 * ignores loopback), with its ng port free and picked at start unless {@link #ngPort} says. Outside
 * JUnit's class lifecycle, {@link #start()} and {@link #stop()}. It runs as root as it
 * is (rtpengine has no root check; {@code --no-fallback} would do the opposite of what we want,
 * demand the kernel module). {@code --config-file=none} matters: without it the daemon reads
 * {@code /etc/rtpengine/rtpengine.conf}, whose CLI and HTTP ports would collide between two
 * instances. Its log goes to {@code target/rtpengine-<ng port>.log}.
 */
public class RtpEngineProcess implements BeforeAllCallback, AfterAllCallback {

	private final List<String> extraOptions;

	private String interfaceAddress = "127.0.0.1";

	private int ngPort;

	private Process process;

	private InetSocketAddress ng;

	private Path log;

	private RtpEngineClient client;

	private MediaBridge bridge;

	public RtpEngineProcess(String... extraOptions) {
		this.extraOptions = List.of(extraOptions);
	}

	/** Its media address, {@code --interface} (127.0.0.1 unless set). */
	public RtpEngineProcess onInterface(String address) {
		this.interfaceAddress = address;
		return this;
	}

	/** Its ng port on 127.0.0.1, {@code --listen-ng} (a free one, picked at start, unless set). */
	public RtpEngineProcess ngPort(int port) {
		this.ngPort = port;
		return this;
	}

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		start();
	}

	@Override
	public void afterAll(ExtensionContext context) throws Exception {
		stop();
	}

	/** Starts it and returns once it answers an ng {@code ping}. */
	public void start() throws IOException {
		int ngPort = (this.ngPort != 0) ? this.ngPort : freeUdpPort();
		// A random range of media ports; rtpengine skips a port that something else holds.
		int portMin = 20000 + ThreadLocalRandom.current().nextInt(0, 45) * 200;
		List<String> command = new ArrayList<>(List.of("/usr/bin/rtpengine", "--config-file=none", "--foreground",
				"--table=-1", "--interface=" + this.interfaceAddress, "--listen-ng=127.0.0.1:" + ngPort, "--port-min=" + portMin,
				"--port-max=" + (portMin + 199), "--log-stderr", "--log-level=6", "--delete-delay=0"));
		command.addAll(this.extraOptions);
		for (String option : this.extraOptions) {
			if (option.startsWith("--recording-dir=")) {
				// rtpengine makes its metadata and pcaps folders, not the one they go in.
				Files.createDirectories(Path.of(option.substring("--recording-dir=".length())));
			}
		}
		this.log = Path.of("target", "rtpengine-" + ngPort + ".log");
		Files.createDirectories(this.log.getParent());
		this.process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.log.toFile())
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
			.start();
		this.ng = new InetSocketAddress("127.0.0.1", ngPort);
		this.client = newClient(Duration.ofSeconds(1), 1);
		this.bridge = new MediaBridge(this.client);
		try (RtpEngineClient client = newClient(Duration.ofMillis(200), 0)) {
			await().atMost(Duration.ofSeconds(10)).ignoreException(RtpEngineTimeoutException.class).until(() -> {
				if (!this.process.isAlive()) {
					throw new IllegalStateException("rtpengine exited: " + Files.readString(this.log));
				}
				return "pong".equals(client.request("ping", Map.of()).get("result"));
			});
		}
	}

	/** Stops it (SIGTERM, then SIGKILL after 5 s); idempotent. */
	public void stop() throws InterruptedException {
		if (this.client != null) {
			this.client.close();
			this.client = null;
		}
		if (this.process != null) {
			this.process.destroy();
			if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
	}

	/** Its ng control address. */
	public InetSocketAddress ng() {
		return this.ng;
	}

	/** A client for the tests of the class, closed after them. */
	RtpEngineClient client() {
		return this.client;
	}

	/** A media bridge on {@link #client()}. */
	MediaBridge bridge() {
		return this.bridge;
	}

	/** A recorder on {@link #client()}, for tests of other modules. */
	public MediaRecorder recorder() {
		return new MediaRecorder(this.client);
	}

	/** One ng request on {@link #client()}, for tests of other modules that set up calls of their own. */
	public Map<String, Object> request(String command, Map<String, Object> arguments) {
		return this.client.request(command, arguments);
	}

	RtpEngineClient newClient(Duration timeout, int retries) {
		return new RtpEngineClient(this.ng, timeout, retries);
	}

	/** What it logged so far, for the message of a failing assertion. */
	public String log() {
		try {
			return Files.readString(this.log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static int freeUdpPort() throws IOException {
		try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
			return socket.getLocalPort();
		}
	}

}
