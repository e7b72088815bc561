package asia.oncaller.control;

/**
 * The {@code input} action: collect DTMF digits and POST them to {@code eventUrl}, whose answer
 * may be a new SCCO. The timeout is spelled {@code timeout} in the reference samples and
 * {@code timeOut} elsewhere; either is read, both at once is refused as ambiguous. Defaults follow
 * Vonage's NCCO {@code input}, the model of the SCCO.
 *
 * @param eventUrl where the digits go, or {@code null}
 * @param submitOnHash whether {@code #} ends the input at once (default {@code false})
 * @param timeoutSeconds how long to wait for digits, 1..600 seconds, default 3
 * @param maxDigits the most digits collected, 1..32, default 4
 * @param customField passed back with the digits, or {@code null}
 */
public record InputAction(String eventUrl, boolean submitOnHash, int timeoutSeconds, int maxDigits,
		String customField) implements SccoAction {

	static final String NAME = "input";

	static InputAction read(SccoFields fields) {
		if (fields.has("timeout") && fields.has("timeOut")) {
			throw fields.invalid("timeOut", "and timeout are both given");
		}
		String timeout = fields.has("timeOut") ? "timeOut" : "timeout";
		return new InputAction(fields.optionalHttpUrl("eventUrl"), fields.optionalBoolean("submitOnHash", false),
				fields.optionalInt(timeout, 3, 1, 600), fields.optionalInt("maxDigits", 4, 1, 32),
				fields.optionalUtf8("customField", 16 * 1024));
	}

}
