package asia.oncaller.recording;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import asia.oncaller.call.CallRepository;
import asia.oncaller.call.CallSnapshot;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Takes up recordings whose conversion never finished because their node stopped (a restart, a
 * kill -9): without it such a recording would stay CONVERTING for ever, never announced nor
 * charged. A conversion is stalled once it has run longer than a live node could take: the wait
 * for rtpengine's capture, the MP3 encoding's limit, and {@code stall-margin} for the rest.
 * Whichever node claims it first converts it again from the capture, which is still in
 * {@code capture-dir}; marking it READY and charging it happen once whatever the number of tries.
 */
@Component
class StalledConversions {

	private static final int BATCH = 50;

	private final Recordings recordings;

	private final RecordingFinisher finisher;

	private final CallRepository calls;

	private final Duration stalledAfter;

	private final Clock clock;

	StalledConversions(Recordings recordings, RecordingFinisher finisher, CallRepository calls,
			RecordingProperties properties, Clock clock) {
		this.recordings = recordings;
		this.finisher = finisher;
		this.calls = calls;
		this.stalledAfter = properties.captureWait().plus(properties.encodeTimeout()).plus(properties.stallMargin());
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${oncaller.recording.prune-interval:1m}")
	void resume() {
		Instant before = this.clock.instant().minus(this.stalledAfter);
		for (Recordings.Stalled stalled : this.recordings.convertingSince(before, BATCH)) {
			if (this.recordings.claim(stalled)) {
				this.calls.findById(stalled.plan().callId())
					.ifPresent((call) -> this.finisher.finish(stalled.plan(), stalled.mediaCallId(), CallSnapshot.of(call)));
			}
		}
	}

}
