package asia.oncaller.recording;

import java.util.Set;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.stream.Collectors;

import asia.oncaller.call.AnchoredMediaNegotiated;
import asia.oncaller.call.CallDirection;
import asia.oncaller.call.CallLifecycleEvent;
import asia.oncaller.call.CallSnapshot;
import asia.oncaller.call.CallState;
import asia.oncaller.media.MediaBridge;
import asia.oncaller.media.MediaRecorder;
import asia.oncaller.media.RtpEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Starts a planned recording when its call is answered (an anchored app-to-app call's once its
 * media has also reached rtpengine, whichever comes last) and hands it to the
 * {@link RecordingFinisher} when the call ends. Both run after the change commits, one at a time
 * on the recorder's own thread, so the SIP and STOMP threads never wait for rtpengine and a call's
 * end is always handled after its answer.
 */
@Component
class CallRecorder implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(CallRecorder.class);

	private final Recordings recordings;

	private final MediaRecorder media;

	private final RecordingFinisher finisher;

	private final ThreadPoolExecutor executor = RecorderThread.named("recording-start-");

	private final boolean enabled;

	CallRecorder(Recordings recordings, MediaRecorder media, RecordingFinisher finisher,
			RecordingProperties properties) {
		this.recordings = recordings;
		this.media = media;
		this.finisher = finisher;
		this.enabled = properties.captureDir() != null;
	}

	/** Why a call whose media never reaches rtpengine has no recording. */
	static final String NOT_THROUGH_THE_SERVER = "The call's media does not pass through the server";

	/**
	 * Whether the call's media can pass through rtpengine, so be recorded: every call with a phone
	 * leg, and app-to-app calls that are anchored. A plan for any other call fails as it is made
	 * ({@link RecordingPlanner}), so that the answers and ends of plain app-to-app calls, most
	 * calls, cost the recorder no look-up at all.
	 */
	static boolean mediaPassesRtpEngine(CallSnapshot call) {
		return call.direction() != CallDirection.APP_TO_APP || call.mediaAnchored();
	}

	@TransactionalEventListener
	void answered(CallLifecycleEvent.Answered answered) {
		if (mediaPassesRtpEngine(answered.call())) {
			this.executor.execute(() -> guarded(answered.call().id(), () -> start(answered.call())));
		}
	}

	/**
	 * An anchored app-to-app call's media reached rtpengine, which may be after its answer: its
	 * recording starts now if it waits for that.
	 */
	@TransactionalEventListener
	void negotiated(AnchoredMediaNegotiated negotiated) {
		if (negotiated.call().status() == CallState.ANSWERED) {
			this.executor.execute(() -> guarded(negotiated.call().id(), () -> start(negotiated.call())));
		}
	}

	@TransactionalEventListener
	void ended(CallLifecycleEvent.Ended ended) {
		if (mediaPassesRtpEngine(ended.call())) {
			this.executor.execute(() -> guarded(ended.call().id(), () -> end(ended)));
		}
	}

	/** A step that fails unexpectedly gives the recording up with a reason instead of leaving it waiting. */
	private void guarded(String callId, Runnable step) {
		try {
			step.run();
		}
		catch (RuntimeException ex) {
			logger.warn("Recording of call {} failed", callId, ex);
			this.recordings.planOf(callId)
				.ifPresent((plan) -> this.recordings.failed(plan.id(), "The server could not record the call"));
		}
	}

	private void start(CallSnapshot call) {
		Recordings.Plan plan = this.recordings.planOf(call.id()).orElse(null);
		if (plan == null || !"PENDING".equals(plan.status())) {
			return;
		}
		if (!this.enabled) {
			this.recordings.failed(plan.id(), "Recording is not set up on this server");
			return;
		}
		String mediaCallId = this.recordings.mediaCallIdOf(plan.callId());
		if (mediaCallId == null) {
			this.recordings.failed(plan.id(), NOT_THROUGH_THE_SERVER);
			return;
		}
		try {
			MediaRecorder.PartyPorts ports = this.media.start(mediaCallId);
			this.recordings.recording(plan.id(), csv(callerPorts(call.direction(), ports)));
		}
		catch (RtpEngineException ex) {
			if (call.mediaAnchored()) {
				// Answered before its media reached rtpengine: AnchoredMediaNegotiated starts it.
				logger.debug("Recording of call {} waits for its media: {}", plan.callId(), ex.getMessage());
				return;
			}
			logger.warn("Recording of call {} did not start: {}", plan.callId(), ex.getMessage());
			this.recordings.failed(plan.id(), "The media server did not start recording");
		}
	}

	private void end(CallLifecycleEvent.Ended ended) {
		Recordings.Plan plan = this.recordings.planOf(ended.call().id()).orElse(null);
		if (plan == null) {
			return;
		}
		if ("PENDING".equals(plan.status())) {
			this.recordings.failed(plan.id(), "The call was not answered");
		}
		else if (this.recordings.converting(plan.id())) {
			this.finisher.finish(plan, this.recordings.mediaCallIdOf(plan.callId()), ended.call());
		}
	}

	/** The ports at rtpengine that receive the caller's media: its channel of a stereo recording. */
	private static Set<Integer> callerPorts(CallDirection direction, MediaRecorder.PartyPorts ports) {
		return switch (direction) {
			case PHONE_TO_APP -> ports.phone();
			case APP_TO_APP -> ports.ofTag(MediaBridge.APP_CALLER_TAG);
			default -> ports.app();
		};
	}

	private static String csv(Set<Integer> ports) {
		return ports.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
	}

	@Override
	public void destroy() {
		this.executor.shutdown();
	}

}
