package asia.oncaller.call;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import asia.oncaller.billing.Grant;
import asia.oncaller.control.ConnectAction;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the phone leg of a call does to it, as the sip module reports it: progress, the answer,
 * a failure, a hangup, media renegotiation and DTMF from the phone party. Each change is settled
 * by the same conditional updates as the app's verbs, and its events go to the app leg once it
 * is committed.
 */
@Service
public class PhoneCallService {

	private static final Set<CallState> UNANSWERED = EnumSet.of(CallState.CALLING, CallState.RINGING);

	/** SIP's busy and declined answers, which end a call as Busy (5) rather than Ended (6). */
	private static final Set<Integer> BUSY_CODES = Set.of(486, 600, 603);

	private final CallRepository calls;

	private final CallTerminator terminator;

	private final CallCharging charging;

	private final EventSender sender;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final IceServers ice;

	private final ActionsOutcome outcome;

	PhoneCallService(CallRepository calls, CallTerminator terminator, CallCharging charging, EventSender sender,
			ApplicationEventPublisher events, TransactionTemplate transaction, Clock clock, IceServers ice,
			ActionsOutcome outcome) {
		this.calls = calls;
		this.terminator = terminator;
		this.charging = charging;
		this.sender = sender;
		this.events = events;
		this.transaction = transaction;
		this.clock = clock;
		this.ice = ice;
		this.outcome = outcome;
	}

	/** The phone leg's SIP Call-ID goes on the call record. */
	public void sipCallId(String callId, String sipCallId) {
		inTransaction(() -> this.calls.setSipCallId(callId, sipCallId));
	}

	/** 100 Trying: the caller hears {@code signalingState} 1 with the SIP code. */
	public void trying(String callId, int sipCode, String sipReason) {
		tell(() -> this.calls.findById(callId)
			.filter((call) -> call.getStatus() == CallState.CALLING)
			.map((call) -> List.of(toAppLeg(call, CallEvents.signalingState(call, CallState.CALLING, sipReason, sipCode))))
			.orElse(List.of()));
	}

	/** 180 or 183: the phone rings, once; the caller hears {@code signalingState} 2. */
	public void ringing(String callId, int sipCode, String sipReason) {
		tell(() -> this.calls.markRinging(callId, this.clock.instant()).map((call) -> {
			this.events.publishEvent(new CallLifecycleEvent.Ringing(CallSnapshot.of(call)));
			return List.of(toAppLeg(call, CallEvents.signalingState(call, CallState.RINGING, sipReason, sipCode)));
		}).orElse(List.of()));
	}

	/**
	 * The phone answered a call the app placed: the call is granted its answered time as an app
	 * callee's answer is, and the caller hears {@code signalingState} 3 and the phone's SDP answer.
	 * @return whether the call was still there to answer; if not, the phone leg must be hung up
	 */
	public boolean answered(String callId, int sipCode, Map<String, Object> answer) {
		Optional<List<Delivery>> deliveries = inTransaction(() -> {
			Optional<Call> found = this.calls.findById(callId);
			if (found.isEmpty()) {
				return Optional.empty();
			}
			Grant grant = this.charging.firstGrant(found.get());
			return this.calls.markAnswered(callId, this.clock.instant(), null, null, grant).map((call) -> {
				this.events.publishEvent(new CallLifecycleEvent.Answered(CallSnapshot.of(call)));
				return List.of(toAppLeg(call, CallEvents.signalingState(call, CallState.ANSWERED, "Answered", sipCode)),
						toAppLeg(call, phoneRelay("sdp", call, "sdp", answer)));
			});
		});
		deliveries.ifPresent(this.sender::send);
		return deliveries.isPresent();
	}

	/**
	 * The server answered the phone's call itself (its 200 OK went out) to run its SCCO's
	 * actions: the call is answered from now, granted its time as any answered call, and its
	 * event_url hears {@code answered}. Nobody else hears of it: no app user has the call yet.
	 * @return whether the call was still there to answer; if not, the phone leg must be hung up
	 */
	public boolean answeredByServer(String callId) {
		return Boolean.TRUE.equals(inTransaction(() -> this.calls.findById(callId)
			.flatMap((call) -> this.calls.markAnswered(callId, this.clock.instant(), null, null,
					this.charging.firstGrant(call)))
			.map((call) -> {
				this.events.publishEvent(new CallLifecycleEvent.Answered(CallSnapshot.of(call)));
				return true;
			})
			.orElse(false)));
	}

	/**
	 * The actions the server ran on the phone's call reached their {@code connect}: the same call
	 * rings the connect's app user, as a transfer target rings (the phone party stays connected),
	 * until the connect's timeout. The event_url hears {@code transferred} without a
	 * {@code fromUserId}. A connect to anything but an online app user ends the call, charged for
	 * the time since the server answered: the phone leg hears the end as a BYE.
	 */
	public void connectAfterActions(String callId, ConnectAction connect) {
		tell(() -> this.outcome.connect(callId, connect, (moved) -> List.of()));
	}

	/** The actions the server ran on the phone's call ended without a connect: so does the call. */
	public void actionsEnded(String callId) {
		tell(() -> this.outcome.end(callId, CallEnd.NORMAL));
	}

	/** The phone's SDP during the call (its answer to a re-offer) goes to the app leg. */
	public void sdp(String callId, Map<String, Object> sdp) {
		tell(() -> liveCall(callId).map((call) -> List.of(toAppLeg(call, phoneRelay("sdp", call, "sdp", sdp))))
			.orElse(List.of()));
	}

	/** DTMF from the phone party: the app leg hears a {@code dtmf} event, the event_url too. */
	public void dtmf(String callId, String digits) {
		tell(() -> liveCall(callId).map((call) -> {
			this.events.publishEvent(CallLifecycleEvent.Dtmf.of(call, digits, CallParties.phoneSide(call)));
			return List.of(toAppLeg(call, phoneRelay("dtmf", call, "digits", digits)));
		}).orElse(List.of()));
	}

	/**
	 * The phone refused or could not take a call the app placed: busy and declined (486, 600,
	 * 603) end it as Busy (5), every other failure as Ended (6), with the SIP code and reason.
	 */
	public void failed(String callId, int sipCode, String sipReason) {
		CallState state = BUSY_CODES.contains(sipCode) ? CallState.BUSY : CallState.ENDED;
		tell(() -> this.terminator.endByPhone(callId, CallState.live(), new CallEnd(state, sipReason, sipCode))
			.orElse(List.of()));
	}

	/** The phone party hung up (BYE) or gave up before the answer (CANCEL). */
	public void hungUp(String callId) {
		tell(() -> this.terminator.endByPhone(callId, EnumSet.of(CallState.ANSWERED), CallEnd.NORMAL)
			.or(() -> this.terminator.endByPhone(callId, UNANSWERED, CallEnd.CANCELED))
			.orElse(List.of()));
	}

	/**
	 * The node that held the call's phone leg is gone, and this node hangs the phone up for it:
	 * the call ends as a lost connection, charged to now, when the carrier hears the BYE.
	 */
	public void legLost(String callId) {
		tell(() -> this.terminator.endByPhone(callId, CallState.live(), CallEnd.CONNECTION_LOST).orElse(List.of()));
	}

	/**
	 * The phone leg's fresh offer for the user a call was transferred to: their devices hear
	 * {@code incomingCall}, with the phone party as the caller, and then the offer.
	 */
	public void ringTransferTarget(String callId, Map<String, Object> offer) {
		tell(() -> liveCall(callId).filter((call) -> call.timing().transferredAt() != null).map((call) -> {
			boolean appToPhone = call.getDirection() == CallDirection.APP_TO_PHONE;
			String target = appToPhone ? call.parties().fromUserId() : call.parties().toUserId();
			Recipient devices = new Recipient.User(call.getProjectId(), target);
			return List.of(new Delivery(devices, CallEvents.transferredCall(call, target, this.ice.forUser(target))),
					new Delivery(devices, phoneRelay("sdp", call, "sdp", offer)));
		}).orElse(List.of()));
	}

	private Optional<Call> liveCall(String callId) {
		return this.calls.findById(callId).filter((call) -> !call.getStatus().isFinal());
	}

	/** The app leg: the caller of a call dialled out, the callee of a call that came in. */
	private static Delivery toAppLeg(Call call, Map<String, Object> event) {
		return new Delivery(CallParties.otherLeg(call, CallParties.phoneSide(call)), event);
	}

	private static Map<String, Object> phoneRelay(String type, Call call, String key, Object value) {
		return CallEvents.relay(type, call, key, value, MakeCallService.PHONE_DEVICE);
	}

	private void tell(Supplier<List<Delivery>> change) {
		this.sender.send(inTransaction(change));
	}

	private <T> T inTransaction(Supplier<T> work) {
		return this.transaction.execute((status) -> work.get());
	}

}
