package asia.oncaller.control;

import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The SCCO helper's {@code appToPhone}: whether its {@code to} is a phone number. */
enum AppToPhone {

	/** Always an app user: the default. */
	FALSE,

	/** Always a phone number. */
	TRUE,

	/**
	 * A phone number when it looks like one: an optional {@code +} and then at least 6 digits
	 * and nothing else. The reference product counts a number above 600000 instead; ours also
	 * accepts E.164's {@code +} and leading zeros, and a user ID such as {@code 123} stays a user.
	 */
	AUTO;

	private static final Pattern PHONE_NUMBER = Pattern.compile("\\+?[0-9]{6,}");

	static AppToPhone of(String text) {
		return switch (text.toLowerCase(Locale.ROOT)) {
			case "false" -> FALSE;
			case "true" -> TRUE;
			case "auto" -> AUTO;
			default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"appToPhone must be false, true or auto");
		};
	}

	boolean isPhoneNumber(String to) {
		return switch (this) {
			case FALSE -> false;
			case TRUE -> true;
			case AUTO -> PHONE_NUMBER.matcher(to).matches();
		};
	}

}
