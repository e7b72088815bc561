package asia.oncaller.control;

/**
 * The {@code recordMessage} action: record a message from the caller, as a voicemail. Where the
 * reference notes give no default, Vonage's NCCO {@code record} (its model) gives it.
 *
 * @param eventUrl where the recording is announced, or {@code null}
 * @param format {@code mp3} (the default) or {@code wav}
 * @param beepStart beep when recording starts (default {@code false})
 * @param timeoutSeconds the longest message, 1..7200 seconds, default 7200
 * @param silenceThresh the silence level 0..100, or {@code null} for the server's
 * @param silenceTimeoutMillis how much silence ends the message, 0..600000 ms, or {@code null}
 * @param endOnKey the key that ends the message: a digit, {@code *} or {@code #} (the default)
 */
public record RecordMessageAction(String eventUrl, String format, boolean beepStart, int timeoutSeconds,
		Integer silenceThresh, Integer silenceTimeoutMillis, String endOnKey) implements SccoAction {

	static final String NAME = "recordMessage";

	private static final String[] KEYS = { "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "#" };

	static RecordMessageAction read(SccoFields fields) {
		return new RecordMessageAction(fields.optionalHttpUrl("eventUrl"),
				fields.optionalChoice("format", "mp3", "mp3", "wav"), fields.optionalBoolean("beepStart", false),
				fields.optionalInt("timeout", 7200, 1, 7200), fields.optionalInt("silenceThresh", 0, 100),
				fields.optionalInt("silenceTimeout", 0, 600_000), fields.optionalChoice("endOnKey", "#", KEYS));
	}

}
