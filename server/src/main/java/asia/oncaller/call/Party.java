package asia.oncaller.call;

/**
 * Who performs a verb: an app user of a project, through one connection (a device) or, over
 * REST, with no connection at all ({@code connectionId} and {@code deviceId} are then null).
 */
public record Party(String projectId, String accountId, String userId, String connectionId, String deviceId) {

	/** The same user acting with no particular connection, as the REST API does. */
	public static Party withoutConnection(String projectId, String accountId, String userId) {
		return new Party(projectId, accountId, userId, null, null);
	}

	boolean hasConnection() {
		return this.connectionId != null;
	}

}
