package asia.oncaller.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * An app user's device on a network of its own, as a phone or laptop is: a child JVM
 * ({@link RemoteCalleeMain}) in a network namespace of its own, whose links to the test's
 * namespace (where the server and the other party run) the test adds, cuts and removes with
 * {@code ip}, so that the device's addresses really change and its media and signaling really
 * lose their path. The test JVM runs as root in {@code .ci/netns.sh}'s namespace, so all of this
 * stays inside that namespace and goes when the test's processes end.
 * <p>
 * A {@link Link} is a veth pair: 10.213.N.1 on the test's side, 10.213.N.2 on the device's, which
 * routes everything through its newest link. The device reaches the server through a relay on
 * 10.213.0.1 (the test namespace's own address, on no link of the device; the server listens on
 * loopback only), so that it gets back in over whichever link it has. Its client reports what
 * happens as lines (see {@link RemoteCalleeMain}).
 * <p>
 * Needs root in the test's namespace (which {@code .ci/netns.sh} gives), util-linux's
 * {@code unshare} and {@code nsenter}, iproute2's {@code ip} and {@code ss}, and a kernel that
 * lets {@code ss -K} close sockets ({@code CONFIG_INET_DIAG_DESTROY}, as Debian's has); a
 * command that fails fails the test, with its output.
 */
final class RemoteCallee implements AutoCloseable {

	/** The device's first network, "Wi-Fi". */
	static final Link WIFI = new Link("wifi", 1);

	/** The device's second network, "cellular". */
	static final Link CELLULAR = new Link("cell", 2);

	private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);

	private static final Duration TIMEOUT = Duration.ofSeconds(40);

	/** Where the device reaches the server, which listens on loopback only. */
	private final DroppingProxy door;

	private final Process process;

	private final OutputStream commands;

	private final List<String> output = new ArrayList<>();

	private final List<String> reports = new ArrayList<>();

	/**
	 * Starts the device in its namespace, wires {@link #WIFI}, connects it to the server on
	 * {@code serverPort} as {@code userId}, sending a tone at {@code hz}, and waits for its
	 * {@code authen}; it answers the first call it gets.
	 */
	static RemoteCallee start(int serverPort, String token, String userId, double hz) {
		DroppingProxy door = new DroppingProxy(serverAddress(), serverPort);
		RemoteCallee device = new RemoteCallee(door, List.of("unshare", "-n",
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-cp",
				System.getProperty("java.class.path"), RemoteCalleeMain.class.getName(), door.webSocketUrl(), token,
				userId, userId + "-phone", String.valueOf(hz)));
		try {
			device.awaitReport("started");
			device.attach(WIFI);
			device.send("connect");
			device.awaitReport("authen");
			return device;
		}
		catch (RuntimeException | AssertionError ex) {
			device.close();
			throw ex;
		}
	}

	private RemoteCallee(DroppingProxy door, List<String> command) {
		this.door = door;
		try {
			this.process = new ProcessBuilder(command).redirectErrorStream(true).start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.commands = this.process.getOutputStream();
		Thread reader = new Thread(this::read, "remote-callee-output");
		reader.setDaemon(true);
		reader.start();
	}

	/** Adds a network: the device gets the link's address and routes through it. */
	void attach(Link link) {
		run("ip", "link", "add", link.here(), "type", "veth", "peer", "name", link.there(), "netns",
				String.valueOf(this.process.pid()));
		run("ip", "addr", "add", link.address(1) + "/24", "dev", link.here());
		run("ip", "link", "set", link.here(), "up");
		inDevice("ip", "link", "set", "lo", "up");
		inDevice("ip", "addr", "add", link.address(2) + "/24", "dev", link.there());
		inDevice("ip", "link", "set", link.there(), "up");
		inDevice("ip", "route", "replace", "default", "via", link.address(1), "dev", link.there());
	}

	/** Removes a network for good: its address goes from the device, with the connections over it. */
	void remove(Link link) {
		resetConnections(link);
		run("ip", "link", "del", link.here());
	}

	/** Takes the link down (no carrier on the device's side): nothing passes until {@link #up}. */
	void down(Link link) {
		run("ip", "link", "set", link.here(), "down");
		resetConnections(link);
	}

	/** Brings the link back up. */
	void up(Link link) {
		run("ip", "link", "set", link.here(), "up");
	}

	/**
	 * Resets the TCP connections over the link's device address at both ends, as a phone's system
	 * does to its own when it loses a network, and as the server then sees it: without this the
	 * WebSocket would wait for the STOMP heart-beats to notice (30 s), past the outage.
	 */
	private void resetConnections(Link link) {
		inDevice("ss", "-K", "-t", "src", link.address(2));
		run("ss", "-K", "-t", "dst", link.address(2));
	}

	/** Sends a command to the device (see {@link RemoteCalleeMain}). */
	void send(String command) {
		try {
			this.commands.write((command + "\n").getBytes(StandardCharsets.UTF_8));
			this.commands.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("the device is gone; its output:\n" + output(), ex);
		}
	}

	/** Sends a command and returns the details of its (next) report {@code what}. */
	String ask(String command, String what) {
		int before = count(what);
		send(command);
		return awaitReport(what, before + 1);
	}

	/** @return the details of the first report {@code what}, waiting for it */
	String awaitReport(String what) {
		return awaitReport(what, 1);
	}

	/** @return the details of the {@code n}th report {@code what}, waiting for it */
	String awaitReport(String what, int n) {
		try {
			Await.until(TIMEOUT, "report '" + what + "' #" + n + " of the device", () -> count(what) >= n);
		}
		catch (RuntimeException ex) {
			throw new AssertionError("the device's output:\n" + output(), ex);
		}
		synchronized (this.output) {
			return this.reports.stream().filter((r) -> isReport(r, what)).skip(n - 1).findFirst().orElseThrow()
				.substring(what.length())
				.trim();
		}
	}

	/** @return how many reports {@code what} the device made */
	int count(String what) {
		synchronized (this.output) {
			return (int) this.reports.stream().filter((r) -> isReport(r, what)).count();
		}
	}

	/** @return the reports so far, in order */
	List<String> reports() {
		synchronized (this.output) {
			return List.copyOf(this.reports);
		}
	}

	/** Measures the tone the device hears, from now on: {frequency, peak}. */
	double[] tone() {
		String[] parts = ask("tone", "tone").split(" ");
		return new double[] { Double.parseDouble(parts[0]), Double.parseDouble(parts[1]) };
	}

	/** @return the audio packets the device has received */
	long packets() {
		return Long.parseLong(ask("packets", "packets"));
	}

	@Override
	public void close() {
		if (this.process.isAlive()) {
			try {
				send("quit");
				this.process.waitFor(15, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (RuntimeException ex) {
				// gone already
			}
		}
		this.process.destroyForcibly();
		try {
			this.door.close();
		}
		catch (IOException ex) {
			// closed already
		}
	}

	private static InetAddress serverAddress() {
		try {
			return InetAddress.getByName("10.213.0.1");
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean isReport(String report, String what) {
		return report.equals(what) || report.startsWith(what + " ");
	}

	private String output() {
		synchronized (this.output) {
			return String.join("\n", this.output);
		}
	}

	private void read() {
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				synchronized (this.output) {
					this.output.add(line);
					if (line.startsWith("@@ ")) {
						this.reports.add(line.substring(3));
					}
				}
			}
		}
		catch (IOException ex) {
			// the device is gone
		}
	}

	private void inDevice(String... command) {
		List<String> full = new ArrayList<>(List.of("nsenter", "-t", String.valueOf(this.process.pid()), "-n"));
		full.addAll(List.of(command));
		run(full.toArray(String[]::new));
	}

	private static void run(String... command) {
		try {
			Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
			boolean done = p.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
			String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!done || p.exitValue() != 0) {
				p.destroyForcibly();
				throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A network of the device: a veth pair {@code <name>0} (test side, 10.213.N.1) and
	 * {@code <name>1} (device side, 10.213.N.2).
	 */
	record Link(String name, int subnet) {

		String here() {
			return this.name + "0";
		}

		String there() {
			return this.name + "1";
		}

		String address(int host) {
			return String.format(Locale.ROOT, "10.213.%d.%d", this.subnet, host);
		}

	}

}
