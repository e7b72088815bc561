package asia.oncaller.control;

/**
 * The {@code record} action: record the call from here on. It only records calls relayed by
 * the server, so a {@code connect} after it needs {@code peerToPeerCall: false}.
 *
 * @param eventUrl where the recording is announced, or {@code null}
 * @param format {@code mp3} (the default), {@code wav} or {@code mp4}
 * @param recordStereo one channel per party (default {@code false})
 */
public record RecordAction(String eventUrl, String format, boolean recordStereo) implements SccoAction {

	static final String NAME = "record";

	static RecordAction read(SccoFields fields) {
		String format = fields.optionalChoice("format", "mp3", "mp3", "wav", "mp4");
		boolean recordStereo = fields.optionalBoolean("recordStereo", false);
		return new RecordAction(fields.optionalHttpUrl("eventUrl"), format, recordStereo);
	}

}
