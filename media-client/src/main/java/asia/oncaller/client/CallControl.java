package asia.oncaller.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A call's state machine and verbs, run on the client's event thread: each verb checks the state
 * first and sends nothing outside it (callback with 1005), sends its request, and applies the
 * reply. It owns the call's {@link CallMedia} and releases it on every end.
 */
final class CallControl {

	private static final Logger log = LoggerFactory.getLogger(CallControl.class);

	private final OnCallerCall call;

	private final OnCallerClient client;

	private CallMedia media;

	private Consumer<CallResult> hangupWhenPlaced;

	private CompletableFuture<Void> released = CompletableFuture.completedFuture(null);

	CallControl(OnCallerCall call, OnCallerClient client) {
		this.call = call;
		this.client = client;
	}

	void makeCall(Consumer<CallResult> callback) {
		if (this.call.isIncomingCall() || this.call.state != CallState.NEW) {
			reply(callback, invalidState("makeCall"));
			return;
		}
		if (blank(this.call.getFromNumber()) || blank(this.call.getToNumber())) {
			reply(callback, CallResult.of(OnCallerError.INVALID_ARGUMENT, "fromNumber and toNumber are required"));
			return;
		}
		if (!this.client.hasConnected()) {
			reply(callback, CallResult.of(OnCallerError.NOT_CONNECTED, null));
			return;
		}
		moveTo(CallState.CALLING);
		this.client.track(this.call);
		this.media = new CallMedia(this.call, this.client, this.call.mediaSpec(), false);
		this.media.prepare(); // meanwhile: the audio module and factory take a while
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("fromNumber", this.call.getFromNumber());
		body.put("toNumber", this.call.getToNumber());
		body.put("isVideoCall", this.call.isVideoCall());
		if (this.call.getCustom() != null) {
			body.put("custom", this.call.getCustom());
		}
		this.client.signaling().request("call.make", body).whenComplete((reply, ex) -> {
			CallResult result = result(reply, ex);
			if (!result.isSuccess()) {
				finish();
				reply(callback, result);
				reply(this.hangupWhenPlaced, result); // hung up before the call existed
				return;
			}
			this.call.callId = (String) result.get("callId");
			this.call.customDataFromYourServer = (String) result.get("customDataFromYourServer");
			this.call.iceServers = IncomingCall.iceServers(result.get("iceServers"));
			this.client.register(this.call);
			reply(callback, result);
			if (this.hangupWhenPlaced != null) {
				sendEnd("call.hangup", this.hangupWhenPlaced);
				return;
			}
			this.media.connect(this.call.iceServers);
			this.media.offer();
		});
	}

	/** Starts the media of an incoming call, right after the {@code incomingcall} handlers ran. */
	void startIncomingMedia() {
		if (this.call.state != CallState.RINGING || this.media != null) {
			return;
		}
		this.media = new CallMedia(this.call, this.client, this.call.mediaSpec(), true);
		this.media.prepare();
		this.media.connect(this.call.iceServers);
	}

	void answer(Consumer<CallResult> callback) {
		if (!this.call.isIncomingCall() || this.call.state != CallState.RINGING) {
			reply(callback, invalidState("answer"));
			return;
		}
		request("call.answer", Map.of(), (result) -> {
			if (result.isSuccess() && this.call.state == CallState.RINGING) {
				this.call.answered = true;
				moveTo(CallState.ANSWERED);
				if (this.media != null) {
					this.media.answer();
				}
			}
			else if (result.r() == 3 || result.r() == 1) {
				finish(); // the call is gone
			}
			reply(callback, result);
		});
	}

	/** hangup or reject: ends the call on this device at once, then reports the server's reply. */
	void endCall(String verb, Consumer<CallResult> callback) {
		CallState state = this.call.state;
		boolean allowed = "call.reject".equals(verb) ? this.call.isIncomingCall() && state == CallState.RINGING
				: state.isLive();
		if (!allowed) {
			reply(callback, invalidState(verb.substring(5)));
			return;
		}
		if (this.call.getCallId() == null) { // makeCall's reply has not come yet
			this.hangupWhenPlaced = (callback != null) ? callback : (r) -> {
			};
			release();
			return;
		}
		sendEnd(verb, callback);
	}

	private void sendEnd(String verb, Consumer<CallResult> callback) {
		release();
		request(verb, Map.of(), (result) -> {
			reply(callback, result);
			// A final signalingState may still come (it is passed on); stop listening after a while.
			this.client.unregisterLater(this.call);
		});
	}

	void hold(boolean hold, Consumer<CallResult> callback) {
		if (this.call.state != CallState.ANSWERED || this.call.onHold == hold) {
			reply(callback, invalidState(hold ? "hold" : "unhold"));
			return;
		}
		this.call.onHold = hold;
		mediaDo((m) -> m.hold(hold));
		request("call.hold", Map.of("hold", hold), (result) -> reply(callback, result));
	}

	void upgradeToVideo() {
		if (this.call.state != CallState.ANSWERED || this.call.videoCall || this.media == null) {
			this.call.emit(CallEvent.ERROR, new OnCallerException(OnCallerError.INVALID_STATE, "upgradeToVideoCall"));
			return;
		}
		this.call.videoCall = true;
		this.call.localVideoEnabled = true;
		this.media.addVideo(this.call.mediaSpec());
	}

	/** A verb with no state change: sends when {@code allowed}. */
	void simple(String verb, Map<String, Object> fields, Consumer<CallResult> callback, boolean allowed) {
		if (!allowed || this.call.getCallId() == null) {
			reply(callback, invalidState(verb.substring(5)));
			return;
		}
		request(verb, fields, (result) -> reply(callback, result));
	}

	void mediaDo(Consumer<CallMedia> action) {
		if (this.media != null && !this.call.isEnded()) {
			action.accept(this.media);
		}
	}

	CompletableFuture<CallStats> stats() {
		CallMedia current = this.media;
		return (current != null && !this.call.isEnded()) ? current.stats()
				: CompletableFuture.completedFuture(CallStats.EMPTY);
	}

	CallMedia media() {
		return this.media;
	}

	/** The connection to the server closed: the server ends the call too ("Connection lost"). */
	void connectionLost(String reason) {
		if (this.call.isEnded()) {
			this.client.unregister(this.call);
			return;
		}
		finish();
		this.call.emit(CallEvent.SIGNALING_STATE, new SignalingState(SignalingState.ENDED, reason, null, null));
	}

	/**
	 * For {@link OnCallerClient#disconnect()}: hangs up when this device takes part in the call; a
	 * call still ringing here is only released, since another device may answer it.
	 * @return completes when the server replied and the media is released
	 */
	CompletableFuture<Void> endForDisconnect() {
		if (this.call.isEnded() || (this.call.isIncomingCall() && this.call.state == CallState.RINGING)) {
			finish();
			return this.released;
		}
		CompletableFuture<Void> replied = new CompletableFuture<>();
		endCall("call.hangup", (r) -> replied.complete(null));
		return CompletableFuture.allOf(replied, this.released);
	}

	/** Ends the call on this device for good: state, media, registration. */
	void finish() {
		release();
		this.client.unregister(this.call);
	}

	/** Ends the call on this device and releases its media; the call may stay registered. */
	void release() {
		moveTo(CallState.ENDED);
		if (this.media != null) {
			this.released = this.media.close();
		}
	}

	private void request(String verb, Map<String, Object> fields, Consumer<CallResult> then) {
		Map<String, Object> body = new LinkedHashMap<>(fields);
		body.put("callId", this.call.getCallId());
		this.client.signaling().request(verb, body).whenComplete((reply, ex) -> then.accept(result(reply, ex)));
	}

	void moveTo(CallState next) {
		CallState current = this.call.state;
		if (current.canMoveTo(next)) {
			this.call.state = next;
		}
		else if (current != next) {
			log.debug("{}: ignoring {} -> {}", this.call.getCallId(), current, next);
		}
	}

	private CallResult invalidState(String verb) {
		return CallResult.of(OnCallerError.INVALID_STATE, verb + " on a" + (this.call.isIncomingCall() ? "n incoming" : "n outgoing")
				+ " call that is " + this.call.state);
	}

	static CallResult result(Map<String, Object> reply, Throwable ex) {
		if (ex == null) {
			return CallResult.fromReply(reply);
		}
		Throwable cause = (ex.getCause() != null && !(ex instanceof OnCallerException)) ? ex.getCause() : ex;
		if (cause instanceof OnCallerException oe) {
			return new CallResult(oe.getCode(), oe.getMessage(), Map.of("error", oe.getError().name()));
		}
		return CallResult.of(OnCallerError.CONNECTION_LOST, cause.toString());
	}

	static void reply(Consumer<CallResult> callback, CallResult result) {
		if (callback == null) {
			return;
		}
		try {
			callback.accept(result);
		}
		catch (Throwable ex) {
			log.warn("A callback threw", ex);
		}
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

}
