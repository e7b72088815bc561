package asia.oncaller.client;

import java.util.Objects;

/**
 * The properties of an {@link OnCallerCall}: the seed's and those of PROTOCOL §6, each read from
 * (or, for the few settable ones, written to) the call's runtime. A package-private superclass,
 * as {@code java.lang.StringBuilder} has one: its public methods are public methods of
 * {@code OnCallerCall}, while the verbs and the properties each keep a file of a readable size.
 */
abstract class CallProperties {

	/** @return the runtime the properties read */
	abstract CallRuntime runtime();

	/** @return the caller's alias or number */
	public String getFromNumber() {
		return runtime().fromNumber;
	}

	/** @return the callee's user id or number */
	public String getToNumber() {
		return runtime().toNumber;
	}

	/** @return the SCCO's {@code customData}, or {@code null} */
	public String getCustomDataFromYourServer() {
		return runtime().customDataFromYourServer;
	}

	/** @return the caller's alias (incoming calls), or {@code null} */
	public String getFromAlias() {
		return runtime().fromAlias;
	}

	/** @return the callee's alias (incoming calls), or {@code null} */
	public String getToAlias() {
		return runtime().toAlias;
	}

	/** @return true for a call that started in an app, false for one from a phone */
	public boolean isFromInternal() {
		return runtime().fromInternal;
	}

	/** @return whether another device of this user answered the call */
	public boolean isAnsweredOnAnotherDevice() {
		return runtime().answeredOnAnotherDevice;
	}

	/**
	 * @return whether the call has video, either way: a video call from the start, one upgraded
	 * here, or one the peer upgraded (true from the peer's {@code addremotestream} for the video)
	 */
	public boolean isVideoCall() {
		return runtime().videoCall;
	}

	/** @return whether the call came in to this client */
	public boolean isIncomingCall() {
		return runtime().incoming;
	}

	/** @return whether the call was answered */
	public boolean isAnswered() {
		return runtime().answered;
	}

	/** @return whether the call is over on this device (its media is then released) */
	public boolean isEnded() {
		return runtime().isEnded();
	}

	/** @return the call id, {@code null} before {@code makeCall}'s reply */
	public String getCallId() {
		return runtime().callId;
	}

	/** @return whether local video is being sent */
	public boolean isLocalVideoEnabled() {
		return runtime().localVideoEnabled;
	}

	/** @return the size of the video sent (default 640x480) */
	public VideoResolution getVideoResolution() {
		return runtime().videoResolution;
	}

	/**
	 * @param resolution {@link VideoResolution#VGA} or {@link VideoResolution#HD}; set before
	 * {@code makeCall} (or in the {@code incomingcall} handler)
	 */
	public void setVideoResolution(VideoResolution resolution) {
		runtime().videoResolution = Objects.requireNonNull(resolution, "resolution");
	}

	/** @return whether the outgoing audio is muted */
	public boolean isMuted() {
		return runtime().muted;
	}

	/** @return whether this side put the call on hold */
	public boolean isOnHold() {
		return runtime().onHold;
	}

	/** @return where the call stands */
	public CallState getState() {
		return runtime().state;
	}

	/** @return the custom string sent with {@code makeCall} */
	public String getCustom() {
		return runtime().custom;
	}

	/** @param custom any string (at most 16 KB) passed to the answer_url; set before {@code makeCall} */
	public void setCustom(String custom) {
		runtime().custom = custom;
	}

	/** @return the media sources of this call */
	public MediaOptions getMediaOptions() {
		return runtime().mediaOptions;
	}

	/**
	 * @param options the media sources; set before {@code makeCall}, or for an incoming call
	 * inside the {@code incomingcall} handler (media starts right after it)
	 */
	public void setMediaOptions(MediaOptions options) {
		runtime().mediaOptions = Objects.requireNonNull(options, "options");
	}

}
