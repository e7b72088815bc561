package asia.oncaller.signaling;

import asia.oncaller.call.CallRelayService;
import asia.oncaller.call.CallRequests;
import asia.oncaller.call.CallResumption;
import asia.oncaller.call.CallService;
import asia.oncaller.call.CustomMessageService;
import asia.oncaller.call.MakeCallCommand;
import asia.oncaller.call.MakeCallService;

import org.springframework.messaging.Message;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.stereotype.Controller;

/**
 * The STOMP adapters of the call verbs ({@code SEND /app/<verb>}, PROTOCOL §3.1): each maps its
 * frame to a request, calls the call module and leaves the reply to {@link RequestHandler}. The
 * user always comes from the connection's principal, never from the body.
 */
@Controller
class CallMessageController {

	private final RequestHandler requests;

	private final MakeCallService makeCall;

	private final CallService calls;

	private final CallRelayService relay;

	private final CustomMessageService customMessages;

	private final CallResumption resumption;

	private final ResumeTokens resumeTokens;

	CallMessageController(RequestHandler requests, MakeCallService makeCall, CallService calls, CallRelayService relay,
			CustomMessageService customMessages, CallResumption resumption, ResumeTokens resumeTokens) {
		this.requests = requests;
		this.makeCall = makeCall;
		this.calls = calls;
		this.relay = relay;
		this.customMessages = customMessages;
		this.resumption = resumption;
		this.resumeTokens = resumeTokens;
	}

	@MessageMapping("call.make")
	void make(Message<?> frame) {
		this.requests.handle(frame, MakeCallCommand.class, this.makeCall::make, true);
	}

	@MessageMapping("call.ringing")
	void ringing(Message<?> frame) {
		this.requests.handle(frame, CallRequests.CallId.class, (party, r) -> this.calls.ringing(party, r.callId()),
				true);
	}

	@MessageMapping("call.answer")
	void answer(Message<?> frame) {
		this.requests.handle(frame, CallRequests.CallId.class, (party, r) -> this.calls.answer(party, r.callId()),
				true);
	}

	@MessageMapping("call.reject")
	void reject(Message<?> frame) {
		this.requests.handle(frame, CallRequests.CallId.class, (party, r) -> this.calls.reject(party, r.callId()),
				true);
	}

	@MessageMapping("call.hangup")
	void hangup(Message<?> frame) {
		this.requests.handle(frame, CallRequests.CallId.class, (party, r) -> this.calls.hangup(party, r.callId()),
				true);
	}

	/**
	 * A device back on a new connection takes up a call of the connection its CONNECT's
	 * {@code resume-token} names; with no token, or one not given to this user's device, that is
	 * no connection, and the call refuses it (11).
	 */
	@MessageMapping("call.resume")
	void resume(Message<?> frame) {
		String awayConnectionId = this.resumeTokens.connectionOf(ClientPrincipal.of(frame), ResumeHeaders.tokenOf(frame)).orElse(null);
		this.requests.handle(frame, CallRequests.Resume.class,
				(party, r) -> this.resumption.resume(party, r.callId(), awayConnectionId, r.lastSeqOrZero()), true);
	}

	@MessageMapping("call.info")
	void info(Message<?> frame) {
		this.requests.handle(frame, CallRequests.Info.class,
				(party, r) -> this.relay.info(party, r.callId(), r.info()), true);
	}

	@MessageMapping("call.dtmf")
	void dtmf(Message<?> frame) {
		this.requests.handle(frame, CallRequests.Dtmf.class,
				(party, r) -> this.relay.dtmf(party, r.callId(), r.digits()), true);
	}

	@MessageMapping("call.hold")
	void hold(Message<?> frame) {
		this.requests.handle(frame, CallRequests.Hold.class,
				(party, r) -> this.relay.hold(party, r.callId(), r.hold()), true);
	}

	@MessageMapping("call.transfer")
	void transfer(Message<?> frame) {
		this.requests.handle(frame, CallRequests.Transfer.class,
				(party, r) -> this.relay.transfer(party, r.callId(), r.userId()), true);
	}

	@MessageMapping("call.sdp")
	void sdp(Message<?> frame) {
		this.requests.handle(frame, CallRequests.Sdp.class,
				(party, r) -> this.relay.sdp(party, r.callId(), r.sdp()), false);
	}

	@MessageMapping("call.candidate")
	void candidate(Message<?> frame) {
		this.requests.handle(frame, CallRequests.Candidate.class,
				(party, r) -> this.relay.candidate(party, r.callId(), r.candidate()), false);
	}

	@MessageMapping("call.mediastate")
	void mediaState(Message<?> frame) {
		this.requests.handle(frame, CallRequests.MediaState.class,
				(party, r) -> this.relay.mediaState(party, r.callId(), r.code()), false);
	}

	@MessageMapping("message.custom")
	void customMessage(Message<?> frame) {
		this.requests.handle(frame, CallRequests.CustomMessage.class,
				(party, r) -> this.customMessages.send(party, r.toUserId(), r.message()), true);
	}

}
