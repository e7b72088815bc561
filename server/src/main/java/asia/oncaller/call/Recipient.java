package asia.oncaller.call;

/** Who an event goes to: every device of a user, one of them, or all but one. */
public sealed interface Recipient {

	String projectId();

	String userId();

	/** Every online device of the user. */
	record User(String projectId, String userId) implements Recipient {
	}

	/** One connection of the user. */
	record Connection(String projectId, String userId, String connectionId) implements Recipient {
	}

	/** Every device of the user except one connection. */
	record UserExcept(String projectId, String userId, String connectionId) implements Recipient {
	}

	/** One connection when it is known, else every device of the user (calls placed over REST). */
	static Recipient connectionOrUser(String projectId, String userId, String connectionId) {
		return (connectionId != null) ? new Connection(projectId, userId, connectionId) : new User(projectId, userId);
	}

}
