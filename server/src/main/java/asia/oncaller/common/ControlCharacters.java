package asia.oncaller.common;

/**
 * Finds characters that have no business in a name: C0 and C1 controls (CR, LF, NUL, ESC, ...),
 * format characters (zero-width and bidirectional overrides such as U+202E, which make one name
 * look like another), lone surrogates, and the line and paragraph separators U+2028 and U+2029.
 * They split log lines, end C strings early, drive terminals, and spoof what a callee's screen
 * shows, so userIds and filters refuse them.
 */
public final class ControlCharacters {

	private ControlCharacters() {
	}

	/** Whether the text holds any such character; {@code null} holds none. */
	public static boolean in(String text) {
		return text != null && text.codePoints().anyMatch(ControlCharacters::isControl);
	}

	private static boolean isControl(int codePoint) {
		return switch (Character.getType(codePoint)) {
			case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.LINE_SEPARATOR,
					Character.PARAGRAPH_SEPARATOR ->
				true;
			default -> false;
		};
	}

}
