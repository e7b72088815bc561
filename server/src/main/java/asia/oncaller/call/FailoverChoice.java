package asia.oncaller.call;

/**
 * The choices of continueOnFail that need no database (see {@link CallFailover}): whether a new
 * call may fail over at all, and what a call retargeted to a new app user does next. Kept apart
 * so that the bound on a chain of failovers is tested on its own.
 */
final class FailoverChoice {

	/** What a retargeted call does once its new callee is known to be online or not. */
	enum Next {

		/** The new callee is online: their devices ring. */
		RING,

		/** The new callee is not online and the new connect fails over too: its onFailEventUrl is asked. */
		FAIL_OVER_AGAIN,

		/** The new callee is not online and nothing fails over any more: the call ends as not online. */
		END

	}

	private FailoverChoice() {
	}

	/**
	 * Whether a call whose connect says {@code continueOnFail} fails over when its callee is
	 * unreachable: not when the server allows no failovers ({@code maxFailovers} 0).
	 */
	static boolean mayFailOver(boolean continueOnFail, int maxFailovers) {
		return continueOnFail && maxFailovers > 0;
	}

	/**
	 * What a call does after a retarget, with {@code failover} as the retarget left it (the new
	 * connect's continueOnFail, the count including this retarget): a chain of failovers stops at
	 * {@code maxFailovers}.
	 */
	static Next afterRetarget(boolean calleeOnline, Failover failover, int maxFailovers) {
		if (calleeOnline) {
			return Next.RING;
		}
		if (failover.continueOnFail() && failover.failoverCount() < maxFailovers) {
			return Next.FAIL_OVER_AGAIN;
		}
		return Next.END;
	}

}
