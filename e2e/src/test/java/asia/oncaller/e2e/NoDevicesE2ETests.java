package asia.oncaller.e2e;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import asia.oncaller.client.AudioInput;
import asia.oncaller.client.MediaDevicesReport;
import asia.oncaller.client.MediaOptions;
import asia.oncaller.client.OnCallerCall;
import asia.oncaller.client.OnCallerClient;
import asia.oncaller.client.VideoInput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a machine with no sound hardware, no PulseAudio server and no camera (CI): probing
 * reports that, quickly and without crashing; a call that asks for the microphone and the
 * camera gets error 1000 twice and goes on with silence and black frames; a call with the
 * default options falls back to the tone and the test pattern, which arrive at the peer.
 */
class NoDevicesE2ETests extends TwoUsersE2ESupport {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@Test
	void probingReportsNoDevicesQuickly() {
		long start = System.nanoTime();
		MediaDevicesReport report = OnCallerClient.probeMediaDevices();
		long millis = (System.nanoTime() - start) / 1_000_000;
		assertThat(millis).as("probe time").isLessThan(10_000);
		assertThat(report.hasMicrophone()).isFalse();
		assertThat(report.hasCamera()).isFalse();
		assertThat(report.microphones()).isEmpty();
		assertThat(report.audioReason()).contains("PulseAudio");
		assertThat(report.videoReason()).contains("no camera");
	}

	@Test
	void missingDevicesAreReportedAndSyntheticSourcesWork() {
		this.alice = TestUser.connect("alice-nodev", "alice-nodev-device",
				MediaOptions.defaults().withAudio(AudioInput.microphone()).withVideo(VideoInput.camera()));
		this.bob = TestUser.connect("bob-nodev", "bob-nodev-device", MediaOptions.defaults());
		AtomicReference<CallProbe> callee = new AtomicReference<>();
		this.bob.onIncoming((incoming) -> {
			callee.set(new CallProbe(incoming));
			incoming.answer((r) -> {
			});
		});
		CallProbe caller = new CallProbe(new OnCallerCall(this.alice.client, "alice-nodev", "bob-nodev", true));
		caller.call.makeCall(caller.makeResult::complete);
		assertThat(CallProbe.result(caller.makeResult).r()).isZero();
		Await.until(TIMEOUT, "media connected", () -> caller.mediaConnected() && callee.get() != null
				&& callee.get().mediaConnected());

		assertThat(caller.errors).extracting((e) -> e.getCode()).containsExactly(1000, 1000);
		assertThat(caller.errors.get(0).getMessage()).contains("no microphone");
		assertThat(caller.errors.get(1).getMessage()).contains("no camera");
		assertThat(caller.local.join().getAudioSource()).isEqualTo("silence (no microphone)");
		assertThat(caller.local.join().getVideoSource()).isEqualTo("black frames (no camera)");
		assertThat(callee.get().errors).isEmpty();
		assertThat(callee.get().local.join().getAudioSource()).startsWith("tone 440.0 Hz (no microphone");
		assertThat(callee.get().local.join().getVideoSource()).isEqualTo("test pattern 640x480 (no camera)");

		Await.until(TIMEOUT, "alice hears bob's fallback tone", () -> caller.tone.done());
		assertThat(caller.tone.frequency()).isCloseTo(440, org.assertj.core.data.Offset.offset(5.0));
		Await.until(TIMEOUT, "video both ways", () -> caller.videoFrames.get() > 5 && callee.get().videoFrames.get() > 5);
		assertThat(callee.get().lastVideoSize).isEqualTo("640x480");
	}

}
