package asia.oncaller.load;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An app user's device that answers the phone calls given to it as the SDKs do: on
 * {@code incomingCall} it sends {@code call.ringing} and {@code call.answer}, and once the answer
 * has r=0 and the phone's offer (the {@code sdp} event) is in, its WebRTC answer. The server sends
 * the carrier its 200 OK only after that SDP, so a call that stalls here fails at the carrier; a
 * refused SDP (its reply, which comes only on failure) counts as a failure here too.
 * <p>
 * All devices of a user hear every call; each answers only its share (by call id), because one
 * connection may send no more than {@code oncaller.signaling.requests-per-second} requests (50 by
 * default) and an answered call costs three.
 */
final class AutoAnswerDevice {

	private static final long STEP_TIMEOUT_SECONDS = 5;

	/** How long a refusal of the SDP answer may take to arrive; none by then means it was taken. */
	private static final Duration REFUSAL_WINDOW = Duration.ofSeconds(5);

	private final LoadClient client;

	private final int index;

	private final int devices;

	private final String answerSdp;

	private final LatencyStats answerLatency;

	private final AtomicInteger answered;

	private final AtomicInteger failures;

	private final Map<String, CompletableFuture<Map<String, Object>>> offers = new ConcurrentHashMap<>();

	AutoAnswerDevice(LoadClient client, int index, int devices, String answerSdp, LatencyStats answerLatency,
			AtomicInteger answered, AtomicInteger failures) {
		this.client = client;
		this.index = index;
		this.devices = devices;
		this.answerSdp = answerSdp;
		this.answerLatency = answerLatency;
		this.answered = answered;
		this.failures = failures;
		client.onEvent(this::event);
	}

	private void event(Map<String, Object> event) {
		Object type = event.get("type");
		String callId = (String) event.get("callId");
		if (callId == null) {
			return;
		}
		if ("incomingCall".equals(type)) {
			// LoadClient keeps every incomingCall for the call-cycle benchmark; not needed here.
			this.client.forget(callId);
		}
		if (Math.floorMod(callId.hashCode(), this.devices) != this.index) {
			return;
		}
		if ("incomingCall".equals(type)) {
			answer(callId, System.nanoTime());
		}
		else if ("sdp".equals(type)) {
			offer(callId).complete(event);
		}
	}

	private void answer(String callId, long arrived) {
		Map<String, Object> call = Map.of("callId", callId);
		this.client.request("call.ringing", call);
		this.client.request("call.answer", call)
			.thenCombine(offer(callId), (reply, offer) -> reply)
			.orTimeout(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS)
			.whenComplete((reply, failure) -> {
				this.offers.remove(callId);
				if (failure == null && Integer.valueOf(0).equals(reply.get("r"))) {
					this.answerLatency.add(System.nanoTime() - arrived);
					this.answered.incrementAndGet();
					// The server answers call.sdp only when it refuses it (r=12 past the request
					// rate, for one): the call is then answered without media, which the carrier
					// hears as a 500, and it counts as this device's failure.
					this.client
						.sendWatched("call.sdp",
								Map.of("callId", callId, "sdp", Map.of("type", "answer", "sdp", this.answerSdp)),
								REFUSAL_WINDOW)
						.thenAccept((refusal) -> {
							if (refusal != null) {
								failed("sdp of " + callId + " refused: " + refusal);
							}
						});
				}
				else {
					// A call.answer that went through after this device gave up would leave the call
					// answered without media: end it, as an app would, rather than leave it to the
					// server's answer timeout.
					this.client.send("call.hangup", call);
					failed("answer of " + callId + " failed: " + ((failure != null) ? failure : reply));
				}
			});
	}

	/** Counts a failure of this device; the first few are printed. */
	private void failed(String what) {
		if (this.failures.incrementAndGet() <= 5) {
			System.err.println(what);
		}
	}

	private CompletableFuture<Map<String, Object>> offer(String callId) {
		return this.offers.computeIfAbsent(callId, (id) -> new CompletableFuture<>());
	}

}
