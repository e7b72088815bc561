package asia.oncaller.anchor;

import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import asia.oncaller.call.AppMediaAnchor;
import asia.oncaller.call.CallLifecycleEvent;
import asia.oncaller.media.MediaBridge;
import asia.oncaller.media.RtpEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Anchored app-to-app calls at rtpengine: each call under its own id, the caller's side tagged
 * {@link MediaBridge#APP_CALLER_TAG} and the callee's {@link MediaBridge#APP_CALLEE_TAG}. Either
 * app may offer (the caller first, then either one's re-offers for hold); the other's answer
 * completes the exchange. The call's media is deleted at rtpengine once its end is committed, on
 * a thread of its own so that no signaling thread waits for rtpengine.
 */
@Service
class AnchoredAppCalls implements AppMediaAnchor, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(AnchoredAppCalls.class);

	private final MediaBridge bridge;

	/** Deletions waiting for rtpengine; past it (rtpengine unreachable for long) the newest are dropped. */
	private static final int DELETIONS_KEPT = 10_000;

	private final ThreadPoolExecutor deletions = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
			new ArrayBlockingQueue<>(DELETIONS_KEPT), (task) -> {
				Thread thread = new Thread(task, "anchor-delete");
				thread.setDaemon(true);
				return thread;
			}, (task, executor) -> log.warn("{} deletions wait for rtpengine already: one is left to its timeout",
					DELETIONS_KEPT));

	AnchoredAppCalls(MediaBridge bridge) {
		this.bridge = bridge;
	}

	@Override
	public Map<String, Object> sdp(String callId, boolean fromCaller, Map<String, Object> sdp) {
		String sender = fromCaller ? MediaBridge.APP_CALLER_TAG : MediaBridge.APP_CALLEE_TAG;
		String other = fromCaller ? MediaBridge.APP_CALLEE_TAG : MediaBridge.APP_CALLER_TAG;
		Object type = sdp.get("type");
		if (!(sdp.get("sdp") instanceof String body)) {
			throw new IllegalArgumentException("sdp.sdp must be a string");
		}
		if ("offer".equals(type)) {
			return Map.of("type", "offer", "sdp", this.bridge.offerBetweenApps(callId, sender, other, body));
		}
		if ("answer".equals(type)) {
			return Map.of("type", "answer", "sdp", this.bridge.answerBetweenApps(callId, other, sender, body));
		}
		throw new IllegalArgumentException("sdp.type must be offer or answer");
	}

	@TransactionalEventListener
	void ended(CallLifecycleEvent.Ended ended) {
		if (ended.call().mediaAnchored()) {
			String callId = ended.call().id();
			this.deletions.execute(() -> {
				try {
					this.bridge.delete(callId);
				}
				catch (RtpEngineException ex) {
					// rtpengine drops a call's media by itself once no packets flow for its timeout.
					log.warn("Call {}: its anchored media was not deleted at rtpengine: {}", callId, ex.getMessage());
				}
			});
		}
	}

	@Override
	public void destroy() {
		this.deletions.shutdown();
	}

}
