package asia.oncaller.ivr;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import asia.oncaller.control.AnswerUrlClient;
import asia.oncaller.control.InputAction;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * {@code input}: collects digits until {@code maxDigits}, a {@code #} with {@code submitOnHash},
 * or {@code timeout} seconds without a new digit; the first digit stops audio still playing
 * (barge-in). Then POSTs {@code {dtmf, call_id, timeout, customField}} signed to
 * {@code eventUrl}, whose SCCO answer replaces the rest; no eventUrl, or one that fails, times
 * out or answers no SCCO, and the SCCO goes on with its next action.
 */
@Component
class InputRunner implements ActionRunner<InputAction> {

	private final AnswerUrlClient customer;

	private final JsonMapper json = JsonMapper.builder().build();

	InputRunner(AnswerUrlClient customer) {
		this.customer = customer;
	}

	@Override
	public Class<InputAction> kind() {
		return InputAction.class;
	}

	@Override
	public Step run(IvrCall call, InputAction action) throws InterruptedException {
		StringBuilder dtmf = new StringBuilder();
		boolean timedOut = false;
		boolean first = true;
		Duration gap = Duration.ofSeconds(action.timeoutSeconds());
		while (dtmf.length() < action.maxDigits()) {
			Character digit = call.nextDigit(gap);
			if (digit == null) {
				timedOut = true;
				break;
			}
			if (first) {
				call.stopPlayback();
				first = false;
			}
			if (digit == '#' && action.submitOnHash()) {
				break;
			}
			dtmf.append(digit);
		}
		if (action.eventUrl() == null) {
			return Step.next();
		}
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("dtmf", dtmf.toString());
		report.put("call_id", call.callId());
		report.put("timeout", timedOut);
		report.put("customField", action.customField());
		return Step.replace(this.customer.event(action.eventUrl(), this.json.writeValueAsString(report),
				call.signingSecret()));
	}

}
