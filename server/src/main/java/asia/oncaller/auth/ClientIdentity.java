package asia.oncaller.auth;

/**
 * Who a verified client token speaks for: a user of a project of an account. The project and
 * account come from the API key that signed the token, never from the token's own claims.
 *
 * @param userId the token's {@code userId} claim, as the customer's server signed it
 * @param projectId the project whose API key signed the token
 * @param accountId the account that owns that project
 */
public record ClientIdentity(String userId, String projectId, String accountId) {

}
