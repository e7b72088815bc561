package asia.oncaller.call;

/** Which side of a call a party is on, and where the events for each side go. */
final class CallParties {

	enum Role {

		CALLER, CALLEE, NONE

	}

	private CallParties() {
	}

	/**
	 * The party's side. A user who calls themselves is the caller on the connection that placed
	 * the call and the callee on their other devices.
	 */
	static Role roleOf(Call call, Party party) {
		if (!call.getProjectId().equals(party.projectId())) {
			return Role.NONE;
		}
		boolean caller = party.userId().equals(call.parties().fromUserId());
		boolean callee = party.userId().equals(call.parties().toUserId());
		if (caller && (!callee || !party.hasConnection()
				|| party.connectionId().equals(call.parties().callerConnectionId()))) {
			return Role.CALLER;
		}
		return callee ? Role.CALLEE : Role.NONE;
	}

	/** Whether a callee party may act on an answered call: only the answering device may. */
	static boolean isAnsweringDevice(Call call, Party party) {
		return !party.hasConnection() || party.connectionId().equals(call.parties().answeredConnectionId());
	}

	static Recipient caller(Call call) {
		Parties parties = call.parties();
		return Recipient.connectionOrUser(call.getProjectId(), parties.fromUserId(), parties.callerConnectionId());
	}

	/** The answering device once answered, else every device of the callee. */
	static Recipient callee(Call call) {
		Parties parties = call.parties();
		if (call.getStatus() == CallState.ANSWERED || parties.answeredConnectionId() != null) {
			return Recipient.connectionOrUser(call.getProjectId(), parties.toUserId(), parties.answeredConnectionId());
		}
		return new Recipient.User(call.getProjectId(), parties.toUserId());
	}

	/** The callee's devices other than the one that acted. */
	static Recipient otherCalleeDevices(Call call, Party party) {
		return party.hasConnection()
				? new Recipient.UserExcept(call.getProjectId(), call.parties().toUserId(), party.connectionId())
				: new Recipient.User(call.getProjectId(), call.parties().toUserId());
	}

	/** The other leg as seen from the party. */
	static Recipient otherLeg(Call call, Role role) {
		return (role == Role.CALLER) ? callee(call) : caller(call);
	}

	/**
	 * The side a SIP leg takes: the callee of a call dialled through a trunk, the caller of a call
	 * that came in through one; {@link Role#NONE} when no trunk carries the call.
	 */
	static Role phoneSide(Call call) {
		if (call.phoneLine().trunkId() == null) {
			return Role.NONE;
		}
		return (call.getDirection() == CallDirection.PHONE_TO_APP) ? Role.CALLER : Role.CALLEE;
	}

	/**
	 * Whether the call's phone party waits for the app user it was transferred to, and the party
	 * is that user: they may ring and answer although the call is answered.
	 */
	static boolean isTransferTarget(Call call, Party party) {
		if (call.timing().transferredAt() == null || call.getStatus() != CallState.ANSWERED
				|| !call.getProjectId().equals(party.projectId())) {
			return false;
		}
		boolean appToPhone = call.getDirection() == CallDirection.APP_TO_PHONE;
		Parties parties = call.parties();
		String appUser = appToPhone ? parties.fromUserId() : parties.toUserId();
		String appConnection = appToPhone ? parties.callerConnectionId() : parties.answeredConnectionId();
		return appConnection == null && party.userId().equals(appUser);
	}

	/**
	 * Whether the server answered this app caller itself and runs its SCCO's actions, with no app
	 * user on the other side yet ({@link Call#answeredByServerForApp}): its caller's SDP is
	 * answered at rtpengine and its digits go to the actions.
	 */
	static boolean serverRunsActions(Call call) {
		return call.getDirection() == CallDirection.APP_TO_APP && call.isMediaAnchored()
				&& call.parties().toUserId() == null;
	}

	/** Whether the party's other leg is a phone on a trunk rather than an app user. */
	static boolean otherLegIsPhone(Call call, Role role) {
		Role phone = phoneSide(call);
		return phone != Role.NONE && phone != role;
	}

}
