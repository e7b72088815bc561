package asia.oncaller.call;

/**
 * A call that a customer's server places over REST ({@code POST /v1/calls}) to an app user: no
 * app user calls, so the SCCO comes with the request, inline or from its own answer_url.
 *
 * @param fromNumber the caller id, sent to the answer_url as {@code from}
 * @param toNumber the user (or number) to call, sent to the answer_url as {@code to}
 * @param answerUrl where to ask for the SCCO; {@code null} when {@code scco} is given
 * @param scco the SCCO itself as JSON text; {@code null} when {@code answerUrl} is given
 * @param isVideoCall whether the call starts with video; absent means audio only
 * @param custom the customer's own data, passed to the answer_url as {@code custom}
 */
public record ServerCallCommand(String fromNumber, String toNumber, String answerUrl, String scco,
		Boolean isVideoCall, Object custom) {

	/** Whether the call starts with video. */
	public boolean video() {
		return Boolean.TRUE.equals(this.isVideoCall);
	}

}
