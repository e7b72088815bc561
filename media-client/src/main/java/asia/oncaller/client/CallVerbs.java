package asia.oncaller.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The verbs of one call. Each is called from any thread, runs on the client's event thread,
 * checks the call's state first and sends nothing outside it (callback with 1005), then sends
 * its request and applies the reply to the {@link CallRuntime}. The verbs that answer at once
 * whether they are possible read the state on the caller's thread, as before posting.
 */
final class CallVerbs {

	private final CallRuntime call;

	CallVerbs(CallRuntime call) {
		this.call = call;
	}

	void makeCall(Consumer<CallResult> callback) {
		post(() -> {
			if (this.call.incoming || this.call.state != CallState.NEW) {
				Replies.reply(callback, this.call.invalidState("makeCall"));
				return;
			}
			if (blank(this.call.fromNumber) || blank(this.call.toNumber)) {
				Replies.reply(callback, CallResult.of(OnCallerError.INVALID_ARGUMENT, "fromNumber and toNumber are required"));
				return;
			}
			if (!this.call.session.hasConnected()) {
				Replies.reply(callback, CallResult.of(OnCallerError.NOT_CONNECTED, null));
				return;
			}
			this.call.moveTo(CallState.CALLING);
			this.call.session.calls.track(this.call);
			this.call.startMedia(false); // meanwhile: the audio module and factory take a while
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("fromNumber", this.call.fromNumber);
			body.put("toNumber", this.call.toNumber);
			body.put("isVideoCall", this.call.videoCall);
			if (this.call.custom != null) {
				body.put("custom", this.call.custom);
			}
			this.call.session.signaling.request("call.make", body)
				.whenComplete((reply, ex) -> this.call.placed(Replies.result(reply, ex), callback));
		});
	}

	void answer(Consumer<CallResult> callback) {
		post(() -> {
			if (!this.call.incoming || this.call.state != CallState.RINGING) {
				Replies.reply(callback, this.call.invalidState("answer"));
				return;
			}
			this.call.request("call.answer", Map.of(), (result) -> {
				if (result.isSuccess() && this.call.state == CallState.RINGING) {
					this.call.answered = true;
					this.call.moveTo(CallState.ANSWERED);
					this.call.mediaDo(CallMedia::answer);
				}
				else if (result.r() == 3 || result.r() == 1) {
					this.call.finish(); // the call is gone
				}
				Replies.reply(callback, result);
			});
		});
	}

	/** {@code call.hangup} or {@code call.reject}. */
	void end(String verb, Consumer<CallResult> callback) {
		post(() -> this.call.endCall(verb, callback));
	}

	void ringing(Consumer<CallResult> callback) {
		post(() -> simple("call.ringing", Map.of(), callback,
				this.call.incoming && this.call.state == CallState.RINGING));
	}

	void sendInfo(Map<String, Object> info, Consumer<CallResult> callback) {
		withArgument(info == null, "info is null", callback,
				() -> simple("call.info", Map.of("info", info), callback, this.call.state.isLive()));
	}

	void sendDtmf(String digits, Consumer<CallResult> callback) {
		withArgument(digits == null || digits.isEmpty(), "no digits", callback,
				() -> simple("call.dtmf", Map.of("digits", digits), callback, this.call.state.isLive()));
	}

	void sendTransfer(String userId, Consumer<CallResult> callback) {
		withArgument(blank(userId), "no userId", callback,
				() -> simple("call.transfer", Map.of("userId", userId), callback, this.call.state == CallState.ANSWERED));
	}

	/** @return false when the call is not answered, or already (un)held */
	boolean hold(boolean hold, Consumer<CallResult> callback) {
		boolean possible = this.call.state == CallState.ANSWERED && this.call.onHold != hold;
		post(() -> {
			if (this.call.state != CallState.ANSWERED || this.call.onHold == hold) {
				Replies.reply(callback, this.call.invalidState(hold ? "hold" : "unhold"));
				return;
			}
			this.call.onHold = hold;
			this.call.mediaDo((m) -> m.hold(hold));
			this.call.request("call.hold", Map.of("hold", hold), (result) -> Replies.reply(callback, result));
		});
		return possible;
	}

	void mute(boolean mute) {
		this.call.muted = mute;
		post(() -> this.call.mediaDo((m) -> m.mute(mute)));
	}

	/** @return whether this device has video to send */
	boolean enableLocalVideo(boolean enabled) {
		if (!this.call.localVideo) {
			return false;
		}
		this.call.localVideoEnabled = enabled;
		post(() -> this.call.mediaDo((m) -> m.enableVideo(enabled)));
		return true;
	}

	/** @return false when the call is not answered, or this device already sends video */
	boolean upgradeToVideoCall() {
		boolean possible = this.call.state == CallState.ANSWERED && !this.call.localVideo;
		post(() -> {
			if (this.call.state != CallState.ANSWERED || this.call.localVideo || this.call.media() == null) {
				this.call.emit(CallEvent.ERROR, new OnCallerException(OnCallerError.INVALID_STATE, "upgradeToVideoCall"));
				return;
			}
			this.call.videoCall = true;
			this.call.localVideo = true;
			this.call.localVideoEnabled = true;
			this.call.media().addVideo(this.call.mediaSpec());
		});
		return possible;
	}

	/** A verb with no state change: sends when {@code allowed}. */
	private void simple(String verb, Map<String, Object> fields, Consumer<CallResult> callback, boolean allowed) {
		if (!allowed || this.call.callId == null) {
			Replies.reply(callback, this.call.invalidState(verb.substring(5)));
			return;
		}
		this.call.request(verb, fields, (result) -> Replies.reply(callback, result));
	}

	/** Sends nothing and calls back with 1008 when the verb's argument is {@code missing}. */
	private void withArgument(boolean missing, String problem, Consumer<CallResult> callback, Runnable verb) {
		post(() -> {
			if (missing) {
				Replies.reply(callback, CallResult.of(OnCallerError.INVALID_ARGUMENT, problem));
				return;
			}
			verb.run();
		});
	}

	private void post(Runnable verb) {
		this.call.session.events.post(verb);
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

}
