package asia.oncaller.call;

/**
 * Why a connect's internal callee could not be reached: the {@code reason} an onFailEventUrl
 * hears, and how the call ends when no failover takes it elsewhere.
 */
enum ConnectFailure {

	/** A device of the callee rejected the call. */
	BUSY("busy", CallEnd.BUSY),

	/** The callee had no device online. */
	NOT_ONLINE("not_online", CallEnd.NOT_ONLINE),

	/** No device of the callee answered within the connect's timeout. */
	NO_ANSWER("no_answer", CallEnd.NO_ANSWER);

	private final String reason;

	private final CallEnd end;

	ConnectFailure(String reason, CallEnd end) {
		this.reason = reason;
		this.end = end;
	}

	/** The {@code reason} field of the onFailEventUrl request, as stored in {@code call.fail_reason}. */
	String reason() {
		return this.reason;
	}

	/** How the call ends when it is not retargeted. */
	CallEnd end() {
		return this.end;
	}

	static ConnectFailure of(String reason) {
		for (ConnectFailure failure : values()) {
			if (failure.reason.equals(reason)) {
				return failure;
			}
		}
		throw new IllegalArgumentException("Unknown fail reason " + reason);
	}

}
