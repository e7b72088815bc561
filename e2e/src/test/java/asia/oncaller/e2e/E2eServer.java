package asia.oncaller.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import asia.oncaller.OnCallerApplication;
import asia.oncaller.media.RtpEngineProcess;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real OnCaller server, started once per test JVM in-process: a random port on 127.0.0.1,
 * demo mode (tokens from {@code /demo/token}) and a throw-away embedded PostgreSQL. The URL is
 * cleared so the embedded database serves even where CI sets {@code SPRING_DATASOURCE_URL}: the
 * machine's PostgreSQL listens on the host's loopback, which the test's network namespace does
 * not see.
 */
final class E2eServer {

	private static E2eServer instance;

	/** rtpengine's {@code --interface}: an address of .ci/netns.sh's veth pair. */
	static final String MEDIA_ADDRESS = "10.213.0.1";

	private static final Path RECORDINGS = Path.of("target", "e2e-recordings-" + ProcessHandle.current().pid())
		.toAbsolutePath();

	private final ConfigurableApplicationContext context;

	private final int port;

	private final int rtpEngineNgPort;

	private final int rtpEngineDtmfPort;

	private final int sipPort;

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private E2eServer(String... moreArguments) {
		try {
			this.rtpEngineNgPort = RtpEngineProcess.freeUdpPort();
			this.rtpEngineDtmfPort = RtpEngineProcess.freeUdpPort();
			this.sipPort = RtpEngineProcess.freeUdpPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--oncaller.demo.enabled=true",
				"--oncaller.embedded-postgres.data-directory=", "--oncaller.embedded-postgres.port=0",
				"--spring.datasource.url=",
				// Phone calls: a test's answer_url on loopback, and an rtpengine on this ng port
				// that only the tests with phone legs start (SipEchoE2ETests), reporting the
				// RFC 4733 events it relays to this DTMF port (its --dtmf-log-dest).
				"--oncaller.outbound.allow-private-networks=true", "--oncaller.sip.port=" + this.sipPort,
				"--oncaller.media.rtpengine.ng=127.0.0.1:" + this.rtpEngineNgPort,
				"--oncaller.media.rtpengine.dtmf-log-listen=127.0.0.1:" + this.rtpEngineDtmfPort,
				// Recorded calls (RecordedCallE2ETests): the rtpengine a test starts captures into
				// --recording-dir=captureDir(), and the server keeps the recordings beside it.
				"--oncaller.recording.capture-dir=" + captureDir(),
				"--oncaller.recording.dir=" + RECORDINGS.resolve("kept")));
		arguments.addAll(List.of(moreArguments));
		this.context = new SpringApplicationBuilder(OnCallerApplication.class).run(arguments.toArray(String[]::new));
		this.port = ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	/** @return the server, started on first use (and checked to run inside the namespace) */
	static synchronized E2eServer get() {
		if (instance == null) {
			requireNetworkNamespace();
			instance = new E2eServer();
		}
		return instance;
	}

	/**
	 * A server of its own, with settings beyond the shared one's (such as TURN), for the tests
	 * that need them; stop it with {@link #stop()}. It has its own embedded database.
	 */
	static E2eServer startWith(String... moreArguments) {
		requireNetworkNamespace();
		return new E2eServer(moreArguments);
	}

	/** Stops a server of {@link #startWith}. */
	void stop() {
		this.context.close();
	}

	String webSocketUrl() {
		return "ws://127.0.0.1:" + this.port + "/ws";
	}

	int port() {
		return this.port;
	}

	/** The server's SIP port on 127.0.0.1, where carriers (SIPp) call the account's numbers. */
	int sipPort() {
		return this.sipPort;
	}

	int rtpEngineNgPort() {
		return this.rtpEngineNgPort;
	}

	/**
	 * The UDP port (on 127.0.0.1) where the server receives rtpengine's DTMF reports: the rtpengine
	 * a test starts must get {@code --dtmf-log-dest=127.0.0.1:<this port>}.
	 */
	int rtpEngineDtmfPort() {
		return this.rtpEngineDtmfPort;
	}

	/**
	 * Starts the rtpengine the server expects, for a test class with phone legs: on the
	 * namespace's veth address (libwebrtc gathers no loopback candidates, so an rtpengine on
	 * 127.0.0.1 would be unreachable for the client's ICE), reporting DTMF to the server.
	 */
	RtpEngineProcess startRtpEngine(String... moreOptions) throws IOException {
		List<String> options = new ArrayList<>(List.of("--dtmf-log-dest=127.0.0.1:" + this.rtpEngineDtmfPort));
		options.addAll(List.of(moreOptions));
		RtpEngineProcess rtpengine = new RtpEngineProcess(options.toArray(String[]::new)).onInterface(MEDIA_ADDRESS)
			.ngPort(this.rtpEngineNgPort);
		rtpengine.start();
		return rtpengine;
	}

	/** Where the rtpengine of a test that records calls captures them: its {@code --recording-dir}. */
	static Path captureDir() {
		return RECORDINGS.resolve("captures");
	}

	/** A bean of the server, for tests that set up a tenant of their own. */
	<T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	/** @return a client token of the demo project for {@code userId} */
	String token(String userId) {
		return demoToken("http://127.0.0.1:" + this.port, userId);
	}

	/** @return a client token of the demo project of the server at {@code baseUrl} for {@code userId} */
	static String demoToken(String baseUrl, String userId) {
		try {
			HttpResponse<String> response = HTTP.send(HttpRequest
				.newBuilder(URI.create(baseUrl + "/demo/token?userId=" + userId))
				.timeout(Duration.ofSeconds(10))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("GET /demo/token: " + response.statusCode() + " " + response.body());
			}
			return (String) JSON.readValue(response.body(), Map.class).get("accessToken");
		}
		catch (Exception ex) {
			throw new IllegalStateException("no demo token for " + userId, ex);
		}
	}

	/**
	 * Fails fast unless the JVM runs in the veth namespace of {@code .ci/netns.sh}: outside it
	 * WebRTC would use the machine's real interfaces.
	 */
	static void requireNetworkNamespace() {
		try {
			for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
				for (var address : Collections.list(nic.getInetAddresses())) {
					if (address instanceof Inet4Address && address.getHostAddress().startsWith("10.213.0.")) {
						return;
					}
				}
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		throw new IllegalStateException("The e2e tests must run inside .ci/netns.sh's network namespace (10.213.0.0/24); "
				+ "run them with ./mvnw verify, whose Surefire forks through .ci/netns-jvm/bin/java");
	}

}
