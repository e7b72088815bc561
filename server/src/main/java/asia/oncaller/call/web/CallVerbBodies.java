package asia.oncaller.call.web;

import java.util.List;
import java.util.Map;

import asia.oncaller.common.NoControlCharacters;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The JSON bodies of the REST call-control requests. Each names the user the verb acts for
 * ({@code userId}); the other fields, and their rules, are those of the STOMP request of the same
 * verb (PROTOCOL §3.1), checked by the call module's own records.
 */
final class CallVerbBodies {

	private CallVerbBodies() {
	}

	/** A verb's body: it names the user on whose behalf the verb acts. */
	interface OnBehalf {

		String userId();

	}

	/** ringing, answer, reject, hangup. */
	record Acting(@Schema(description = "The user on whose behalf the verb acts: 1 to 128 characters, "
			+ "no control characters (docs/protocol.md §1)",
			example = "bob") @NotBlank @Size(max = 128) @NoControlCharacters String userId) implements OnBehalf {
	}

	/** info. */
	record Info(@Schema(example = "bob") @NotBlank @Size(max = 128) @NoControlCharacters String userId,
			@Schema(description = "Any JSON object, at most 16 KB", example = "{\"infoA\":\"1\"}") Map<String, Object> info)
			implements OnBehalf {
	}

	/** dtmf. */
	record Dtmf(@Schema(example = "bob") @NotBlank @Size(max = 128) @NoControlCharacters String userId,
			@Schema(description = "1 to 32 of 0-9 * # A-D", example = "12#") String digits) implements OnBehalf {
	}

	/** hold. */
	record Hold(@Schema(example = "bob") @NotBlank @Size(max = 128) @NoControlCharacters String userId,
			@Schema(description = "true puts the call on hold, false takes it off") Boolean hold) implements OnBehalf {
	}

	/** transfer: {@code toUserId} is the STOMP request's {@code userId}. */
	record Transfer(@Schema(example = "bob") @NotBlank @Size(max = 128) @NoControlCharacters String userId,
			@Schema(description = "The user to move the call to", example = "carol") String toUserId)
			implements OnBehalf {
	}

	/** A server-initiated call: exactly one of {@code answerUrl} and {@code actions}. */
	record MakeCall(@Schema(description = "Caller id, sent to the answer_url as from",
			example = "support") @NotBlank @Size(max = 128) String from,
			@Schema(description = "The app user to call, sent to the answer_url as to",
					example = "bob") @NotBlank @Size(max = 128) @NoControlCharacters String to,
			@Schema(description = "Where to GET the SCCO (absolute http or https URL)",
					example = "https://example.com/answer") @Size(max = 2048) String answerUrl,
			@Schema(description = "The SCCO inline: a JSON array of actions",
					example = "[{\"action\":\"connect\",\"from\":{\"type\":\"internal\",\"number\":\"support\"},"
							+ "\"to\":{\"type\":\"internal\",\"number\":\"bob\"}}]") List<Object> actions,
			@Schema(description = "Whether the call starts with video") Boolean isVideoCall,
			@Schema(description = "Your own data, passed to the answer_url as custom") Object custom) {
	}

}
