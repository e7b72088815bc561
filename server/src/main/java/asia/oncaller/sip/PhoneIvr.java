package asia.oncaller.sip;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import asia.oncaller.call.PhoneCallPlacement;
import asia.oncaller.call.PhoneCallService;
import asia.oncaller.control.CallControlDecision;
import asia.oncaller.ivr.IvrCall;
import asia.oncaller.ivr.IvrLine;
import asia.oncaller.ivr.SccoRunner;
import asia.oncaller.media.MediaBridge;
import asia.oncaller.media.StreamedMedia;

/**
 * A carrier's call that the server answered itself to run its SCCO's first actions (docs/ivr.md):
 * starts the runner on the leg, and carries out what the runner asks of the leg, on the leg's own
 * thread, in order with its SIP messages: the connect the actions reach, or the hangup when they
 * end. The call's record was written when the call was admitted, before the answer
 * ({@code MakeCallService#makeFromPhone}); this ends or connects that same record.
 */
class PhoneIvr {

	private final SccoRunner runner;

	private final PhoneCallService calls;

	private final PhoneLegs legs;

	private final SipMessages messages;

	private final MediaBridge media;

	PhoneIvr(SccoRunner runner, PhoneCallService calls, PhoneLegs legs, SipMessages messages, MediaBridge media) {
		this.media = media;
		this.runner = runner;
		this.calls = calls;
		this.legs = legs;
		this.messages = messages;
	}

	/** Starts the placement's SCCO on the answered leg, playing files of {@code accountId}. */
	IvrCall start(PhoneLeg leg, PhoneCallPlacement placed, String accountId) {
		return this.runner.start(new Line(leg), placed.callId(), placed.scco(), accountId,
				placed.project().signingSecret());
	}

	/**
	 * The actions reached their connect: the same call rings the connect's app user with the
	 * phone's media offered afresh, as a transfer does (the {@code transferred} event reaches
	 * {@link DialogRequests#transfer}), and the carrier, answered already, hears nothing of it
	 * until the app's answer completes the bridge. A connect that cannot be carried out ends the
	 * call, and its end hangs the leg up.
	 */
	private void connect(PhoneLeg leg, CallControlDecision.Connect decision) {
		if (leg.state != PhoneLeg.State.CONFIRMED) {
			return;
		}
		leg.ivr = null;
		this.calls.connectAfterActions(leg.callId, decision.connect());
	}

	/** The actions ended without a connect: the carrier hears a BYE, and the call ends. */
	private void hangUp(PhoneLeg leg) throws Exception {
		try {
			if (leg.state == PhoneLeg.State.CONFIRMED) {
				this.messages.bye(leg);
			}
		}
		finally {
			this.legs.end(leg, false);
			this.calls.actionsEnded(leg.callId);
		}
	}

	/**
	 * The leg as the runner sees it: rtpengine's call is the SIP Call-ID, the party hearing and
	 * pressing is the carrier's tag.
	 */
	private final class Line implements IvrLine {

		private final PhoneLeg leg;

		private Line(PhoneLeg leg) {
			this.leg = leg;
		}

		@Override
		public String mediaCallId() {
			return this.leg.sipCallId;
		}

		@Override
		public String partyTag() {
			return this.leg.remoteTag;
		}

		@Override
		public void hearParty(InetSocketAddress listener) {
			PhoneLeg phone = this.leg;
			PhoneIvr.this.media.anchorPhoneTo(phone.sipCallId, phone.remoteTag, phone.localTag, phone.remoteSdp,
					(listener != null) ? listener : MediaBridge.DISCARD);
		}

		@Override
		public void hangUp() {
			this.leg.run(() -> PhoneIvr.this.hangUp(this.leg));
		}

		@Override
		public void connect(CallControlDecision.Connect decision) {
			this.leg.run(() -> PhoneIvr.this.connect(this.leg, decision));
		}

		@Override
		public StreamedMedia streamTo(InetSocketAddress socket) throws InterruptedException {
			CompletableFuture<StreamedMedia> streamed = new CompletableFuture<>();
			// On the leg's thread, in order with its SIP messages: the SDP it reads is current.
			this.leg.run(() -> {
				try {
					if (this.leg.state != PhoneLeg.State.CONFIRMED) {
						throw new IllegalStateException("the call is no longer answered");
					}
					streamed.complete(PhoneIvr.this.media.streamPhone(this.leg.sipCallId, this.leg.remoteTag,
							this.leg.localTag, this.leg.remoteSdp, socket));
				}
				catch (RuntimeException ex) {
					streamed.completeExceptionally(ex);
				}
			});
			try {
				return streamed.get();
			}
			catch (ExecutionException ex) {
				throw (ex.getCause() instanceof RuntimeException failure) ? failure
						: new IllegalStateException(ex.getCause());
			}
		}

	}

}
