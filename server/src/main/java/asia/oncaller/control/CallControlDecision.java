package asia.oncaller.control;

/**
 * The outcome of asking a customer's answer_url what to do with a call: either the call
 * connects as the SCCO says, or the server runs its actions alone, or makeCall fails with result code 1 or 2 (PROTOCOL §4).
 */
public sealed interface CallControlDecision {

	/**
	 * The answer_url gave a valid SCCO.
	 *
	 * @param connect the first {@code connect} action of the SCCO, the one that places the call
	 * @param scco the whole SCCO, for the actions around the connect
	 */
	record Connect(ConnectAction connect, Scco scco) implements CallControlDecision {

	}

	/**
	 * The answer_url gave a valid SCCO without a {@code connect}: actions the server runs on a
	 * call it answers itself (an IVR, a voicemail), which ends when they are done.
	 *
	 * @param scco the actions, none of them a connect
	 */
	record Run(Scco scco) implements CallControlDecision {

	}

	/**
	 * makeCall fails before any party rings.
	 *
	 * @param code {@link #ANSWER_URL_FAILED} or {@link #INCORRECT_FORMAT}
	 * @param message the seed's message text for that code
	 */
	record Failed(int code, String message) implements CallControlDecision {

		/** No answer_url, or it failed, timed out, answered non-2xx or too much. */
		public static final int ANSWER_URL_FAILED = 1;

		/** The answer was not a valid SCCO. */
		public static final int INCORRECT_FORMAT = 2;

		static Failed answerUrlFailed() {
			return new Failed(ANSWER_URL_FAILED, "Make call failed. Answer url is empty");
		}

		static Failed incorrectFormat() {
			return new Failed(INCORRECT_FORMAT, "Make call failed. Answer url scco incorrect format");
		}

	}

}
