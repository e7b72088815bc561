package asia.oncaller.control;

/**
 * The {@code stream} action: play an mp3 or wav file fetched from a URL.
 *
 * @param fileName the file's absolute http(s) URL
 * @param bargeIn whether the next action starts at once (default {@code true})
 * @param loop how many times to play it, at least 1 (the default)
 */
public record StreamAction(String fileName, boolean bargeIn, int loop) implements SccoAction {

	static final String NAME = "stream";

	static StreamAction read(SccoFields fields) {
		return new StreamAction(fields.requiredHttpUrl("fileName"), fields.optionalBoolean("bargeIn", true),
				fields.optionalInt("loop", 1, 1, Integer.MAX_VALUE));
	}

}
