package asia.oncaller.auth;

import java.util.Optional;
import java.util.regex.Pattern;

import asia.oncaller.common.ControlCharacters;
import asia.oncaller.tenant.ProjectInService;
import asia.oncaller.tenant.ProjectsInService;

import org.springframework.stereotype.Component;

/**
 * Verifies the client tokens of STOMP CONNECT (PROTOCOL §1): HS256 JWTs issued by a project's API
 * key and signed with its secret. The first failing check gives the code, in this order:
 * <ol>
 * <li>1 empty, 2 cannot decode, 4 not HS256, 3 invalid format: see {@link TokenParser}.</li>
 * <li>5 issuer not found: {@code iss} is not the API key SID ({@code SK…}) of a project. An
 * account SID ({@code AC…}) is refused here too, since accounts sign REST tokens only.</li>
 * <li>6 expired or bad signature, then 7 for absurd times: see {@link JwtChecks}. Nothing but
 * {@code iss} is trusted before the signature verifies.</li>
 * <li>7 invalid payload: {@code userId} missing, not a string, blank, longer than 128
 * characters (code points), or holding a control character (see {@link ControlCharacters}). Other claims, {@code rest_api} included, are ignored.</li>
 * <li>8 project not found or disabled: the project is disabled, or its account is missing or not
 * {@code ACTIVE}.</li>
 * </ol>
 */
@Component
public class ClientTokenVerifier {

	/** The width of the user columns of the schema, which counts code points as we do. */
	static final int MAX_USER_ID_LENGTH = 128;

	/** The shape the schema enforces on API key SIDs; anything else needs no query. */
	private static final Pattern API_KEY_SID = Pattern.compile("SK[0-9a-f]{32}");

	private final ProjectsInService projects;

	private final JwtChecks checks;

	ClientTokenVerifier(ProjectsInService projects, JwtChecks checks) {
		this.projects = projects;
		this.checks = checks;
	}

	/**
	 * Verifies a client token.
	 * @param token the compact JWT as the client sent it, or {@code null}
	 * @return {@code OK} with the identity the token speaks for, or the code that refuses it;
	 * never throws for a bad token (only when the database fails)
	 */
	public AuthOutcome verify(String token) {
		TokenParser.Result parsed = TokenParser.parse(token);
		if (!parsed.ok()) {
			return AuthOutcome.failure(parsed.failure());
		}
		UnverifiedToken unverified = parsed.token();
		// The project and its account's status in one query: a CONNECT's only database work.
		Optional<ProjectInService> found = findProject(unverified.issuer());
		if (found.isEmpty()) {
			return AuthOutcome.failure(AuthCode.ISSUER_NOT_FOUND);
		}
		ProjectInService project = found.get();
		AuthCode code = this.checks.verify(unverified, project.apiKeySecret());
		if (code != AuthCode.OK) {
			return AuthOutcome.failure(code);
		}
		String userId = userId(unverified.claims().get("userId"));
		if (userId == null) {
			return AuthOutcome.failure(AuthCode.INVALID_PAYLOAD);
		}
		if (!project.inService()) {
			return AuthOutcome.failure(AuthCode.PROJECT_NOT_FOUND);
		}
		return AuthOutcome.success(new ClientIdentity(userId, project.projectId(), project.accountId()));
	}

	private Optional<ProjectInService> findProject(String issuer) {
		return API_KEY_SID.matcher(issuer).matches() ? this.projects.findByApiKeySid(issuer)
				: Optional.empty();
	}

	private static String userId(Object claim) {
		if (claim instanceof String userId && !userId.isBlank()
				&& userId.codePointCount(0, userId.length()) <= MAX_USER_ID_LENGTH && !ControlCharacters.in(userId)) {
			return userId;
		}
		return null;
	}

}
