package asia.oncaller.call;

/**
 * How a call ended: its final state, the reason clients and the record show, and the SIP code
 * that goes with it (PROTOCOL §3.2; reasons as in the product this API was modelled on).
 */
record CallEnd(CallState state, String reason, Integer sipCode) {

	/** The caller hung up after the answer, or the callee did. */
	static final CallEnd NORMAL = new CallEnd(CallState.ENDED, "Ended", null);

	/** The caller gave up before anyone answered. */
	static final CallEnd CANCELED = new CallEnd(CallState.ENDED, "Canceled", 487);

	/** The callee rejected the call. */
	static final CallEnd BUSY = new CallEnd(CallState.BUSY, "Busy here", 486);

	/** Nobody answered within the SCCO timeout. */
	static final CallEnd NO_ANSWER = new CallEnd(CallState.ENDED, "No answer", 480);

	/** A phone call was transferred to an app user who did not answer in time. */
	static final CallEnd TRANSFER_NOT_ANSWERED = new CallEnd(CallState.ENDED, "Transfer not answered", 480);

	/** The app user a phone call was transferred to rejected it; the phone party is hung up. */
	static final CallEnd TRANSFER_REJECTED = new CallEnd(CallState.ENDED, "Transfer rejected", 486);

	/**
	 * The actions the server ran on a phone's call reached a connect to anything but an app user
	 * (a phone call is connected only to app users).
	 */
	static final CallEnd CONNECT_NOT_TO_APP = new CallEnd(CallState.ENDED, "Connect not to an app user", null);

	/** The callee had no device online. */
	static final CallEnd NOT_ONLINE = new CallEnd(CallState.ENDED, "Callee not online", 480);

	/** The call reached its maxConnectTime. */
	static final CallEnd MAX_CONNECT_TIME = new CallEnd(CallState.ENDED, "Max connect time", null);

	/**
	 * The call used all the answered time its account's balance paid for. 402 is SIP's Payment
	 * Required, sent on phone legs and carried by the event on every leg.
	 */
	static final CallEnd NOT_ENOUGH_MONEY = new CallEnd(CallState.ENDED, "Not enough money", 402);

	/**
	 * A party's connection closed without a hangup; also a call that no node has seen alive for
	 * the heartbeat timeout (its node crashed with the connections).
	 */
	static final CallEnd CONNECTION_LOST = new CallEnd(CallState.ENDED, "Connection lost", null);

	/** The server's operator hung the call up (from the console), whatever its state. */
	static final CallEnd BY_OPERATOR = new CallEnd(CallState.ENDED, "Ended by operator", null);

	/** Calls to phone numbers pass every check but are not dialled by this version. */
	static final CallEnd NO_SIP_GATEWAY = new CallEnd(CallState.ENDED, "Service unavailable: phone calls are not enabled",
			503);

	/** Why an answered call whose granted time ran out ends: its maxConnectTime, else its balance. */
	static CallEnd grantRunOut(Call call) {
		Integer max = call.money().maxConnectSeconds();
		Integer granted = call.money().grantedSeconds();
		return (max != null && granted != null && granted >= max) ? MAX_CONNECT_TIME : NOT_ENOUGH_MONEY;
	}

}
