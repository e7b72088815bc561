package asia.oncaller.client;

import java.util.List;
import java.util.Map;

/**
 * The frozen list of a call's event names: the seven of the seed API plus {@code dtmf},
 * {@code hold}, {@code transferred} and {@code peerconnection}. Register by name (as in JavaScript) or typed:
 *
 * <pre>{@code
 * call.on("mediastate", state -> ...);                  // payload typed Object
 * call.on(CallEvent.MEDIA_STATE, state -> state.code()); // payload typed MediaState
 * }</pre>
 *
 * @param <T> the payload type
 */
public final class CallEvent<T> {

	/** {@code addlocalstream}: {@code call.on(CallEvent.ADD_LOCAL_STREAM, s -> s.addVideoSink(preview))}. */
	public static final CallEvent<LocalStream> ADD_LOCAL_STREAM = new CallEvent<>("addlocalstream",
			OnCallerCallListener::onAddLocalStream);

	/** {@code addremotestream}: {@code call.on(CallEvent.ADD_REMOTE_STREAM, s -> s.addAudioSink(speaker))}. */
	public static final CallEvent<RemoteStream> ADD_REMOTE_STREAM = new CallEvent<>("addremotestream",
			OnCallerCallListener::onAddRemoteStream);

	/** {@code mediastate}: {@code call.on(CallEvent.MEDIA_STATE, m -> log(m.code() == 1 ? "media up" : "media down"))}. */
	public static final CallEvent<MediaState> MEDIA_STATE = new CallEvent<>("mediastate",
			OnCallerCallListener::onMediaState);

	/** {@code otherdevice}: {@code call.on(CallEvent.OTHER_DEVICE, o -> ui.close("answered elsewhere"))}. */
	public static final CallEvent<OtherDevice> OTHER_DEVICE = new CallEvent<>("otherdevice",
			OnCallerCallListener::onOtherDevice);

	/** {@code error}: {@code call.on(CallEvent.ERROR, e -> log(e.getCode() + " " + e.getMessage()))}. */
	public static final CallEvent<OnCallerException> ERROR = new CallEvent<>("error", OnCallerCallListener::onError);

	/** {@code signalingstate}: {@code call.on(CallEvent.SIGNALING_STATE, s -> { if (s.isFinal()) ui.close(); })}. */
	public static final CallEvent<SignalingState> SIGNALING_STATE = new CallEvent<>("signalingstate",
			OnCallerCallListener::onSignalingState);

	/** {@code info}: {@code call.on(CallEvent.INFO, info -> log(info.get("infoA")))}. */
	public static final CallEvent<Map<String, Object>> INFO = new CallEvent<>("info", OnCallerCallListener::onInfo);

	/** {@code dtmf}: {@code call.on(CallEvent.DTMF, digits -> menu.press(digits))}. */
	public static final CallEvent<String> DTMF = new CallEvent<>("dtmf", OnCallerCallListener::onDtmf);

	/** {@code hold}: {@code call.on(CallEvent.HOLD, held -> ui.showHeld(held))}. */
	public static final CallEvent<Boolean> HOLD = new CallEvent<>("hold", OnCallerCallListener::onHold);

	/** {@code transferred}: {@code call.on(CallEvent.TRANSFERRED, to -> log("now with " + to))}. */
	public static final CallEvent<String> TRANSFERRED = new CallEvent<>("transferred",
			OnCallerCallListener::onTransferred);

	/**
	 * {@code peerconnection}: the other side's connection to the server dropped ({@code "lost"}) or came
	 * back ({@code "restored"}); the call goes on:
	 * {@code call.on(CallEvent.PEER_CONNECTION, s -> ui.showPeerOffline(s.equals("lost")))}.
	 */
	public static final CallEvent<String> PEER_CONNECTION = new CallEvent<>("peerconnection",
			OnCallerCallListener::onPeerConnection);

	/** Every call event, in the order above. */
	public static final List<CallEvent<?>> ALL = List.of(ADD_LOCAL_STREAM, ADD_REMOTE_STREAM, MEDIA_STATE, OTHER_DEVICE,
			ERROR, SIGNALING_STATE, INFO, DTMF, HOLD, TRANSFERRED, PEER_CONNECTION);

	private final String name;

	private final Delivery<T> delivery;

	private CallEvent(String name, Delivery<T> delivery) {
		this.name = name;
		this.delivery = delivery;
	}

	/** @return the lower-case event name, as in the seed */
	public String name() {
		return this.name;
	}

	/**
	 * @param name an event name
	 * @return the event, or {@code null} when no call event has that name
	 */
	public static CallEvent<?> named(String name) {
		return ALL.stream().filter((e) -> e.name.equals(name)).findFirst().orElse(null);
	}

	void deliver(OnCallerCallListener listener, OnCallerCall call, T payload) {
		this.delivery.deliver(listener, call, payload);
	}

	@Override
	public String toString() {
		return this.name;
	}

	@FunctionalInterface
	interface Delivery<T> {

		void deliver(OnCallerCallListener listener, OnCallerCall call, T payload);

	}

}
