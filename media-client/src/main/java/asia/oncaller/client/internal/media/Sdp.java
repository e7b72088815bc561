package asia.oncaller.client.internal.media;

import java.util.HashMap;
import java.util.Map;

import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.RTCAnswerOptions;
import dev.onvoid.webrtc.RTCOfferOptions;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;

import java.util.concurrent.CompletableFuture;

/**
 * webrtc-java's callback-style SDP operations as futures (completed on a WebRTC thread: callers
 * continue with an {@code ...Async} stage on their own thread), and the m-line kinds of an SDP.
 */
final class Sdp {

	private Sdp() {
	}

	static CompletableFuture<RTCSessionDescription> create(RTCPeerConnection pc, boolean offer, boolean iceRestart) {
		CompletableFuture<RTCSessionDescription> result = new CompletableFuture<>();
		CreateSessionDescriptionObserver observer = new CreateSessionDescriptionObserver() {

			@Override
			public void onSuccess(RTCSessionDescription description) {
				result.complete(description);
			}

			@Override
			public void onFailure(String error) {
				result.completeExceptionally(new IllegalStateException("create " + (offer ? "offer" : "answer") + ": " + error));
			}

		};
		if (offer) {
			RTCOfferOptions options = new RTCOfferOptions();
			options.iceRestart = iceRestart;
			pc.createOffer(options, observer);
		}
		else {
			pc.createAnswer(new RTCAnswerOptions(), observer);
		}
		return result;
	}

	static CompletableFuture<Void> apply(RTCPeerConnection pc, RTCSessionDescription description, boolean local) {
		CompletableFuture<Void> result = new CompletableFuture<>();
		SetSessionDescriptionObserver observer = new SetSessionDescriptionObserver() {

			@Override
			public void onSuccess() {
				result.complete(null);
			}

			@Override
			public void onFailure(String error) {
				result.completeExceptionally(new IllegalStateException("set " + (local ? "local " : "remote ")
						+ description.sdpType.name().toLowerCase() + ": " + error));
			}

		};
		if (local) {
			pc.setLocalDescription(description, observer);
		}
		else {
			pc.setRemoteDescription(description, observer);
		}
		return result;
	}

	/** @return {@code mid -> "audio" | "video"} of every m-line of {@code sdp} */
	static Map<String, String> kindsByMid(String sdp) {
		Map<String, String> kinds = new HashMap<>();
		if (sdp == null) {
			return kinds;
		}
		String kind = null;
		for (String line : sdp.split("\r?\n")) {
			if (line.startsWith("m=")) {
				int space = line.indexOf(' ');
				kind = line.substring(2, (space > 0) ? space : line.length());
			}
			else if (line.startsWith("a=mid:") && kind != null) {
				kinds.put(line.substring(6).trim(), kind);
			}
		}
		return kinds;
	}

}
