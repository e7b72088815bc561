package asia.oncaller.sip;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.TestInfo;

/**
 * How to run one SIPp scenario: built with {@link SippProcess#scenario(String)}, started with
 * {@link #start()}. Everything stays on 127.0.0.1 and every run is bounded: SIPp stops itself
 * after {@link #timeout(Duration)} (30 s unless set) and after {@link #calls(int)} calls (1
 * unless set).
 */
public final class SippOptions {

	final String scenario;

	String testName = "sipp";

	String label;

	boolean tcp;

	Integer remotePort;

	int calls = 1;

	Integer rate;

	Duration ratePeriod;

	Integer limit;

	Duration timeout = Duration.ofSeconds(30);

	String service;

	String authUser;

	String authPassword;

	boolean rtpEcho;

	final Map<String, String> variables = new LinkedHashMap<>();

	final Map<String, byte[]> files = new LinkedHashMap<>();

	SippOptions(String scenario) {
		this.scenario = scenario;
	}

	/** Logs go to {@code target/sipp/<TestClass>.<method>/}. */
	public SippOptions in(TestInfo test) {
		String method = test.getTestMethod().map((m) -> m.getName()).orElse(test.getDisplayName());
		String type = test.getTestClass().map(Class::getSimpleName).orElse("test");
		return testName(type + "." + method);
	}

	/** Logs go to {@code target/sipp/<name>/}. */
	public SippOptions testName(String name) {
		this.testName = name.replaceAll("[^A-Za-z0-9._-]", "_");
		return this;
	}

	/** Prefix of the log files; the scenario's name unless set (set it when one test runs a scenario twice). */
	public SippOptions label(String label) {
		this.label = label;
		return this;
	}

	/** TCP ({@code -t t1}) instead of UDP. */
	public SippOptions tcp() {
		this.tcp = true;
		return this;
	}

	/** The peer at 127.0.0.1:port: needed by scenarios that start by sending (UAC). */
	public SippOptions remote(int port) {
		this.remotePort = port;
		return this;
	}

	/** Stop after this many calls ({@code -m}). */
	public SippOptions calls(int calls) {
		this.calls = calls;
		return this;
	}

	/** Place {@code calls} new calls every {@code period} ({@code -r}, {@code -rp}). */
	public SippOptions rate(int calls, Duration period) {
		this.rate = calls;
		this.ratePeriod = period;
		return this;
	}

	/** At most this many calls at once ({@code -l}). */
	public SippOptions limit(int concurrentCalls) {
		this.limit = concurrentCalls;
		return this;
	}

	/** SIPp quits with a failure after this long ({@code -timeout}, {@code -timeout_error}). */
	public SippOptions timeout(Duration timeout) {
		this.timeout = timeout;
		return this;
	}

	/** The Request-URI user of a UAC scenario, {@code [service]} ({@code -s}). */
	public SippOptions service(String number) {
		this.service = number;
		return this;
	}

	/** Digest credentials for {@code [authentication]} ({@code -au}, {@code -ap}). */
	public SippOptions auth(String user, String password) {
		this.authUser = user;
		this.authPassword = password;
		return this;
	}

	/**
	 * A scenario variable, {@code [$name]} ({@code -set}). SIPp refuses to start when the
	 * scenario does not declare it in {@code <Global variables="..."/>}.
	 */
	public SippOptions set(String name, String value) {
		this.variables.put(name, value);
		return this;
	}

	/**
	 * A file in SIPp's working directory (where its logs go), such as the pcap a scenario's
	 * {@code play_pcap_audio} plays.
	 */
	public SippOptions withFile(String name, byte[] content) {
		this.files.put(name, content.clone());
		return this;
	}

	/** Echo RTP received on the media port to its sender ({@code -rtp_echo}). */
	public SippOptions rtpEcho() {
		this.rtpEcho = true;
		return this;
	}

	/** Starts SIPp and returns once it listens on its port (or has already exited). */
	public SippProcess start() {
		return SippProcess.start(this);
	}

	String label() {
		return (this.label != null) ? this.label : this.scenario.replaceFirst("\\.xml$", "");
	}

	/** The options that do not depend on ports, files or the binary. */
	List<String> scenarioArguments() {
		List<String> args = new ArrayList<>();
		args.addAll(List.of("-t", this.tcp ? "t1" : "u1", "-m", String.valueOf(this.calls)));
		args.addAll(List.of("-timeout", seconds(this.timeout) + "s", "-timeout_error"));
		if (this.rate != null) {
			args.addAll(List.of("-r", String.valueOf(this.rate), "-rp", this.ratePeriod.toMillis() + "ms"));
		}
		if (this.limit != null) {
			args.addAll(List.of("-l", String.valueOf(this.limit)));
		}
		if (this.service != null) {
			args.addAll(List.of("-s", this.service));
		}
		if (this.authUser != null) {
			args.addAll(List.of("-au", this.authUser, "-ap", this.authPassword));
		}
		this.variables.forEach((name, value) -> args.addAll(List.of("-set", name, value)));
		if (this.rtpEcho) {
			args.add("-rtp_echo");
		}
		return args;
	}

	private static long seconds(Duration duration) {
		return Math.max(1, (duration.toMillis() + 999) / 1000);
	}

}
