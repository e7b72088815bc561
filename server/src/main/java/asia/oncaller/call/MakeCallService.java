package asia.oncaller.call;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import asia.oncaller.common.Sids;
import asia.oncaller.control.AnswerUrlClient;
import asia.oncaller.control.CallControlDecision;
import asia.oncaller.control.ConnectAction;
import asia.oncaller.control.MediaAnchor;
import asia.oncaller.control.Scco;
import asia.oncaller.control.SccoParser;
import asia.oncaller.numbers.PhoneNumber;
import asia.oncaller.tenant.CallingProject;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * {@code call.make}: checks the account's call limits ({@code r=12}, before anything else), asks
 * the project's answer_url where the call goes, checks that it may go there (codes 1 to 8, in the
 * documented order), writes the call and rings the callee. The HTTP request to the answer_url
 * happens outside any database transaction.
 */
@Service
public class MakeCallService {

	private static final int MAX_CUSTOM_CHARS = 16 * 1024;

	/** The {@code deviceId} that the phone leg's SDP carries to app devices. */
	static final String PHONE_DEVICE = "phone";

	/**
	 * How long a call the server answers itself may wait for its 200 OK to go out; past it the
	 * sweep ends it unanswered (the SIP side failed between writing the call and answering).
	 */
	private static final Duration SERVER_ANSWER_WITHIN = Duration.ofSeconds(30);

	private final AdmissionReader admissionReader;

	private final AnswerUrlClient answerUrls;

	private final CallRouting routing;

	private final CallRepository calls;

	private final Presence presence;

	private final IceServers ice;

	private final Clock clock;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	private final ObjectProvider<PhoneNetwork> phones;

	private final CallFailover failover;

	private final CallLimits limits;

	private final CallConnections connections;

	private final CallAdmission admission;

	private final ObjectProvider<AppCallerActions> appCallers;

	MakeCallService(AdmissionReader admissionReader, AnswerUrlClient answerUrls, CallRouting routing, CallRepository calls,
			Presence presence, IceServers ice, Clock clock, JsonMapper json,
			ApplicationEventPublisher events, ObjectProvider<PhoneNetwork> phones, CallFailover failover,
			CallLimits limits, CallConnections connections, CallAdmission admission,
			ObjectProvider<AppCallerActions> appCallers) {
		this.appCallers = appCallers;
		this.admissionReader = admissionReader;
		this.answerUrls = answerUrls;
		this.routing = routing;
		this.calls = calls;
		this.presence = presence;
		this.ice = ice;
		this.clock = clock;
		this.json = json;
		this.events = events;
		this.phones = phones;
		this.failover = failover;
		this.limits = limits;
		this.connections = connections;
		this.admission = admission;
	}

	/**
	 * Places a call for the caller. On success the reply carries {@code callId}, {@code toType},
	 * {@code customDataFromYourServer} and {@code iceServers}; the caller then hears
	 * {@code signalingState} 1 and every online device of the callee {@code incomingCall}. A callee
	 * with no device online ends the call at once (6, "Callee not online"), unless the connect
	 * fails over (see {@link CallFailover}).
	 */
	public CallResult make(Party caller, MakeCallCommand command) {
		return this.limits.withinCapacity(() -> makeWithin(caller, command));
	}

	private CallResult makeWithin(Party caller, MakeCallCommand command) {
		String custom = customText(command.custom());
		Admission admission = admit(custom, caller.accountId(), caller.projectId());
		if (admission.refused().isPresent()) {
			return admission.refused().get();
		}
		String callId = Sids.newSid("call-");
		CallControlDecision decision = this.answerUrls.decide(admission.project().answerUrl(),
				answerUrlParameters(command.fromNumber(), command.toNumber(), caller.userId(), caller.projectId(), callId,
						command.video(), custom),
				admission.project());
		Scco actionsFirst = actionsFirst(decision);
		AppCallerActions actions = this.appCallers.getIfAvailable();
		if (actionsFirst != null && actions != null && caller.hasConnection()) {
			return answerAppByServer(caller, command, callId, actionsFirst, actions, admission.project(),
					admission.currency());
		}
		return place(caller, callId, decision, command.video(), EndpointType.INTERNAL, null, admission.project(),
				admission.currency());
	}

	/** The SCCO of an app caller that the server answers to run actions first, else {@code null}. */
	private static Scco actionsFirst(CallControlDecision decision) {
		Scco scco = (decision instanceof CallControlDecision.Run run) ? run.scco()
				: (decision instanceof CallControlDecision.Connect connect) ? connect.scco() : null;
		return (scco != null && MediaAnchor.appCallerRunsActionsFirst(scco)) ? scco : null;
	}

	/**
	 * Writes and admits an app caller's call that the server answers itself to run {@code scco}
	 * (docs/ivr.md, "App callers"): admitted and priced as a phone call the server answers
	 * ({@link CallRouting#answeredNumber}, the number the app dialled), its media anchored. The
	 * caller hears {@code signalingState} 1 now, and 3 with rtpengine's answer to its offer
	 * ({@link CallRelayService#sdp}).
	 */
	private CallResult answerAppByServer(Party caller, MakeCallCommand command, String callId, Scco scco,
			AppCallerActions actions, CallingProject project, String currency) {
		CallRouting.Route route = this.routing.answeredNumber(caller.accountId(), currency, command.toNumber());
		if (!route.outcome().ok()) {
			return CallResult.of(route.outcome());
		}
		Call call = Call.answeredByServerForApp(callId, caller, command.toNumber(),
				route.moneyWithoutLimit(), this.clock.instant().plus(SERVER_ANSWER_WITHIN));
		CallOutcome admitted = this.admission.write(call, route.tariff(), (written) -> announce(written, caller, project, scco));
		if (admitted == CallOutcome.RATE_LIMITED) {
			return CallResult.of(CallOutcome.RATE_LIMITED, CallLimits.TOO_MANY_CALLS);
		}
		if (!admitted.ok()) {
			return CallResult.of(admitted);
		}
		// Before the reply: the caller's offer, which follows it, must find the SCCO.
		actions.admitted(callId, scco, caller.accountId(), project.signingSecret());
		return CallResult.ok(List.of(new Delivery(CallParties.caller(call),
				CallEvents.signalingState(call, CallState.CALLING, "Calling"))))
			.with("callId", callId)
			.with("toType", "internal")
			.with("customDataFromYourServer", null)
			.with("iceServers", iceServersFor(caller));
	}

	/**
	 * Places a call for the customer's server ({@code POST /v1/calls}): the SCCO is the inline one
	 * of the command, else the answer of the command's answer_url, and no app user is the caller,
	 * so nobody hears the caller's events and only the callee may act on the call. The codes and
	 * the reply are those of {@link #make}; the caller type is the SCCO's {@code from.type}.
	 */
	public CallResult makeFromServer(String projectId, String accountId, ServerCallCommand command) {
		return this.limits.withinCapacity(() -> makeFromServerWithin(projectId, accountId, command));
	}

	private CallResult makeFromServerWithin(String projectId, String accountId, ServerCallCommand command) {
		String custom = customText(command.custom());
		Admission admission = admit(custom, accountId, projectId);
		if (admission.refused().isPresent()) {
			return admission.refused().get();
		}
		String callId = Sids.newSid("call-");
		CallControlDecision decision = (command.scco() != null) ? SccoParser.parse(command.scco())
				: this.answerUrls.decide(command.answerUrl(), answerUrlParameters(command.fromNumber(),
						command.toNumber(), null, projectId, callId, command.video(), custom), admission.project());
		EndpointType fromType = (decision instanceof CallControlDecision.Connect connect
				&& connect.connect().from().isExternal()) ? EndpointType.EXTERNAL : EndpointType.INTERNAL;
		return place(Party.withoutConnection(projectId, accountId, null), callId, decision, command.video(), fromType,
				null, admission.project(), admission.currency());
	}

	/**
	 * Places a call that a phone party made through a trunk to one of the account's numbers: the
	 * number's answer_url (else its project's) decides, with {@code fromInternal=false}, and the
	 * checks and codes are those of {@link #make}. Only a {@code connect} to an app user can be
	 * carried out; its devices hear {@code incomingCall} and then the phone's SDP {@code offer}.
	 * An SCCO that runs actions before its connect (or has none) is a call the server answers
	 * itself: it is written and admitted as every call is, callee the number, and the placement
	 * says so ({@link PhoneCallPlacement#runsFirst()}); the SIP side answers the phone and runs
	 * the actions, and a connect they reach moves the same call to its app user
	 * ({@link PhoneCallService#connectAfterActions}).
	 * @param sipCallId the Call-ID of the carrier's INVITE, for the record
	 * @param offer the phone party's offer as the media bridge rewrote it for WebRTC, asked for
	 * only when the call connects at once
	 */
	public PhoneCallPlacement makeFromPhone(PhoneNumber number, String trunkId, String sipCallId, String fromNumber,
			Supplier<Map<String, Object>> offer) {
		Admission admission = admit(null, number.getAccountId(), number.getProjectId());
		if (admission.refused().isPresent()) {
			return PhoneCallPlacement.refused(admission.refused().get().outcome());
		}
		CallingProject project = admission.project();
		String answerUrl = (number.getAnswerUrl() != null) ? number.getAnswerUrl() : project.answerUrl();
		String callId = Sids.newSid("call-");
		CallControlDecision decision = this.answerUrls.decide(answerUrl,
				answerUrlParameters(fromNumber, number.getNumber(), null, project.id(), callId, false, null),
				project);
		InboundLine line = new InboundLine(trunkId, number.getId(), sipCallId);
		if (decision instanceof CallControlDecision.Run run) {
			return answerByServer(number, fromNumber, callId, line, run.scco(), project, admission.currency());
		}
		if (decision instanceof CallControlDecision.Connect connect && MediaAnchor.runsActionsFirst(connect.scco())) {
			return answerByServer(number, fromNumber, callId, line, connect.scco(), project, admission.currency());
		}
		if (decision instanceof CallControlDecision.Connect connect && !connect.connect().to().isInternal()) {
			// A phone call can only be connected to an app user.
			return PhoneCallPlacement.refused(CallOutcome.TO_TYPE_INVALID);
		}
		// Before the call is written: a media bridge that fails leaves no call behind.
		Map<String, Object> appOffer = offer.get();
		Party phone = Party.withoutConnection(project.id(), number.getAccountId(), null);
		CallResult placed = place(phone, callId, decision, false, EndpointType.EXTERNAL, line, project,
				admission.currency());
		if (!placed.outcome().ok()) {
			return PhoneCallPlacement.refused(placed.outcome());
		}
		Call call = this.calls.findById(callId).orElseThrow();
		if (call.getStatus().isFinal()) {
			return new PhoneCallPlacement(placed.outcome(), callId, call.getSipCode(), call.getEndReason(),
					placed.deliveries(), null, null);
		}
		List<Delivery> deliveries = new ArrayList<>(placed.deliveries());
		deliveries.add(new Delivery(CallParties.callee(call),
				CallEvents.relay("sdp", call, "sdp", appOffer, PHONE_DEVICE)));
		return new PhoneCallPlacement(placed.outcome(), callId, null, null, deliveries, null, null);
	}

	/**
	 * Writes and admits the phone's call that the server answers itself to run {@code scco}: the
	 * account's calls at once and balance decide as for any call ({@link CallAdmission}), priced
	 * by {@link CallRouting#answeredNumber}. Refused, nothing is written and the carrier hears the
	 * refusal; admitted, its event_url hears {@code created} at once.
	 */
	private PhoneCallPlacement answerByServer(PhoneNumber number, String fromNumber, String callId, InboundLine line,
			Scco scco, CallingProject project, String currency) {
		CallRouting.Route route = this.routing.answeredNumber(number.getAccountId(), currency, number.getNumber());
		if (!route.outcome().ok()) {
			return PhoneCallPlacement.refused(route.outcome());
		}
		Party phone = Party.withoutConnection(project.id(), number.getAccountId(), null);
		Call call = Call.answeredByServer(callId, phone, fromNumber, number.getNumber(), route.moneyWithoutLimit(),
				new PhoneLine(line.trunkId(), line.numberId(), line.sipCallId()),
				this.clock.instant().plus(SERVER_ANSWER_WITHIN));
		CallOutcome admitted = this.admission.write(call, route.tariff(), (written) -> announce(written, phone, project, scco));
		return admitted.ok() ? PhoneCallPlacement.runsFirst(callId, scco, project) : PhoneCallPlacement.refused(admitted);
	}

	/**
	 * Carries out the SCCO's {@code connect}: codes 3 to 8 from the account's numbers, trunks and
	 * rates, read without any lock, then the call written and admitted under the account's lock
	 * ({@link CallAdmission}: the calls at once, {@code r=12}, and the balance, code 8).
	 */
	private CallResult place(Party caller, String callId, CallControlDecision decision, boolean video,
			EndpointType fromType, InboundLine inbound, CallingProject project, String currency) {
		if (decision instanceof CallControlDecision.Failed failed) {
			return CallResult.of((failed.code() == 1) ? CallOutcome.ANSWER_URL_EMPTY : CallOutcome.SCCO_INCORRECT_FORMAT);
		}
		if (decision instanceof CallControlDecision.Run) {
			// Only a phone leg, which the server can answer itself, runs an SCCO without a connect.
			return CallResult.of(CallOutcome.SCCO_INCORRECT_FORMAT);
		}
		CallControlDecision.Connect placing = (CallControlDecision.Connect) decision;
		ConnectAction connect = placing.connect();
		CallRouting.Route route = this.routing.route(caller.accountId(), currency, connect);
		if (!route.outcome().ok()) {
			return CallResult.of(route.outcome());
		}
		Call call = newCall(callId, caller, video, fromType, connect, route, inbound);
		if (call.getDirection() == CallDirection.APP_TO_APP && caller.hasConnection()
				&& MediaAnchor.needed(placing.scco())) {
			// Phone legs pass through rtpengine anyway; between two apps only when the SCCO needs it.
			call.anchorMedia();
		}
		CallOutcome admitted = this.admission.write(call, route.tariff(),
				(written) -> announce(written, caller, project, placing.scco()));
		if (admitted == CallOutcome.RATE_LIMITED) {
			return CallResult.of(CallOutcome.RATE_LIMITED, CallLimits.TOO_MANY_CALLS);
		}
		if (!admitted.ok()) {
			return CallResult.of(admitted);
		}
		return CallResult.ok(firstEvents(call))
			.with("callId", callId)
			.with("toType", connect.to().type())
			.with("customDataFromYourServer", connect.customData())
			.with("iceServers", iceServersFor(caller));
	}

	/**
	 * A device placing the call gets TURN credentials for its own user; the customer's server
	 * placing it over REST runs no media and gets none.
	 */
	private List<IceServer> iceServersFor(Party caller) {
		return caller.hasConnection() ? this.ice.forUser(caller.userId()) : this.ice.withoutCredentials();
	}

	/**
	 * Tells the event_url of the call just admitted, in its placement's transaction. A call with no
	 * phone number uses its project's event_url, as the admission read it with the answer_url
	 * ({@code project}): the webhook outbox then needs no look-up of its own.
	 */
	private void announce(Call call, Party caller, CallingProject project, Scco scco) {
		this.connections.takingPart(caller.connectionId());
		if (call.phoneLine().numberId() == null) {
			call.readWith(new CallSnapshot.EventUrls(null, project.eventUrl()));
		}
		this.events.publishEvent(new CallLifecycleEvent.Created(CallSnapshot.of(call), scco));
		if (call.getStatus().isFinal()) {
			this.events.publishEvent(CallLifecycleEvent.Ended.of(call, CallParties.Role.NONE));
		}
	}

	/**
	 * Why a call may not be placed before its answer_url is asked (custom data over 16 KB, or the
	 * account's limits; the same for every caller), else the project whose answer_url and
	 * signing secret it uses. All that is read is one statement ({@link AdmissionReader}).
	 */
	private Admission admit(String custom, String accountId, String projectId) {
		if (custom != null && custom.length() > MAX_CUSTOM_CHARS) {
			return new Admission(Optional
				.of(CallResult.of(CallOutcome.INVALID_REQUEST, "Invalid request: custom is larger than 16 KB")), null,
					null);
		}
		AdmissionReader.AdmissionRead read = this.admissionReader.read(accountId, projectId);
		Optional<CallResult> refused = this.limits.refusal(accountId, read.calls());
		return new Admission(refused, refused.isPresent() ? null : read.project().orElseThrow(), read.currency());
	}

	/**
	 * A refusal, or the caller's project when the call may go on, and the account's currency.
	 */
	private record Admission(Optional<CallResult> refused, CallingProject project, String currency) {
	}

	private String customText(Object custom) {
		return (custom == null || custom instanceof String) ? (String) custom : this.json.writeValueAsString(custom);
	}

	/**
	 * What the answer_url is asked with: an app user's call is {@code fromInternal} and names the
	 * user; a call from the customer's server or from a phone names none.
	 */
	private static Map<String, String> answerUrlParameters(String from, String to, String userId, String projectId,
			String callId, boolean video, String custom) {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("from", from);
		parameters.put("to", to);
		parameters.put("fromInternal", String.valueOf(userId != null));
		if (userId != null) {
			parameters.put("userId", userId);
		}
		parameters.put("projectId", projectId);
		parameters.put("callId", callId);
		parameters.put("videoCall", String.valueOf(video));
		if (custom != null) {
			parameters.put("custom", custom);
		}
		return parameters;
	}

	private Call newCall(String callId, Party caller, boolean video, EndpointType fromType, ConnectAction connect,
			CallRouting.Route route, InboundLine inbound) {
		Instant now = this.clock.instant();
		PhoneLine line = (inbound != null) ? new PhoneLine(inbound.trunkId(), inbound.numberId(), inbound.sipCallId())
				: new PhoneLine(route.trunkId(), route.numberId(), null);
		Call call = Call.calling(callId, caller, fromType, connect, video,
				route.money(connect), line, now);
		CallEnd immediateEnd = immediateEnd(call, connect, caller);
		if (immediateEnd == CallEnd.NOT_ONLINE && this.failover.mayFailOver(connect)) {
			// Due at once: the next sweep asks the onFailEventUrl where the call goes instead.
			call.failOverAt(ConnectFailure.NOT_ONLINE, now);
		}
		else if (immediateEnd != null) {
			call.endAtOnce(immediateEnd, now);
		}
		return call;
	}

	/** The trunk and the number a phone call came in on, and its SIP Call-ID. */
	private record InboundLine(String trunkId, String numberId, String sipCallId) {
	}

	/**
	 * Why a call that passed every check still ends at once, or {@code null} if it rings. A phone
	 * number is dialled once the caller's device offers its media, so a call placed with no
	 * device (over REST) cannot reach one.
	 */
	private CallEnd immediateEnd(Call call, ConnectAction connect, Party caller) {
		if (connect.to().isExternal()) {
			return (this.phones.getIfAvailable() != null && caller.hasConnection()) ? null : CallEnd.NO_SIP_GATEWAY;
		}
		return this.presence.isOnline(call.getProjectId(), call.parties().toUserId()) ? null : CallEnd.NOT_ONLINE;
	}

	private List<Delivery> firstEvents(Call call) {
		Delivery toCaller = new Delivery(CallParties.caller(call), CallEvents.signalingState(call,
				call.getStatus(), call.getStatus().isFinal() ? call.getEndReason() : "Calling"));
		if (call.getStatus().isFinal() || call.failover().failReason() != null || call.parties().toUserId() == null) {
			return List.of(toCaller);
		}
		return List.of(toCaller, new Delivery(new Recipient.User(call.getProjectId(), call.parties().toUserId()),
				CallEvents.incomingCall(call, this.ice.forUser(call.parties().toUserId()))));
	}

}
