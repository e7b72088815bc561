package asia.oncaller.sip;

import java.util.Optional;

import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.message.Request;
import javax.sip.message.Response;

import asia.oncaller.limits.CallSetups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives every SIP event on the stack's one thread and hands it to its leg at once: whatever
 * takes time (the answer_url, the media bridge, the database) runs on the legs' threads. What
 * SIP requires at once, such as 100 Trying or the 200 OK to a CANCEL or BYE, is sent here, and so
 * is the 503 to an INVITE that finds the node past its capacity: the oldest task waiting for a
 * leg worker has waited too long ({@link LegWorkers}), or the node has as many call set-ups
 * under way as it may ({@link CallSetups}). Refused at once, it costs the node almost nothing and
 * the carrier can try another route, where queued it would wait past SIP's retransmission timers.
 */
class SipDispatcher implements SipListener {

	private static final Logger log = LoggerFactory.getLogger(SipDispatcher.class);

	private final SipEndpoint endpoint;

	private final SipMessages messages;

	private final PhoneLegs legs;

	private final OutboundCalls outbound;

	private final InboundCalls inbound;

	private final DialogRequests dialogs;

	private final CallSetups setups;

	private final int retryAfterSeconds;

	private final LegWorkers workers;

	private final long maxQueueWaitNanos;

	SipDispatcher(SipEndpoint endpoint, SipMessages messages, PhoneLegs legs, OutboundCalls outbound,
			InboundCalls inbound, DialogRequests dialogs, CallSetups setups, LegWorkers workers,
			SipProperties properties) {
		this.setups = setups;
		this.workers = workers;
		this.retryAfterSeconds = (int) properties.retryAfter().toSeconds();
		this.maxQueueWaitNanos = properties.maxQueueWait().toNanos();
		this.endpoint = endpoint;
		this.messages = messages;
		this.legs = legs;
		this.outbound = outbound;
		this.inbound = inbound;
		this.dialogs = dialogs;
	}

	@Override
	public void processRequest(RequestEvent event) {
		Request request = event.getRequest();
		try {
			if (Request.ACK.equals(request.getMethod())) {
				return;
			}
			ServerTransaction transaction = transaction(event);
			if (transaction == null) {
				return;
			}
			if (Request.INVITE.equals(request.getMethod()) && SipMessages.toTag(request) == null) {
				newCall(transaction);
				return;
			}
			Optional<PhoneLeg> leg = this.legs.bySipCallId(SipMessages.sipCallId(request));
			switch (request.getMethod()) {
				case Request.OPTIONS -> transaction.sendResponse(this.messages.response(request, Response.OK, null, null));
				case Request.CANCEL -> {
					transaction.sendResponse(this.messages.response(request, Response.OK, null, null));
					leg.ifPresent((found) -> found.run(() -> this.inbound.cancelled(found)));
				}
				default -> {
					if (leg.isEmpty()) {
						transaction.sendResponse(this.messages.response(request,
								Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, null, null));
						return;
					}
					PhoneLeg found = leg.get();
					found.run(() -> this.dialogs.request(found, transaction));
				}
			}
		}
		catch (Exception ex) {
			log.warn("Could not handle {} {}", request.getMethod(), SipMessages.sipCallId(request), ex);
		}
	}

	private void newCall(ServerTransaction transaction) throws Exception {
		Request invite = transaction.getRequest();
		if (this.workers.oldestWaitNanos(System.nanoTime()) > this.maxQueueWaitNanos || !this.setups.tryStart()) {
			transaction.sendResponse(this.messages.unavailable(invite, this.retryAfterSeconds));
			return;
		}
		boolean handedOver = false;
		try {
			PhoneLeg leg = this.legs.inbound(SipMessages.sipCallId(invite));
			leg.incoming = transaction;
			leg.remoteTag = SipMessages.fromTag(invite);
			this.inbound.taken(leg);
			transaction.sendResponse(this.messages.response(invite, Response.TRYING, null, null));
			// The set-up holds its place until the devices ring or the carrier has its answer.
			leg.run(() -> {
				try {
					this.inbound.accept(leg, invite);
				}
				finally {
					this.setups.finish();
				}
			});
			handedOver = true;
		}
		finally {
			if (!handedOver) {
				this.setups.finish();
			}
		}
	}

	@Override
	public void processResponse(ResponseEvent event) {
		Response response = event.getResponse();
		if (!Request.INVITE.equals(SipMessages.cseq(response).getMethod())) {
			return;
		}
		this.legs.bySipCallId(SipMessages.sipCallId(response))
			.ifPresent((leg) -> leg.run(() -> this.outbound.inviteResponse(leg, event)));
	}

	@Override
	public void processTimeout(TimeoutEvent event) {
		ClientTransaction transaction = event.getClientTransaction();
		if (event.isServerTransaction() || transaction == null
				|| !Request.INVITE.equals(transaction.getRequest().getMethod())) {
			return;
		}
		// Only the leg's current INVITE counts (not one a digest retry replaced); the leg's own
		// thread is where its fields are read.
		this.legs.bySipCallId(SipMessages.sipCallId(transaction.getRequest())).ifPresent((leg) -> leg.run(() -> {
			if (leg.invite == transaction) {
				this.outbound.timedOut(leg);
			}
		}));
	}

	@Override
	public void processIOException(IOExceptionEvent event) {
		log.warn("SIP transport error toward {}:{}/{}", event.getHost(), event.getPort(), event.getTransport());
	}

	@Override
	public void processTransactionTerminated(TransactionTerminatedEvent event) {
	}

	@Override
	public void processDialogTerminated(DialogTerminatedEvent event) {
	}

	/** The request's server transaction; {@code null} for a retransmission the stack already has one for. */
	private ServerTransaction transaction(RequestEvent event) throws Exception {
		if (event.getServerTransaction() != null) {
			return event.getServerTransaction();
		}
		try {
			return this.endpoint.provider().getNewServerTransaction(event.getRequest());
		}
		catch (TransactionAlreadyExistsException ex) {
			return null;
		}
	}

}
