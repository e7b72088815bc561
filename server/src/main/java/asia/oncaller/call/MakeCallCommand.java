package asia.oncaller.call;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * {@code call.make}: who calls whom, as the app names them; the answer_url decides the rest.
 *
 * @param fromNumber the caller's alias (app to app) or one of the account's numbers (app to phone)
 * @param toNumber the callee's user id or a phone number
 * @param isVideoCall whether the caller wants video; absent means audio only
 * @param custom the app's own data, passed to the answer_url as {@code custom}: a string, or any
 * other JSON value, which travels as its JSON text
 */
public record MakeCallCommand(@NotBlank @Size(max = 128) String fromNumber, @NotBlank @Size(max = 128) String toNumber,
		Boolean isVideoCall, Object custom) {

	/** Whether the call starts with video. */
	public boolean video() {
		return Boolean.TRUE.equals(this.isVideoCall);
	}

}
