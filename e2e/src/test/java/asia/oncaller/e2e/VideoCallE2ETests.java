package asia.oncaller.e2e;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import asia.oncaller.client.RtpStats;
import asia.oncaller.client.VideoResolution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Video calls between two Java clients through the real server: each side decodes frames of
 * the resolution the other sends (1280x720 one way, 640x480 the other), and an audio call
 * upgraded to video by either side renegotiates and delivers video (and is a video call on the
 * other side too).
 */
class VideoCallE2ETests extends TwoUsersE2ESupport {

	private static final Duration TIMEOUT = Duration.ofSeconds(40);

	@Test
	void eachSideDecodesFramesOfTheSentResolution() {
		this.alice = TestUser.connect("alice-video", 440);
		this.bob = TestUser.connect("bob-video", 660);
		AtomicReference<CallProbe> callee = new AtomicReference<>();
		this.bob.onIncoming((incoming) -> {
			incoming.setVideoResolution(VideoResolution.VGA);
			callee.set(new CallProbe(incoming));
			incoming.answer((r) -> {
			});
		});
		CallProbe caller = new CallProbe(new asia.oncaller.client.OnCallerCall(this.alice.client, "alice-video",
				"bob-video", true));
		caller.call.setVideoResolution(VideoResolution.HD);
		caller.call.makeCall(caller.makeResult::complete);
		assertThat(CallProbe.result(caller.makeResult).r()).isZero();
		Await.until(TIMEOUT, "media connected", () -> caller.mediaConnected() && callee.get() != null
				&& callee.get().mediaConnected());
		Await.until(TIMEOUT, "alice decodes bob's 640x480 frames",
				() -> caller.videoFrames.get() > 20 && caller.videoSizes.contains("640x480"));
		Await.until(TIMEOUT, "bob decodes alice's 1280x720 frames",
				() -> callee.get().videoFrames.get() > 20 && callee.get().videoSizes.contains("1280x720"));

		RtpStats aliceIn = caller.stats().inboundVideo().orElseThrow();
		assertThat(aliceIn.codec()).isEqualTo("video/VP8");
		assertThat(aliceIn.frames()).isGreaterThan(20);
		assertThat(aliceIn.frameWidth()).isPositive();
		RtpStats bobIn = callee.get().stats().inboundVideo().orElseThrow();
		assertThat(bobIn.frames()).isGreaterThan(20);
		assertThat(bobIn.bytes()).isGreaterThan(aliceIn.bytes() / 4);
		assertThat(caller.local.join().getVideoResolution()).isEqualTo(VideoResolution.HD);
		assertThat(caller.local.join().getVideoSource()).startsWith("test pattern 1280x720");
	}

	/** Either side upgrades: the other decodes its video and has a video call without video of its own. */
	@ParameterizedTest(name = "upgraded by the {0}")
	@ValueSource(strings = { "caller", "callee" })
	void audioCallUpgradedToVideoDeliversVideo(String upgrader) {
		this.alice = TestUser.connect("alice-upgrade-" + upgrader, 440);
		this.bob = TestUser.connect("bob-upgrade-" + upgrader, 660);
		AtomicReference<CallProbe> callee = new AtomicReference<>();
		this.bob.onIncoming((incoming) -> {
			callee.set(new CallProbe(incoming));
			incoming.answer((r) -> {
			});
		});
		CallProbe caller = this.alice.call(this.bob, false);
		Await.until(TIMEOUT, "media connected", () -> caller.mediaConnected() && callee.get() != null
				&& callee.get().mediaConnected());
		CallProbe upgrades = upgrader.equals("caller") ? caller : callee.get();
		CallProbe other = (upgrades == caller) ? callee.get() : caller;
		assertThat(other.videoFrames.get()).isZero();

		assertThat(upgrades.call.upgradeToVideoCall()).isTrue();
		Await.until(TIMEOUT, "the other side decodes the upgrader's video",
				() -> other.videoFrames.get() > 10 && other.videoSizes.contains("640x480"));
		assertThat(upgrades.call.isVideoCall()).isTrue();
		assertThat(other.call.isVideoCall()).as("the other side's call has video now").isTrue();
		assertThat(other.call.isLocalVideoEnabled()).as("the other side sends none of its own").isFalse();
		Await.until(TIMEOUT, "audio still flows to the other side", () -> other.tone.done());
		assertThat(other.tone.frequency()).isCloseTo((upgrades == caller) ? 440 : 660,
				org.assertj.core.data.Offset.offset(5.0));
	}

}
