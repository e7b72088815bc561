package asia.oncaller.sip;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

/**
 * A real SIPp ({@code /usr/bin/sipp}, Debian package {@code sip-tester}) playing a scenario from
 * {@code src/test/resources/sipp/} on 127.0.0.1, on free ports, for tests that need a SIP carrier.
 *
 * <pre>
 * try (SippProcess carrier = SippProcess.scenario("uas-answer.xml").in(testInfo).start()) {
 *     // point the server's trunk at 127.0.0.1:carrier.localPort(), place a call, hang up
 *     assertThat(carrier.exitCodeWithin(Duration.ofSeconds(10))).as(carrier::report).isZero();
 *     assertThat(carrier.messages()).contains("m=audio");
 * }
 * </pre>
 *
 * Exit codes are SIPp's: 0 every call succeeded, 1 at least one failed, 97 stopped by an internal
 * command, 99 no call processed, 255 (-1) fatal error, which includes reaching the run's
 * {@link SippOptions#timeout(Duration) timeout} ({@code -timeout_error}), 254 (-2) a socket could
 * not be bound. Logs are kept under
 * {@code target/sipp/<test>/<label>-*}: messages.log, errors.log, stat.csv, screen.log (the final
 * screens), actions.log (the scenario's {@code <log>} actions) and console.log. Closing kills SIPp
 * if it still runs.
 */
public final class SippProcess implements AutoCloseable {

	/** SIPp's exit code when it could not bind a socket: another process took a port we picked. */
	private static final int BIND_ERROR = 254;

	private static final int START_ATTEMPTS = 3;

	private static final List<String> LOG_SUFFIXES = List.of("console.log", "messages.log", "errors.log",
			"actions.log", "screen.log", "stat.csv");

	private final SippOptions options;

	private final SippPorts ports;

	private final Path logDir;

	private final Path scenarioDir;

	private final List<String> command;

	private final Process process;

	private SippProcess(SippOptions options, SippPorts ports, Path logDir, Path scenarioDir) throws IOException {
		this.options = options;
		this.ports = ports;
		this.logDir = logDir;
		this.scenarioDir = scenarioDir;
		this.command = command(options, ports, scenarioDir.resolve(options.scenario));
		// An earlier run's files would otherwise pass for this run's when SIPp fails early.
		for (String suffix : LOG_SUFFIXES) {
			Files.deleteIfExists(log(suffix));
		}
		this.process = new ProcessBuilder(this.command).directory(logDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log("console.log").toFile())
			.start();
	}

	/** A run of {@code src/test/resources/sipp/<file>}. */
	public static SippOptions scenario(String file) {
		return new SippOptions(file);
	}

	static SippProcess start(SippOptions options) {
		requireSipp();
		try {
			Path logDir = Files.createDirectories(baseDir().resolve("target/sipp").resolve(options.testName));
			for (Map.Entry<String, byte[]> file : options.files.entrySet()) {
				Files.write(logDir.resolve(file.getKey()), file.getValue());
			}
			Path scenarioDir = copyScenario(options.scenario);
			// The ports are free when picked but not reserved: if another process takes one
			// first, SIPp exits with BIND_ERROR and we try new ones.
			for (int attempt = 1;; attempt++) {
				SippProcess sipp = new SippProcess(options, SippPorts.pick(options.tcp), logDir, scenarioDir);
				try {
					sipp.awaitListening();
				}
				catch (RuntimeException ex) {
					sipp.close();
					throw ex;
				}
				if (sipp.process.isAlive() || sipp.process.exitValue() != BIND_ERROR || attempt == START_ATTEMPTS) {
					return sipp;
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start sipp for " + options.scenario, ex);
		}
	}

	/** The SIP port SIPp listens on, on 127.0.0.1. */
	public int localPort() {
		return this.ports.sip();
	}

	/** The RTP port in SIPp's SDP ({@code [media_port]}), the one {@code -rtp_echo} echoes on. */
	public int mediaPort() {
		return this.ports.media();
	}

	/** Whether SIPp still runs. */
	public boolean running() {
		return this.process.isAlive();
	}

	/**
	 * Waits for SIPp to finish and returns its exit code; if it has not finished by then, kills
	 * it and fails the test.
	 */
	public int exitCodeWithin(Duration limit) {
		try {
			if (!this.process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
				close();
				throw new AssertionError("sipp still ran after " + limit + ", killed it\n" + report());
			}
			return this.process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			close();
			throw new IllegalStateException("Interrupted while waiting for sipp", ex);
		}
	}

	/** Calls that ended as the scenario says, from the final {@code -trace_stat} row. */
	public long successfulCalls() {
		return SippStats.read(statFile(), "SuccessfulCall(C)");
	}

	/** Calls that failed for any reason, from the final {@code -trace_stat} row. */
	public long failedCalls() {
		return SippStats.read(statFile(), "FailedCall(C)");
	}

	/** Messages SIPp sent again for want of a response in time, from the final {@code -trace_stat} row. */
	public long retransmissions() {
		return SippStats.read(statFile(), "Retransmissions(C)");
	}

	/** Every SIP message sent and received so far, as SIPp logs them ({@code -trace_msg}). */
	public String messages() {
		return read(log("messages.log"));
	}

	/** Unexpected messages and failed checks ({@code -trace_err}). */
	public String errors() {
		return read(log("errors.log"));
	}

	/** The text of the scenario's {@code <log>} actions ({@code -trace_logs}). */
	public String logs() {
		return read(log("actions.log"));
	}

	/** The command, exit state, errors and console tail: a description for failed assertions. */
	public String report() {
		String state = this.process.isAlive() ? "running" : "exit code " + this.process.exitValue();
		String[] console = read(log("console.log")).split("\n");
		String tail = String.join("\n", Arrays.copyOfRange(console, Math.max(0, console.length - 30), console.length));
		return String.join(" ", this.command) + "\n" + state + ", logs in " + this.logDir + "\n" + errors() + "\n"
				+ tail;
	}

	/** Kills SIPp (and anything it started) if it still runs, and removes the scenario copy; idempotent. */
	@Override
	public void close() {
		this.process.descendants().forEach(ProcessHandle::destroyForcibly);
		this.process.destroyForcibly();
		try {
			this.process.waitFor(5, TimeUnit.SECONDS);
			Files.deleteIfExists(this.scenarioDir.resolve(this.options.scenario));
			Files.deleteIfExists(this.scenarioDir);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void awaitListening() {
		// SIPp prints nothing reliable when ready; its SIP port being bound is the signal.
		Awaitility.await("sipp listening on 127.0.0.1:" + localPort())
			.atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(10))
			.until(() -> !this.process.isAlive() || this.ports.sipPortTaken());
	}

	private Path statFile() {
		if (this.process.isAlive()) {
			throw new IllegalStateException("sipp still runs; exitCodeWithin first");
		}
		return log("stat.csv");
	}

	private Path log(String suffix) {
		return this.logDir.resolve(this.options.label() + "-" + suffix);
	}

	private List<String> command(SippOptions options, SippPorts ports, Path scenarioFile) {
		List<String> args = new ArrayList<>(List.of(sippBinary().toString()));
		if (options.remotePort != null) {
			args.add("127.0.0.1:" + options.remotePort);
		}
		args.addAll(List.of("-sf", scenarioFile.toString(), "-i", "127.0.0.1", "-mi", "127.0.0.1"));
		args.addAll(List.of("-p", String.valueOf(ports.sip()), "-mp", String.valueOf(ports.media()), "-cp",
				String.valueOf(ports.control())));
		args.add("-nostdin");
		args.addAll(List.of("-trace_msg", "-message_file", log("messages.log").toString()));
		args.addAll(List.of("-trace_err", "-error_file", log("errors.log").toString()));
		args.addAll(List.of("-trace_logs", "-log_file", log("actions.log").toString()));
		args.addAll(List.of("-trace_screen", "-screen_file", log("screen.log").toString()));
		args.addAll(List.of("-trace_stat", "-stf", log("stat.csv").toString(), "-fd", "1"));
		args.addAll(options.scenarioArguments());
		return args;
	}

	private static Path copyScenario(String file) throws IOException {
		Path dir = Files.createTempDirectory("sipp-");
		try (InputStream in = SippProcess.class.getResourceAsStream("/sipp/" + file)) {
			if (in == null) {
				throw new IllegalArgumentException("No scenario src/test/resources/sipp/" + file);
			}
			Files.copy(in, dir.resolve(file));
		}
		return dir;
	}

	private static void requireSipp() {
		if (!Files.isExecutable(sippBinary())) {
			throw new AssertionError("SIPp is not installed at " + sippBinary()
					+ ": install the Debian package sip-tester (.ci/run does), or point -Doncaller.sipp at a sipp binary");
		}
	}

	private static Path sippBinary() {
		return Path.of(System.getProperty("oncaller.sipp", "/usr/bin/sipp"));
	}

	private static Path baseDir() {
		// Surefire sets basedir to the module's directory; an IDE usually runs there anyway.
		return Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
	}

	private static String read(Path file) {
		try {
			return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
