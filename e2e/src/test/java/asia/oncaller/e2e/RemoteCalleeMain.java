package asia.oncaller.e2e;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import asia.oncaller.client.CallEvent;
import asia.oncaller.client.ClientEvent;
import asia.oncaller.client.MediaOptions;
import org.awaitility.Awaitility;

/**
 * The callee of {@link RemoteCallee}, in a child JVM inside a network namespace of its own: it
 * connects when told, answers the first incoming call and reports what its client and call do as
 * lines {@code @@ <what> <details>} on standard output; it measures on request, one command a
 * line on standard input:
 * <ul>
 * <li>{@code connect}: connects (once its network is wired) and answers {@code authen};</li>
 * <li>{@code tone}: measures the tone it receives from now on: {@code tone <Hz> <peak>};</li>
 * <li>{@code packets}: {@code packets <audio packets received so far>};</li>
 * <li>{@code flowing}: counts the audio packets received ({@code watching <packets>}), then waits
 * until more arrive: {@code flowing <epoch micros>};</li>
 * <li>{@code quit}: closes the client and returns.</li>
 * </ul>
 * Arguments: WebSocket URL, client token, user id, device id, tone frequency.
 */
public final class RemoteCalleeMain {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private RemoteCalleeMain() {
	}

	public static void main(String[] args) throws Exception {
		BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		report("started");
		if (!"connect".equals(in.readLine())) {
			return;
		}
		TestUser bob = TestUser.connectTo(args[0], args[2], args[3], MediaOptions.synthetic(Double.parseDouble(args[4])),
				args[1]);
		AtomicReference<CallProbe> call = new AtomicReference<>();
		bob.client.on(ClientEvent.RECONNECTING, (reason) -> report("reconnecting"));
		bob.client.on(ClientEvent.RECONNECTED, (v) -> report("reconnected " + micros()));
		bob.onIncoming((incoming) -> {
			CallProbe probe = new CallProbe(incoming);
			call.set(probe);
			incoming.on(CallEvent.PEER_CONNECTION, (state) -> report("peer " + state));
			incoming.on(CallEvent.SIGNALING_STATE, (s) -> report("signaling " + s.code() + " " + s.reason()));
			incoming.on(CallEvent.MEDIA_STATE, (m) -> report("media " + m.code()));
			incoming.answer((r) -> report("answered " + r.r()));
		});
		report("authen");
		try (bob) {
			for (String command = in.readLine(); command != null && !"quit".equals(command); command = in.readLine()) {
				run(command, call.get());
			}
		}
		report("closed");
	}

	private static void run(String command, CallProbe call) {
		if (call == null) {
			report("error no call yet for " + command);
			return;
		}
		try {
			switch (command) {
				case "tone" -> {
					ToneMeter meter = call.measureToneAgain();
					Awaitility.await("a tone measured").atMost(TIMEOUT).until(meter::done);
					report(String.format(Locale.ROOT, "tone %.1f %d", meter.frequency(), meter.peak()));
				}
				case "packets" -> report("packets " + call.inboundAudioPackets());
				case "flowing" -> {
					long before = call.inboundAudioPackets();
					report("watching " + before);
					Awaitility.await("audio arriving again")
						.atMost(Duration.ofSeconds(60))
						.pollInterval(Duration.ofMillis(10))
						.until(() -> call.inboundAudioPackets() > before);
					report("flowing " + micros());
				}
				default -> report("error unknown command " + command);
			}
		}
		catch (RuntimeException | AssertionError ex) {
			report("error " + command + ": " + ex);
		}
	}

	private static long micros() {
		return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
	}

	private static synchronized void report(String line) {
		System.out.println("@@ " + line);
		System.out.flush();
	}

}
