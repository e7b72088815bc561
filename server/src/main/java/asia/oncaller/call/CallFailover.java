package asia.oncaller.call;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import asia.oncaller.control.CallControlDecision;
import asia.oncaller.control.ConnectAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The database side of continueOnFail: a connect whose internal callee failed (busy, not online,
 * no answer) does not end the call but marks it, the sweep takes it over, and once the
 * onFailEventUrl has answered (see {@link FailoverRunner}) the call is retargeted to the app user
 * of the replacing connect or ends as it would have without failover. Every step is one
 * transaction that only acts on the call as the step before left it, so a hangup, a lost
 * connection or another node racing a failover wins or loses cleanly.
 */
@Component
class CallFailover {

	private static final Logger log = LoggerFactory.getLogger(CallFailover.class);

	private static final EnumSet<CallState> UNANSWERED = EnumSet.of(CallState.CALLING, CallState.RINGING);

	private final CallRepository calls;

	private final CallTerminator terminator;

	private final CallCharging charging;

	private final CallRouting routing;

	private final Presence presence;

	private final IceServers ice;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final CallProperties properties;

	private final JsonMapper json;

	// Lazy: the presence registry ends calls through the reaper when a connection closes, and
	// the reaper hands failovers here.
	CallFailover(CallRepository calls, CallTerminator terminator, CallCharging charging, CallRouting routing,
			@Lazy Presence presence, IceServers ice, ApplicationEventPublisher events, Clock clock,
			CallProperties properties, JsonMapper json) {
		this.calls = calls;
		this.terminator = terminator;
		this.charging = charging;
		this.routing = routing;
		this.presence = presence;
		this.ice = ice;
		this.events = events;
		this.clock = clock;
		this.properties = properties;
		this.json = json;
	}

	/** Whether a new call whose connect is this one fails over when its callee is unreachable. */
	boolean mayFailOver(ConnectAction connect) {
		return FailoverChoice.mayFailOver(connect.continueOnFail(), this.properties.maxFailovers());
	}

	/**
	 * A callee device rejected the call: it fails over instead of ending when its connect allows,
	 * and the callee's other devices stop ringing ({@code otherDevice 486}); the caller hears
	 * nothing until the onFailEventUrl has answered. Empty when the call ends as Busy instead.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Optional<List<Delivery>> rejected(String callId, Party party) {
		return this.calls
			.markConnectFailed(callId, ConnectFailure.BUSY.reason(), this.clock.instant(),
					this.properties.maxFailovers())
			.map((call) -> List.of(new Delivery(CallParties.otherCalleeDevices(call, party),
					CallEvents.otherDeviceState(call, ConnectFailure.BUSY.end().sipCode()))));
	}

	/**
	 * Takes over the failover of a call whose ring deadline has passed, if it has one to make.
	 * @return the call as taken over, for {@link FailoverRunner#start}; empty when it simply
	 * timed out (or moved on meanwhile)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Optional<Call> claim(String callId) {
		Instant now = this.clock.instant();
		return this.calls.claimFailover(callId, now, now.plus(this.properties.failoverLease()),
				this.properties.maxFailovers());
	}

	/**
	 * Carries out the onFailEventUrl's answer on the call {@code claimed} took over: retargets it
	 * when the answer is a connect to an app user the account may call, else ends it as its
	 * callee's failure ends a call. Nothing happens when the call has changed since the claim.
	 * @return the events to send; empty when the call had moved on
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Optional<List<Delivery>> settle(Call claimed, CallControlDecision decision) {
		// The one lock order: the account, then the call, whose row stays locked until the end.
		this.charging.lockAccount(claimed.getAccountId());
		Optional<Call> locked = this.calls.findLockedById(claimed.getId());
		if (locked.isEmpty() || !locked.get().getVersion().equals(claimed.getVersion())) {
			return Optional.empty();
		}
		Call call = locked.get();
		ConnectFailure failure = ConnectFailure.of(call.failover().failReason());
		if (decision instanceof CallControlDecision.Connect replacing && replacing.connect().to().isInternal()) {
			Optional<List<Delivery>> retargeted = retarget(call, replacing.connect(), failure);
			if (retargeted.isPresent()) {
				return retargeted;
			}
		}
		return this.terminator.end(call.getId(), UNANSWERED, failure.end(), null);
	}

	/**
	 * The caller's offer and candidates, which went to the callee that failed: the new callee
	 * gets them as if relayed now, so the caller's leg needs no new negotiation.
	 */
	private List<Delivery> callerMedia(Call call) {
		List<Delivery> deliveries = new ArrayList<>();
		Recipient callee = CallParties.callee(call);
		if (call.failover().callerOffer() != null) {
			deliveries.add(new Delivery(callee, CallEvents.relay("sdp", call, "sdp",
					this.json.readValue(call.failover().callerOffer(), Map.class), call.parties().callerDeviceId())));
		}
		if (call.failover().callerCandidates() != null) {
			for (Object candidate : this.json.readValue(call.failover().callerCandidates(), List.class)) {
				deliveries.add(new Delivery(callee,
						CallEvents.relay("candidate", call, "candidate", candidate, call.parties().callerDeviceId())));
			}
		}
		return deliveries;
	}

	private Optional<List<Delivery>> retarget(Call call, ConnectAction connect, ConnectFailure failure) {
		// Released first, so that pricing the new callee does not count this call's hold twice.
		call.releaseReservation();
		this.calls.flush();
		// An account's currency never changes: the call's is the account's.
		CallRouting.Route route = this.routing.routeWithinBalance(call.getAccountId(), call.money().currency(), connect);
		if (!route.outcome().ok()) {
			log.info("Call {} not retargeted: {}", call.getId(), route.outcome().message());
			return Optional.empty();
		}
		CallSnapshot.Endpoint previousTo = CallSnapshot.of(call).to();
		Instant now = this.clock.instant();
		call.retarget(connect, route.money(connect), now);
		this.events.publishEvent(
				new CallLifecycleEvent.Retargeted(CallSnapshot.of(call), failure.reason(), previousTo));
		Delivery calling = new Delivery(CallParties.caller(call),
				CallEvents.signalingState(call, CallState.CALLING, "Calling"));
		boolean online = this.presence.isOnline(call.getProjectId(), call.parties().toUserId());
		return switch (FailoverChoice.afterRetarget(online, call.failover(), this.properties.maxFailovers())) {
			case RING -> {
				List<Delivery> deliveries = new ArrayList<>(List.of(calling, new Delivery(CallParties.callee(call),
						CallEvents.incomingCall(call, this.ice.forUser(call.parties().toUserId())))));
				deliveries.addAll(callerMedia(call));
				yield Optional.of(deliveries);
			}
			case FAIL_OVER_AGAIN -> {
				// The next sweep asks the new connect's onFailEventUrl in turn.
				call.failOverAt(ConnectFailure.NOT_ONLINE, now);
				yield Optional.of(List.of(calling));
			}
			case END -> this.terminator.end(call.getId(), UNANSWERED, CallEnd.NOT_ONLINE, null);
		};
	}

}
