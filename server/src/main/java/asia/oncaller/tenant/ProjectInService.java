package asia.oncaller.tenant;

/**
 * What STOMP CONNECT needs of the project of an API key SID, with its account's status, read
 * together in one query ({@link ProjectsInService}).
 *
 * @param projectId the project's id
 * @param accountId its account's id
 * @param apiKeySecret the secret that signs its client tokens
 * @param enabled whether the project is enabled
 * @param accountStatus its account's status, or {@code null} when the account is missing
 */
public record ProjectInService(String projectId, String accountId, String apiKeySecret, boolean enabled,
		AccountStatus accountStatus) {

	/** Whether tokens of this project are honoured: it is enabled and its account active. */
	public boolean inService() {
		return this.enabled && this.accountStatus == AccountStatus.ACTIVE;
	}

}
