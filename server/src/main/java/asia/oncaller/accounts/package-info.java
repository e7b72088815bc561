/**
 * The REST API of account management: an account owner's account, balance ledger and projects
 * ({@code /v1/account}, {@code /v1/projects}), and the operator's accounts, top-ups and limits
 * ({@code /v1/accounts}). The entities are the {@code tenant} module's; these adapters sit in a
 * module of their own because they use {@code auth}, which itself reads tenants to verify
 * tokens, so living in {@code tenant} would make a cycle.
 */
@ApplicationModule(allowedDependencies = { "api", "auth", "billing", "limits", "outbound", "tenant" })
package asia.oncaller.accounts;

import org.springframework.modulith.ApplicationModule;
