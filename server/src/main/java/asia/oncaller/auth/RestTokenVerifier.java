package asia.oncaller.auth;

import java.util.regex.Pattern;

import asia.oncaller.tenant.Account;
import asia.oncaller.tenant.AccountRepository;
import asia.oncaller.tenant.AccountStatus;
import asia.oncaller.tenant.Project;
import asia.oncaller.tenant.ProjectRepository;

import org.springframework.stereotype.Component;

/**
 * Verifies the REST tokens of PROTOCOL §1: project tokens ({@code iss} = API key SID, signed with
 * the key's secret) and account tokens ({@code iss} = account SID, signed with the account's
 * secret). The first failing check gives the code, in the order of {@link ClientTokenVerifier}:
 * <ol>
 * <li>1 empty, 2 cannot decode, 4 not HS256, 3 invalid format: see {@link TokenParser}.</li>
 * <li>5 issuer not found: {@code iss} is neither a project's API key SID nor an account SID.</li>
 * <li>6 expired or bad signature, then 7 for absurd times: see {@link JwtChecks}.</li>
 * <li>7 invalid payload: {@code rest_api} is not the boolean {@code true}; so a client token,
 * which says nothing of the REST API, cannot be used here.</li>
 * <li>8 not found or disabled: the project is disabled, or the account is missing or not
 * {@code ACTIVE}.</li>
 * </ol>
 */
@Component
public class RestTokenVerifier {

	private static final Pattern API_KEY_SID = Pattern.compile("SK[0-9a-f]{32}");

	private static final Pattern ACCOUNT_SID = Pattern.compile("AC[0-9a-f]{32}");

	private final ProjectRepository projects;

	private final AccountRepository accounts;

	private final JwtChecks checks;

	RestTokenVerifier(ProjectRepository projects, AccountRepository accounts, JwtChecks checks) {
		this.projects = projects;
		this.accounts = accounts;
		this.checks = checks;
	}

	/**
	 * Verifies a REST token.
	 * @param token the compact JWT as the request carried it, or {@code null}
	 * @return {@code OK} with the identity, or the code that refuses the token; never throws for
	 * a bad token (only when the database fails)
	 */
	public RestAuthentication verify(String token) {
		TokenParser.Result parsed = TokenParser.parse(token);
		if (!parsed.ok()) {
			return RestAuthentication.failure(parsed.failure());
		}
		UnverifiedToken unverified = parsed.token();
		String issuer = unverified.issuer();
		if (API_KEY_SID.matcher(issuer).matches()) {
			return this.projects.findByApiKeySid(issuer)
				.map((project) -> verifyProjectToken(unverified, project))
				.orElse(RestAuthentication.failure(AuthCode.ISSUER_NOT_FOUND));
		}
		if (ACCOUNT_SID.matcher(issuer).matches()) {
			return this.accounts.findById(issuer)
				.map((account) -> verifyAccountToken(unverified, account))
				.orElse(RestAuthentication.failure(AuthCode.ISSUER_NOT_FOUND));
		}
		return RestAuthentication.failure(AuthCode.ISSUER_NOT_FOUND);
	}

	private RestAuthentication verifyProjectToken(UnverifiedToken token, Project project) {
		AuthCode code = checkSignatureAndClaims(token, project.getApiKeySecret());
		if (code != AuthCode.OK) {
			return RestAuthentication.failure(code);
		}
		boolean inService = project.isEnabled() && this.accounts.findById(project.getAccountId())
			.map((account) -> account.getStatus() == AccountStatus.ACTIVE)
			.orElse(false);
		return inService ? RestAuthentication.success(RestIdentity.project(project.getAccountId(), project.getId()))
				: RestAuthentication.failure(AuthCode.PROJECT_NOT_FOUND);
	}

	private RestAuthentication verifyAccountToken(UnverifiedToken token, Account account) {
		AuthCode code = checkSignatureAndClaims(token, account.getSecret());
		if (code != AuthCode.OK) {
			return RestAuthentication.failure(code);
		}
		return (account.getStatus() == AccountStatus.ACTIVE)
				? RestAuthentication.success(RestIdentity.account(account.getId()))
				: RestAuthentication.failure(AuthCode.PROJECT_NOT_FOUND);
	}

	private AuthCode checkSignatureAndClaims(UnverifiedToken token, String secret) {
		AuthCode code = this.checks.verify(token, secret);
		if (code != AuthCode.OK) {
			return code;
		}
		return Boolean.TRUE.equals(token.claims().get("rest_api")) ? AuthCode.OK : AuthCode.INVALID_PAYLOAD;
	}

}
