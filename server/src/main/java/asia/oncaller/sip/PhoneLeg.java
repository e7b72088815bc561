package asia.oncaller.sip;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;

import asia.oncaller.ivr.IvrCall;
import asia.oncaller.trunks.DtmfMode;
import asia.oncaller.trunks.SipTrunk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP side of one call: its dialog with the carrier and where it stands. Everything that
 * happens to a leg (the app's SDP, SIP messages, the call ending) runs through {@link #run} one
 * task after the other, so its fields need no locks; different legs run in parallel.
 */
final class PhoneLeg {

	private static final Logger log = LoggerFactory.getLogger(PhoneLeg.class);

	enum Direction {

		/** The server dialled the carrier for an app caller. */
		OUTBOUND,
		/** The carrier called one of the account's numbers. */
		INBOUND

	}

	enum State {

		/** Outbound: the INVITE is out, no response yet. Inbound: the app has not answered. */
		SETUP,
		/** Outbound: a provisional response came, so the INVITE can be cancelled. */
		EARLY,
		/** The carrier's side of the call is established (2xx sent or received). */
		CONFIRMED,
		/** Over; late messages get the answers SIP requires and change nothing. */
		ENDED

	}

	final Direction direction;

	final String sipCallId;

	final String localTag;

	/** Known at once for an outbound leg, once the source address is checked for an inbound one. */
	Trunk trunk;

	/** Ours; for an inbound leg known once the answer_url has decided. */
	String callId;

	String remoteTag;

	State state = State.SETUP;

	Dialog dialog;

	/** The outbound INVITE (or its authenticated retry). */
	ClientTransaction invite;

	/** The carrier's INVITE, until it has a final response. */
	ServerTransaction incoming;

	/** Whether the outbound INVITE was answered with a digest challenge already. */
	boolean challenged;

	/** The app ended the call before the carrier sent anything: cancel on the first provisional. */
	boolean cancelWanted;

	/** Whether the first 100 Trying was reported to the app. */
	boolean tryingReported;

	/** The carrier's SDP of the dialog, to offer its media afresh to a transfer's target. */
	String remoteSdp;

	/** A transfer's target was offered the media and has not answered it yet. */
	boolean transferring;

	/** Inbound: the SCCO the server runs before any connect (play, input...), while it runs. */
	IvrCall ivr;

	/** The SDP this side last sent to the carrier, to answer a carrier's re-INVITE with. */
	String localSdp;

	/** The CSeq of the INVITE that set the dialog up; later ones are re-INVITEs. */
	long inviteCSeq;

	/** The CSeq of the re-INVITE whose answer the app is waiting for, or 0. */
	long reofferCSeq;

	/** Inbound: when the carrier's INVITE gets a final response if nothing else gave it one. */
	volatile Future<?> deadline;

	private final Executor executor;

	private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

	PhoneLeg(Direction direction, String sipCallId, String localTag, Executor executor) {
		this.direction = direction;
		this.sipCallId = sipCallId;
		this.localTag = localTag;
		this.executor = executor;
	}

	/**
	 * Runs the task after every task given before it; a failing task is logged and the next runs.
	 * Even an {@link Error} must not end the chain: a stage that completes exceptionally would
	 * skip every later one, and the leg's final response or BYE with it.
	 */
	synchronized void run(Task task) {
		this.tail = this.tail.exceptionally((failure) -> {
			log.error("Phone leg {} (call {}): a task failed", this.sipCallId, this.callId, failure);
			return null;
		}).thenRunAsync(() -> {
			try {
				task.run();
			}
			catch (Exception ex) {
				log.warn("Phone leg {} (call {}): {}", this.sipCallId, this.callId, ex.toString(), ex);
			}
		}, this.executor);
	}

	/** The INVITE has its final response, or will get none: its deadline is moot. */
	void cancelDeadline() {
		Future<?> pending = this.deadline;
		if (pending != null) {
			pending.cancel(false);
		}
	}

	boolean isEnded() {
		return this.state == State.ENDED;
	}

	/** Work on a leg; SIP's API throws checked exceptions everywhere. */
	@FunctionalInterface
	interface Task {

		void run() throws Exception;

	}

	/** What a leg needs of its trunk, read once when the leg starts. */
	record Trunk(String id, String host, int port, String transport, String username, String password,
			DtmfMode dtmfMode) {

		static Trunk of(SipTrunk trunk) {
			return new Trunk(trunk.getId(), trunk.getHost(), trunk.getPort(),
					trunk.getTransport().name().toLowerCase(Locale.ROOT), trunk.getUsername(), trunk.getPassword(),
					trunk.getDtmfMode());
		}

		boolean hasCredentials() {
			return this.username != null;
		}

		@Override
		public String toString() {
			return "Trunk[" + this.id + " " + this.host + ":" + this.port + "/" + this.transport + "]";
		}

	}

}
