package asia.oncaller.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

import asia.oncaller.client.MediaOptions;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long a call takes to carry media again after its callee's link comes back (issue 16): a
 * call between Alice (this JVM) and a {@link RemoteCallee}, whose link goes down (its
 * connections reset) for {@code oncaller.bench.outage-ms} (default 5000), {@code oncaller.bench.drops}
 * times (default 20). For each drop: from the link back up to the first new audio packet at
 * Alice, at Bob, at both, and to Bob's client's {@code reconnected}. With
 * {@code -Doncaller.bench.change=address} Bob moves instead: his network goes, and after the
 * outage another comes up with another address (so his client must resume and restart ICE).
 * Prints a Markdown table, writes it to {@code target/resume-after-drop.md}.
 * <p>
 * Not part of the test run (its name does not end in Tests); run it on request:
 * {@code ./mvnw -B -o -pl e2e verify -Dtest=ResumeAfterDropBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Packets are counted from WebRTC's statistics, polled every 10 ms (libwebrtc caches them for up
 * to 50 ms): a figure is at most that much late.
 */
class ResumeAfterDropBenchmark {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private final int drops = Integer.getInteger("oncaller.bench.drops", 20);

	private final long outageMillis = Long.getLong("oncaller.bench.outage-ms", 5000);

	/** {@code link} (the default): the link goes down and comes back; {@code address}: Bob moves to another network. */
	private final boolean moves = "address".equals(System.getProperty("oncaller.bench.change", "link"));

	@Test
	void timeFromLinkBackToMediaFlowingAgain() throws Exception {
		String load = Files.readString(Path.of("/proc/loadavg")).trim();
		RatedTenant tenant = new RatedTenant(E2eServer.get());
		List<long[]> samples = new ArrayList<>();
		try (RemoteCallee bob = RemoteCallee.start(E2eServer.get().port(), tenant.token("bob-bench"), "bob-bench", 660);
				TestUser alice = TestUser.connectWithToken("alice-bench", "alice-bench-laptop", MediaOptions.synthetic(440),
						tenant.token("alice-bench"))) {
			CallProbe caller = alice.call("bob-bench", false);
			assertThat(CallProbe.result(caller.makeResult).r()).isZero();
			Await.until(TIMEOUT, "media connected", caller::mediaConnected);
			bob.awaitReport("media");
			RemoteCallee.Link network = RemoteCallee.WIFI;
			for (int i = 0; i < this.drops; i++) {
				awaitGrowing("audio reaching alice", caller::inboundAudioPackets);
				awaitGrowing("audio reaching bob", bob::packets);
				if (this.moves) {
					bob.remove(network);
				}
				else {
					bob.down(network);
				}
				Thread.sleep(this.outageMillis); // the outage itself
				int flowing = bob.count("flowing");
				bob.send("flowing");
				bob.awaitReport("watching", flowing + 1);
				long aliceHad = caller.inboundAudioPackets();
				Instant back = Instant.now();
				if (this.moves) {
					network = (network == RemoteCallee.WIFI) ? RemoteCallee.CELLULAR : RemoteCallee.WIFI;
					bob.attach(network);
				}
				else {
					bob.up(network);
				}
				Awaitility.await("audio reaching alice again")
					.atMost(TIMEOUT)
					.pollInterval(Duration.ofMillis(10))
					.until(() -> caller.inboundAudioPackets() > aliceHad);
				long aliceMs = Duration.between(back, Instant.now()).toMillis();
				long bobMs = millisSince(back, bob.awaitReport("flowing", flowing + 1));
				long resumedMs = millisSince(back, bob.awaitReport("reconnected", i + 1));
				samples.add(new long[] { aliceMs, bobMs, Math.max(aliceMs, bobMs), resumedMs });
				System.out.printf(Locale.ROOT, "drop %d: alice %d ms, bob %d ms, reconnected %d ms%n", i + 1, aliceMs,
						bobMs, resumedMs);
			}
			assertThat(caller.call.isEnded()).as("one call all along").isFalse();
			assertThat(caller.peer).hasSize(2 * this.drops);
		}
		String report = report(samples, load, Files.readString(Path.of("/proc/loadavg")).trim());
		System.out.println("\n" + report);
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target", "resume-after-drop.md"), report);
	}

	private String report(List<long[]> samples, String loadBefore, String loadAfter) {
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT, "%d %s of %d ms; load average before: %s; after: %s%n%n", samples.size(),
				this.moves ? "moves to another network, with a gap" : "drops", this.outageMillis, loadBefore, loadAfter));
		out.append(String.format(Locale.ROOT, "| from %s to | p50 | p99 | min | max |%n|---|---|---|---|---|%n",
				this.moves ? "the new network up" : "the link back up"));
		String[] names = { "audio at Alice (caller)", "audio at Bob (callee, the one cut)", "audio both ways",
				"Bob's `reconnected` (signaling resumed)" };
		for (int column = 0; column < names.length; column++) {
			int c = column;
			long[] sorted = samples.stream().mapToLong((s) -> s[c]).sorted().toArray();
			out.append(String.format(Locale.ROOT, "| %s | %d ms | %d ms | %d ms | %d ms |%n", names[c],
					percentile(sorted, 50), percentile(sorted, 99), sorted[0], sorted[sorted.length - 1]));
		}
		return out.toString();
	}

	/** Nearest rank: of 20 samples, p99 is the largest. */
	private static long percentile(long[] sorted, int p) {
		int rank = (int) Math.ceil(p / 100.0 * sorted.length);
		return sorted[Math.max(0, rank - 1)];
	}

	private static long millisSince(Instant start, String epochMicros) {
		return ChronoUnit.MILLIS.between(start, Instant.EPOCH.plus(Long.parseLong(epochMicros), ChronoUnit.MICROS));
	}

	private static void awaitGrowing(String what, LongSupplier packets) {
		long before = packets.getAsLong();
		Awaitility.await(what).atMost(TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> packets.getAsLong() > before);
	}

}
