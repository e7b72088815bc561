package asia.oncaller.turn;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.awaitility.Awaitility.await;

/**
 * A real coturn (Debian's {@code coturn}) for the tests of a class, configured as
 * docs/operations.md tells operators to pair it with OnCaller: {@code use-auth-secret} with a
 * {@code static-auth-secret}, a fixed realm, plain UDP/TCP only ({@code no-tls}, {@code no-dtls}),
 * no CLI, listening and relaying on one address (127.0.0.1 unless {@link #onAddress} says) and a
 * free port (unless {@link #onPort} says). Register it with {@code @RegisterExtension}, or call {@link #start()} and
 * {@link #stop()}. The secret goes in a config file readable by its owner only, never on the
 * command line where {@code ps} shows it; its own user database goes under {@code target/}, so
 * the machine's {@code /var/lib/turn} is never touched. Its files (config, log) are in
 * {@code target/coturn-<port>-<random>/}.
 */
public class CoturnProcess implements BeforeAllCallback, AfterAllCallback {

	/** The realm coturn puts in its challenges. */
	public static final String REALM = "oncaller.test";

	private final String secret;

	private final List<String> extraLines;

	private String address = "127.0.0.1";

	private int port;

	private Process process;

	private Path log;

	/**
	 * @param secret the {@code static-auth-secret} shared with the server
	 * @param extraLines more lines of its config file, e.g. {@code allow-loopback-peers}
	 */
	public CoturnProcess(String secret, String... extraLines) {
		this.secret = secret;
		this.extraLines = List.of(extraLines);
	}

	/** Where it listens and relays ({@code listening-ip}, {@code relay-ip}); 127.0.0.1 unless set. */
	public CoturnProcess onAddress(String address) {
		this.address = address;
		return this;
	}

	/** Its listening port (a free one, picked at start, unless set): a restart keeps the URL. */
	public CoturnProcess onPort(int port) {
		this.port = port;
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

	/** Starts it and returns once it listens. */
	public void start() throws IOException {
		if (this.port == 0) {
			this.port = freeUdpPort(this.address);
		}
		Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "coturn-" + this.port + "-")
			.toAbsolutePath();
		this.log = dir.resolve("coturn.log");
		// A random range of relay ports, apart from the media tests' rtpengine range (20000-28999).
		int minPort = 30000 + ThreadLocalRandom.current().nextInt(0, 45) * 200;
		List<String> lines = new ArrayList<>(List.of("listening-ip=" + this.address, "relay-ip=" + this.address,
				"listening-port=" + this.port, "min-port=" + minPort, "max-port=" + (minPort + 199), "use-auth-secret",
				"static-auth-secret=" + this.secret, "realm=" + REALM, "no-tls", "no-dtls", "no-cli", "no-rfc5780",
				"no-software-attribute", "simple-log", "log-file=" + this.log, "pidfile=" + dir.resolve("coturn.pid"),
				"userdb=" + dir.resolve("turndb")));
		lines.addAll(this.extraLines);
		Path config = dir.resolve("turnserver.conf");
		Files.createFile(config, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		Files.write(config, lines);
		this.process = new ProcessBuilder("/usr/bin/turnserver", "-c", config.toString()).redirectErrorStream(true)
			.redirectOutput(dir.resolve("stdout.log").toFile())
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
			.start();
		await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("coturn exited: " + log());
			}
			return log().contains("Total General servers");
		});
	}

	/** Stops it (SIGTERM, then SIGKILL after 5 s); idempotent. */
	public void stop() throws InterruptedException {
		if (this.process != null) {
			this.process.destroy();
			if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
	}

	/** Its UDP (and TCP) listening address. */
	public InetSocketAddress address() {
		return new InetSocketAddress(this.address, this.port);
	}

	/** The URL clients are given, e.g. {@code turn:127.0.0.1:34781?transport=udp}. */
	public String url() {
		return "turn:" + this.address + ":" + this.port + "?transport=udp";
	}

	/** What it logged so far, for the message of a failing assertion and for checks of what it did. */
	public String log() {
		try {
			return Files.exists(this.log) ? Files.readString(this.log) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A UDP port that nothing holds on {@code address} now. */
	public static int freeUdpPort(String address) throws IOException {
		try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(address, 0))) {
			return socket.getLocalPort();
		}
	}

}
