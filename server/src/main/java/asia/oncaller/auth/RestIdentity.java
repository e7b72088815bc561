package asia.oncaller.auth;

/**
 * Who a verified REST token speaks for. The account and project come from the key that signed
 * the token, never from its claims.
 *
 * @param kind which kind of token it was
 * @param accountId the account, for both kinds
 * @param projectId the project of a project token; {@code null} for an account token
 */
public record RestIdentity(RestTokenKind kind, String accountId, String projectId) {

	/** An identity of a project token. */
	public static RestIdentity project(String accountId, String projectId) {
		return new RestIdentity(RestTokenKind.PROJECT, accountId, projectId);
	}

	/** An identity of an account token. */
	public static RestIdentity account(String accountId) {
		return new RestIdentity(RestTokenKind.ACCOUNT, accountId, null);
	}

	/** Whether the token was issued by a project's API key. */
	public boolean isProject() {
		return this.kind == RestTokenKind.PROJECT;
	}

}
