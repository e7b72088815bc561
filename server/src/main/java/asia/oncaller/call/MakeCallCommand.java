package asia.oncaller.call;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * {@code call.make}: who calls whom, as the app names them; the answer_url decides the rest.
 *
 * @param fromNumber the caller's alias (app to app) or one of the account's numbers (app to phone)
 * @param toNumber the callee's user id or a phone number
 * @param isVideoCall whether the caller wants video
 * @param custom the app's own data, passed to the answer_url as {@code custom}
 */
public record MakeCallCommand(@NotBlank @Size(max = 128) String fromNumber, @NotBlank @Size(max = 128) String toNumber,
		boolean isVideoCall, @Size(max = 16384) String custom) {

}
