package asia.oncaller.control;

/**
 * The {@code play} action: play a file uploaded to the server (a greeting file).
 *
 * @param fileName the uploaded file's name, never empty
 * @param bargeIn whether the next action starts at once (default {@code true})
 * @param loop how many times to play it, at least 1 (the default)
 */
public record PlayAction(String fileName, boolean bargeIn, int loop) implements SccoAction {

	static final String NAME = "play";

	static PlayAction read(SccoFields fields) {
		return new PlayAction(fields.requiredText("fileName", 1024), fields.optionalBoolean("bargeIn", true),
				fields.optionalInt("loop", 1, 1, Integer.MAX_VALUE));
	}

}
