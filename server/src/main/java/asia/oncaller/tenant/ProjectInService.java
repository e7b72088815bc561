package asia.oncaller.tenant;

/**
 * A project with its account's status, read together in one query: every STOMP CONNECT checks
 * both, and one round trip to PostgreSQL costs less than two.
 *
 * @param project the project
 * @param accountStatus its account's status, or {@code null} when the account is missing
 */
public record ProjectInService(Project project, AccountStatus accountStatus) {

	/** Whether tokens of this project are honoured: it is enabled and its account active. */
	public boolean inService() {
		return this.project.isEnabled() && this.accountStatus == AccountStatus.ACTIVE;
	}

}
