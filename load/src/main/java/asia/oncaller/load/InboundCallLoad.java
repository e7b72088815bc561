package asia.oncaller.load;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.web.socket.messaging.WebSocketStompClient;

/**
 * The inbound phone-call benchmark (issue 8): SIPp as the carrier places calls through a SIP
 * trunk to a number whose answer_url connects them to an app user, whose devices answer each one
 * with a browser's SDP answer; the server bridges the media through rtpengine and only then sends
 * SIPp its 200 OK. It sets up its own tenant over REST, prints calls per second, failures and
 * setup times, and exits 1 when any call failed. Bounded in count and in time, loopback only.
 *
 * <pre>
 * ./mvnw -q -pl load compile exec:java@inbound-calls -Dexec.args="--operator-token ... --calls 3000 --rate 50"
 * </pre>
 * The server needs {@code ONCALLER_OPERATOR_TOKEN} (the same as {@code --operator-token}) and
 * {@code ONCALLER_OUTBOUND_ALLOW_PRIVATE_NETWORKS=true} for the loopback answer_url
 * (docs/performance.md).
 */
public final class InboundCallLoad {

	private static final String CALLER = "15550123";

	private static final String USER = "inbound-agent";

	private InboundCallLoad() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = parse(args);
		String server = options.getOrDefault("server", "http://127.0.0.1:8080");
		String host = URI.create(server).getHost();
		if (!host.equals("localhost") && !host.startsWith("127.")) {
			throw new IllegalArgumentException("The load client only targets loopback, not " + host);
		}
		int calls = Integer.parseInt(options.getOrDefault("calls", "3000"));
		double rate = Double.parseDouble(options.getOrDefault("rate", "50"));
		int devices = Integer.parseInt(options.getOrDefault("devices", "8"));
		int sipPort = Integer.parseInt(options.getOrDefault("sip-port", "5060"));
		int carrierPort = Integer.parseInt(options.getOrDefault("carrier-port", "5070"));
		SippRun.Load load = new SippRun.Load(calls, rate, Integer.parseInt(options.getOrDefault("limit", "500")),
				Integer.parseInt(options.getOrDefault("hold-ms", "100")),
				Duration.ofSeconds(Long.parseLong(options.getOrDefault("max-seconds", "300"))));
		Path fixtures = Path.of(options.getOrDefault("fixtures", System.getProperty("oncaller.load.fixtures",
				"server/src/test/resources")));
		String operatorToken = options.get("operator-token");
		if (operatorToken == null) {
			throw new IllegalArgumentException("--operator-token is required: the server's ONCALLER_OPERATOR_TOKEN");
		}
		String answerSdp = Files.readString(fixtures.resolve("media/chromium-answer.sdp"), StandardCharsets.UTF_8);

		try (AnswerUrlServer answerUrl = AnswerUrlServer.start(USER)) {
			InboundTenant tenant = InboundTenant.create(server, operatorToken, answerUrl.url(), carrierPort);
			WebSocketStompClient stomp = LoadClient.newStompClient();
			LatencyStats answerLatency = new LatencyStats();
			AtomicInteger answered = new AtomicInteger();
			AtomicInteger appFailures = new AtomicInteger();
			List<LoadClient> clients = new ArrayList<>();
			for (int i = 0; i < devices; i++) {
				LoadClient client = LoadClient.connect(stomp, server.replaceFirst("^http", "ws") + "/ws",
						tenant.clientToken(USER), "device-" + i);
				new AutoAnswerDevice(client, i, devices, answerSdp, answerLatency, answered, appFailures);
				clients.add(client);
			}
			System.out.printf("number %s on a new account, %d devices of %s, answer_url %s; SIPp at %s/s%n",
					tenant.number(), devices, USER, answerUrl.url(), rate);
			SippRun sipp = SippRun.run(fixtures.resolve("sipp/uac-bench.xml"),
					Path.of(options.getOrDefault("out", System.getProperty("oncaller.load.out", "target/inbound-calls"))),
					new SippRun.Target(sipPort, carrierPort, tenant.number().substring(1), CALLER), load);
			clients.forEach(LoadClient::close);
			stomp.stop();

			long ok = sipp.total("SuccessfulCall(C)");
			long failed = sipp.total("FailedCall(C)");
			System.out.printf("calls=%d successful=%d failed=%d target=%s/s created=%s/s answered=%.1f/s "
					+ "retransmissions=%d%n", sipp.total("OutgoingCall(C)"), ok, failed, rate,
					sipp.totals().get("CallRate(C)"), sipp.answeredPerSecond(), sipp.total("Retransmissions(C)"));
			if (failed > 0) {
				System.out.println("failures by kind: " + sipp.nonzero("Failed") + ", of which 503 (server past its "
						+ "capacity, Retry-After): " + sipp.unavailable());
			}
			report("INVITE->200 setup ms (SIPp rtd)", sipp.setupTimes());
			report("incomingCall->answer r=0 ms (app)", answerLatency);
			System.out.printf("answer_url requests=%d app answered=%d app failures=%d sipp exit=%d%n",
					answerUrl.requests(), answered.get(), appFailures.get(), sipp.exitCode());
			boolean clean = failed == 0 && appFailures.get() == 0 && ok == calls && sipp.exitCode() == 0;
			System.exit(clean ? 0 : 1);
		}
	}

	private static void report(String what, LatencyStats stats) {
		System.out.printf("%s: p50=%.1f p90=%.1f p99=%.1f max=%.1f (n=%d)%n", what, stats.percentileMillis(50),
				stats.percentileMillis(90), stats.percentileMillis(99), stats.percentileMillis(100), stats.count());
	}

	private static Map<String, String> parse(String[] args) {
		Map<String, String> options = new HashMap<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
		}
		return options;
	}

}
