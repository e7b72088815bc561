package asia.oncaller.control;

/**
 * Whether a call's media must run through rtpengine (the media anchor) rather than peer to peer:
 * when its SCCO has any action besides {@code connect} (something the server plays, listens to
 * or records), its connect says {@code peerToPeerCall: false}, or streams the call's audio to a
 * customer's WebSocket. An app-to-app call that only connects keeps its media peer to peer; a
 * phone leg is anchored anyway.
 */
public final class MediaAnchor {

	private MediaAnchor() {
	}

	/** Whether the SCCO needs the anchor. */
	public static boolean needed(Scco scco) {
		return scco.actions()
			.stream()
			.anyMatch((action) -> !(action instanceof ConnectAction connect) || !connect.peerToPeerCall()
					|| connect.toWebSocket());
	}

	/**
	 * Whether the server itself must answer and run actions before any connect: the SCCO does not
	 * start with its connect (or has none), or that connect streams to a WebSocket, which the
	 * server carries out as it does the other actions.
	 */
	public static boolean runsActionsFirst(Scco scco) {
		return !(scco.actions().get(0) instanceof ConnectAction connect) || connect.toWebSocket();
	}

	/**
	 * Whether the server itself answers an app caller to run actions before any connect: an
	 * action other than {@code record} comes before the SCCO's first connect, or it has no
	 * connect. A {@code record} followed by the connect is carried out on the anchored call
	 * between the two apps instead, and an app's first connect to a WebSocket is refused as before.
	 */
	public static boolean appCallerRunsActionsFirst(Scco scco) {
		for (SccoAction action : scco.actions()) {
			if (action instanceof ConnectAction) {
				return false;
			}
			if (!(action instanceof RecordAction)) {
				return true;
			}
		}
		return true;
	}

}
