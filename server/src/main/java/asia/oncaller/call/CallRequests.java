package asia.oncaller.call;

import java.util.Map;

import asia.oncaller.common.NoControlCharacters;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The bodies of the requests on a call (PROTOCOL §3.1), with the constraints whose violation
 * gives {@code r=10}. STOMP and REST adapters bind the same records. No id or user id holds a
 * control character: none is ever issued with one, and PostgreSQL text cannot hold a NUL, so
 * looking one up would fail as a server error instead of {@code r=10}.
 */
public final class CallRequests {

	private CallRequests() {
	}

	/** {@code call.ringing}, {@code call.answer}, {@code call.reject}, {@code call.hangup}. */
	public record CallId(@NotBlank @Size(max = 64) @NoControlCharacters String callId) {
	}

	/**
	 * {@code call.resume} (PROTOCOL §2.1): the call, and the last {@code seq} of it the device saw
	 * (none: 0, every kept event is replayed).
	 */
	public record Resume(@NotBlank @Size(max = 64) @NoControlCharacters String callId, @Min(0) Long lastSeq) {

		public long lastSeqOrZero() {
			return (this.lastSeq != null) ? this.lastSeq : 0;
		}

	}

	/** {@code call.info}: any JSON object (its size is checked by the relay). */
	public record Info(@NotBlank @Size(max = 64) @NoControlCharacters String callId,
			@NotNull Map<String, Object> info) {
	}

	/** {@code call.dtmf}: 1 to 32 of {@code 0-9 * # A-D}. */
	public record Dtmf(@NotBlank @Size(max = 64) @NoControlCharacters String callId,
			@NotNull @Pattern(regexp = "[0-9*#A-D]{1,32}", message = "must be 1 to 32 of 0-9 * # A-D") String digits) {
	}

	/** {@code call.hold}: true puts the call on hold, false takes it off. */
	public record Hold(@NotBlank @Size(max = 64) @NoControlCharacters String callId,
			@NotNull Boolean hold) {
	}

	/** {@code call.transfer}: the user to move the call to. */
	public record Transfer(@NotBlank @Size(max = 64) @NoControlCharacters String callId,
			@NotBlank @Size(max = 128) @NoControlCharacters String userId) {
	}

	/** {@code call.sdp}: {@code {type, sdp}} as WebRTC gives it. */
	public record Sdp(@NotBlank @Size(max = 64) @NoControlCharacters String callId,
			@NotNull Map<String, Object> sdp) {
	}

	/** {@code call.candidate}: {@code {candidate, sdpMid, sdpMLineIndex}} as WebRTC gives it. */
	public record Candidate(@NotBlank @Size(max = 64) @NoControlCharacters String callId,
			@NotNull Map<String, Object> candidate) {
	}

	/** {@code call.mediastate}: 1 connected, 2 disconnected. */
	public record MediaState(@NotBlank @Size(max = 64) @NoControlCharacters String callId,
			@NotNull @Min(1) @Max(2) Integer code) {
	}

	/** {@code message.custom}: any JSON object for every device of another user. */
	public record CustomMessage(@NotBlank @Size(max = 128) @NoControlCharacters String toUserId,
			@NotNull Map<String, Object> message) {
	}

}
