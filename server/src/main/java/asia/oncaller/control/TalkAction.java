package asia.oncaller.control;

/**
 * The {@code talk} action: speak a text (TTS).
 *
 * @param text what to say, never empty
 * @param voice the voice, e.g. {@code female} (the default) or {@code male}
 * @param speed -3..3, default 0
 * @param bargeIn whether the next action starts at once (default {@code true}); {@code false}
 * makes the talk block it
 * @param loop how many times to say it, at least 1 (the default)
 */
public record TalkAction(String text, String voice, int speed, boolean bargeIn, int loop) implements SccoAction {

	static final String NAME = "talk";

	static TalkAction read(SccoFields fields) {
		String voice = fields.optionalString("voice", 128);
		return new TalkAction(fields.requiredText("text", Integer.MAX_VALUE), (voice != null) ? voice : "female",
				fields.optionalInt("speed", 0, -3, 3), fields.optionalBoolean("bargeIn", true),
				fields.optionalInt("loop", 1, 1, Integer.MAX_VALUE));
	}

}
