package asia.oncaller.appivr;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import asia.oncaller.call.AppCallerActions;
import asia.oncaller.call.CallLifecycleEvent;
import asia.oncaller.call.ServerAnsweredAppCalls;
import asia.oncaller.control.CallControlDecision;
import asia.oncaller.control.Scco;
import asia.oncaller.ivr.IvrCall;
import asia.oncaller.ivr.IvrLine;
import asia.oncaller.ivr.SccoRunner;
import asia.oncaller.media.MediaBridge;
import asia.oncaller.media.StreamedMedia;

import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * App callers the server answers to run their SCCO's actions first, on the node of the caller's
 * connection (which placed the call and gets its SDP and digits): the SCCO is kept from the
 * admission, the runner starts once the caller's offer has answered the call, and everything
 * of the call is forgotten when it ends or its actions hand it to a connect. The media is
 * rtpengine's call under the call's id, deleted at its end as for every anchored app call.
 */
@Service
class AppCallerIvr implements AppCallerActions {

	/**
	 * How long a caller that never offered is kept. Its call is ended unanswered 30 s after the
	 * {@code call.make} (docs/ivr.md), by whichever node's sweep comes first: when that is another
	 * node, this one hears of no end, and would keep the caller for good.
	 */
	static final Duration UNANSWERED_KEPT = Duration.ofMinutes(2);

	private final Map<String, AppCaller> callers = new ConcurrentHashMap<>();

	/** The calls admitted here, oldest first, to forget those whose caller never offered. */
	private final Queue<Admission> admissions = new ConcurrentLinkedQueue<>();

	private final SccoRunner runner;

	private final MediaBridge media;

	private final ServerAnsweredAppCalls calls;

	private final Clock clock;

	AppCallerIvr(SccoRunner runner, MediaBridge media, ServerAnsweredAppCalls calls, Clock clock) {
		this.runner = runner;
		this.media = media;
		this.calls = calls;
		this.clock = clock;
	}

	@Override
	public void admitted(String callId, Scco scco, String accountId, String signingSecret) {
		Instant now = this.clock.instant();
		forgetUnansweredBefore(now);
		this.callers.put(callId, new AppCaller(callId, scco, accountId, signingSecret));
		this.admissions.add(new Admission(callId, now.plus(UNANSWERED_KEPT)));
	}

	/** How many callers this node holds: those waiting for their offer and those whose actions run. */
	int held() {
		return this.callers.size();
	}

	/**
	 * Forgets the callers admitted long enough ago that never offered; a caller whose actions run
	 * is forgotten when they end. Each admission is looked at once, so this costs nothing per call.
	 */
	private void forgetUnansweredBefore(Instant now) {
		for (Admission oldest = this.admissions.peek(); oldest != null && !oldest.forgetAt().isAfter(now);
				oldest = this.admissions.peek()) {
			if (this.admissions.remove(oldest)) {
				this.callers.computeIfPresent(oldest.callId(), (id, caller) -> (caller.running == null) ? null : caller);
			}
		}
	}

	@Override
	public String answerCaller(String callId, String webRtcOffer) {
		AppCaller caller = this.callers.get(callId);
		if (caller == null) {
			throw new IllegalStateException("the call's actions do not run on this node");
		}
		return caller.answer(webRtcOffer);
	}

	@Override
	public void digits(String callId, String digits) {
		AppCaller caller = this.callers.get(callId);
		IvrCall running = (caller != null) ? caller.running : null;
		if (running != null) {
			for (char digit : digits.toCharArray()) {
				running.digit(digit);
			}
		}
	}

	/** The caller's offer answered the call: the actions start, once, now that the caller hears them. */
	@TransactionalEventListener
	void answered(CallLifecycleEvent.Answered answered) {
		AppCaller caller = this.callers.get(answered.call().id());
		if (caller != null && caller.running == null) {
			caller.running = this.runner.start(caller, caller.callId, caller.scco, caller.accountId,
					caller.signingSecret);
		}
	}

	/** The call ended (the caller hung up, its grant ran out...): its actions stop at once. */
	@TransactionalEventListener
	void ended(CallLifecycleEvent.Ended ended) {
		AppCaller caller = this.callers.remove(ended.call().id());
		if (caller != null && caller.running != null) {
			caller.running.end();
		}
	}

	private record Admission(String callId, Instant forgetAt) {
	}

	/**
	 * One app caller as the runner sees it: rtpengine's call is the call's id, the party hearing
	 * is the caller's side. Its methods run on the runner's thread; the call's changes go through
	 * {@link ServerAnsweredAppCalls}, whose events reach the caller.
	 */
	private final class AppCaller implements IvrLine {

		private final String callId;

		private final Scco scco;

		private final String accountId;

		private final String signingSecret;

		private volatile IvrCall running;

		/** The caller's last offer, re-offered to the callee at the connect; guarded by this. */
		private String offer;

		/** Where the caller's audio goes (a voicemail's socket), or {@code null}: nowhere; guarded by this. */
		private InetSocketAddress listener;

		private AppCaller(String callId, Scco scco, String accountId, String signingSecret) {
			this.callId = callId;
			this.scco = scco;
			this.accountId = accountId;
			this.signingSecret = signingSecret;
		}

		synchronized String answer(String webRtcOffer) {
			String answer = AppCallerIvr.this.media.anchorAppCaller(this.callId, webRtcOffer,
					(this.listener != null) ? this.listener : MediaBridge.DISCARD);
			this.offer = webRtcOffer;
			return answer;
		}

		@Override
		public String mediaCallId() {
			return this.callId;
		}

		@Override
		public String partyTag() {
			return MediaBridge.APP_CALLER_TAG;
		}

		@Override
		public synchronized void hearParty(InetSocketAddress listener) {
			// The caller's side keeps its ports and keys: the caller needs no new answer.
			AppCallerIvr.this.media.anchorAppCaller(this.callId, this.offer,
					(listener != null) ? listener : MediaBridge.DISCARD);
			this.listener = listener;
		}

		@Override
		public void hangUp() {
			// Forgotten first: the end this causes must not interrupt the runner's own thread.
			AppCallerIvr.this.callers.remove(this.callId);
			AppCallerIvr.this.calls.actionsEnded(this.callId);
		}

		@Override
		public void connect(CallControlDecision.Connect decision) {
			AppCallerIvr.this.callers.remove(this.callId);
			String callerOffer;
			synchronized (this) {
				callerOffer = this.offer;
			}
			AppCallerIvr.this.calls.connectAfterActions(this.callId, decision.connect(),
					() -> AppCallerIvr.this.media.offerBetweenApps(this.callId, MediaBridge.APP_CALLER_TAG,
							MediaBridge.APP_CALLEE_TAG, callerOffer));
		}

		/** Not carried out for app callers (docs/ivr.md): the runner skips the connect and goes on. */
		@Override
		public StreamedMedia streamTo(InetSocketAddress socket) {
			throw new IllegalStateException("a connect to a WebSocket is not carried out for app callers");
		}

	}

}
