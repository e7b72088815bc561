package asia.oncaller.sip;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import asia.oncaller.call.EventSender;
import asia.oncaller.call.MakeCallService;
import asia.oncaller.call.PhoneCallPlacement;
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
 * end.
 */
class PhoneIvr {

	private final SccoRunner runner;

	private final MakeCallService makeCalls;

	private final MediaBridge media;

	private final PhoneLegs legs;

	private final SipMessages messages;

	private final EventSender sender;

	PhoneIvr(SccoRunner runner, MakeCallService makeCalls, MediaBridge media, PhoneLegs legs, SipMessages messages,
			EventSender sender) {
		this.runner = runner;
		this.makeCalls = makeCalls;
		this.media = media;
		this.legs = legs;
		this.messages = messages;
		this.sender = sender;
	}

	/** Starts the placement's SCCO on the answered leg. */
	IvrCall start(PhoneLeg leg, PhoneCallPlacement placed) {
		return this.runner.start(new Line(leg), placed.callId(), placed.scco(), leg.dialled.number().getAccountId(),
				placed.project().signingSecret());
	}

	/**
	 * The actions reached their connect: the call is placed as it says, the app's devices ring
	 * with the phone's media offered afresh, and the carrier, answered already, hears nothing of
	 * it until the app's answer completes the bridge (as a transfer does). A connect that cannot
	 * be placed, or a failure placing it, ends the call.
	 */
	private void connect(PhoneLeg leg, CallControlDecision.Connect decision) throws Exception {
		if (leg.state != PhoneLeg.State.CONFIRMED) {
			return;
		}
		leg.ivr = null;
		PhoneLeg.Dialled dialled = leg.dialled;
		PhoneCallPlacement placed;
		try {
			placed = this.makeCalls.connectFromPhone(dialled.number(), dialled.trunkId(), leg.sipCallId,
					dialled.fromNumber(), dialled.callId(), decision,
					() -> Map.of("type", "offer", "sdp",
							this.media.offerToApp(leg.sipCallId, leg.remoteTag, leg.remoteSdp)),
					dialled.project());
		}
		catch (RuntimeException ex) {
			// rtpengine or the database failed: the carrier must not be left on a silent line.
			hangUp(leg);
			throw ex;
		}
		if (!placed.outcome().ok() || placed.endedAtOnce()) {
			hangUp(leg);
			return;
		}
		leg.transferring = true;
		this.legs.bind(leg, placed.callId());
		this.sender.send(placed.deliveries());
	}

	/** The actions ended without a connect: the carrier hears a BYE. */
	private void hangUp(PhoneLeg leg) throws Exception {
		if (leg.state == PhoneLeg.State.CONFIRMED) {
			this.messages.bye(leg);
		}
		this.legs.end(leg, false);
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
