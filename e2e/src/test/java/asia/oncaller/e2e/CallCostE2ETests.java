package asia.oncaller.e2e;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import asia.oncaller.client.CallResult;
import asia.oncaller.client.OnCallerCall;
import asia.oncaller.client.VideoResolution;
import asia.oncaller.client.internal.media.MediaSession;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures what a call costs with the Java SDK, both ends in this JVM: set-up time (makeCall to
 * the caller's {@code mediastate} 1, over the real server), and the CPU and resident memory of
 * one streaming call (audio, video 640x480, video 1280x720) above the idle JVM (resident memory
 * sampled after a GC before the call and during it). Prints a
 * Markdown table and writes it to {@code target/java-sdk-media.md}; asserts only sanity bounds.
 * More calls and a longer window: {@code -Doncaller.perf.calls=10 -Doncaller.perf.seconds=30}.
 */
class CallCostE2ETests {

	private static final Duration TIMEOUT = Duration.ofSeconds(40);

	private final int calls = Integer.getInteger("oncaller.perf.calls", 5);

	private final int seconds = Integer.getInteger("oncaller.perf.seconds", 8);

	@Test
	void measuresSetupTimeCpuAndMemoryPerCall() throws Exception {
		try (TestUser alice = TestUser.connect("alice-perf", 440); TestUser bob = TestUser.connect("bob-perf", 660)) {
			answerEverything(bob);
			runCall(alice, bob, false, VideoResolution.VGA, 0); // warm-up: class loading, native library
			StringBuilder report = new StringBuilder();
			report.append(String.format(Locale.ROOT, "| call | set-up median (min–max), %d calls | CPU, %% of one core | RSS |%n",
					this.calls));
			report.append("|---|---|---|---|\n");
			measure(report, alice, bob, "audio", false, VideoResolution.VGA);
			measure(report, alice, bob, "video 640x480", true, VideoResolution.VGA);
			measure(report, alice, bob, "video 1280x720", true, VideoResolution.HD);
			report.append(String.format(Locale.ROOT, "%nIdle JVM (server, two connected clients, no call): %.1f %% CPU, RSS %d MB; "
					+ "window %d s per figure.%n", idleCpu(), rssMb(), this.seconds));
			System.out.println("\n" + report);
			Files.createDirectories(Path.of("target"));
			Files.writeString(Path.of("target", "java-sdk-media.md"), report.toString());
		}
	}

	private void measure(StringBuilder report, TestUser alice, TestUser bob, String name, boolean video,
			VideoResolution size) throws Exception {
		List<Long> setups = new ArrayList<>();
		for (int i = 0; i < this.calls; i++) {
			setups.add(runCall(alice, bob, video, size, 0).setupMillis);
		}
		setups.sort(null);
		double idle = idleCpu();
		long rssBefore = rssMb();
		Measured streaming = runCall(alice, bob, video, size, this.seconds);
		assertThat(setups.get(setups.size() / 2)).as(name + " set-up median, ms").isLessThan(5000);
		report.append(String.format(Locale.ROOT, "| %s | %d ms (%d–%d) | %.0f %% (both ends; idle %.1f %% subtracted) | +%d MB (%d → %d) |%n",
				name, setups.get(setups.size() / 2), setups.get(0), setups.get(setups.size() - 1),
				streaming.cpuPercent - idle, idle, streaming.rssMb - rssBefore, rssBefore, streaming.rssMb));
	}

	/** One call: set-up, then {@code streamSeconds} of media measured, then hangup and release. */
	private Measured runCall(TestUser alice, TestUser bob, boolean video, VideoResolution size, int streamSeconds) {
		OnCallerCall call = new OnCallerCall(alice.client, alice.userId, bob.userId, video);
		call.setVideoResolution(size);
		CallProbe caller = new CallProbe(call);
		this.resolution.set(size);
		call.makeCall(caller.makeResult::complete);
		assertThat(CallProbe.result(caller.makeResult).r()).isZero();
		Await.until(TIMEOUT, "media connected", caller::mediaConnected);
		Measured measured = new Measured();
		measured.setupMillis = caller.setupMillis();
		if (streamSeconds > 0) {
			Await.until(TIMEOUT, "audio flowing to the caller", () -> caller.inboundAudioBytes() > 8000);
			measured.cpuPercent = cpuPercentOver(Duration.ofSeconds(streamSeconds));
			System.gc(); // what the call holds, not the garbage of its sinks' frame copies
			measured.rssMb = rssMb();
		}
		CompletableFuture<CallResult> hangup = new CompletableFuture<>();
		call.hangup(hangup::complete);
		CallProbe.result(hangup);
		Await.until(TIMEOUT, "released", () -> MediaSession.openSessions() == 0);
		return measured;
	}

	private final AtomicReference<VideoResolution> resolution = new AtomicReference<>(VideoResolution.VGA);

	private void answerEverything(TestUser bob) {
		bob.onIncoming((incoming) -> {
			incoming.setVideoResolution(this.resolution.get());
			incoming.answer((r) -> {
			});
		});
	}

	private double idleCpu() {
		System.gc();
		return cpuPercentOver(Duration.ofSeconds(3));
	}

	/**
	 * The process's CPU use over a window of wall-clock time: the window is what is measured, so
	 * this is the one place the benchmark lets time pass rather than wait for an event.
	 */
	private static double cpuPercentOver(Duration window) {
		long cpu = cpuNanos();
		long start = System.nanoTime();
		try {
			Thread.sleep(window.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return 100.0 * (cpuNanos() - cpu) / (System.nanoTime() - start);
	}

	private static long cpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	private static long rssMb() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
				}
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return -1;
	}

	private static final class Measured {

		long setupMillis;

		double cpuPercent;

		long rssMb;

	}

}
