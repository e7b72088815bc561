package asia.oncaller.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import asia.oncaller.TestDatabaseConfig;
import asia.oncaller.tenant.Account;
import asia.oncaller.tenant.AccountRepository;
import asia.oncaller.tenant.AccountStatus;
import asia.oncaller.tenant.Project;
import asia.oncaller.tenant.ProjectRepository;
import com.nimbusds.jose.util.Base64URL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static asia.oncaller.auth.TestTokens.claims;
import static asia.oncaller.auth.TestTokens.encode;
import static asia.oncaller.auth.TestTokens.header;
import static asia.oncaller.auth.TestTokens.signed;
import static asia.oncaller.auth.TestTokens.unsigned;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Client tokens against projects and accounts stored in real PostgreSQL: one test per authen
 * code 0 to 8, the attacks PROTOCOL §1 names (alg none, HS512, RS256, milliseconds, long lives,
 * tampering), and the order in which the checks run. Each test has its own account and project.
 */
@SpringBootTest(webEnvironment = WebEnvironment.NONE)
@Import(TestDatabaseConfig.class)
class ClientTokenVerifierIntegrationTests {

	@Autowired
	ClientTokenVerifier verifier;

	@Autowired
	TokenIssuer issuer;

	@Autowired
	AccountRepository accounts;

	@Autowired
	ProjectRepository projects;

	@Autowired
	JdbcTemplate jdbc;

	Account account;

	Project project;

	Map<String, Object> header = header();

	Map<String, Object> claims;

	@BeforeEach
	void createAccountAndProject() {
		this.account = this.accounts.saveAndFlush(new Account("Acme", "USD"));
		this.project = this.projects.saveAndFlush(new Project(this.account.getId(), "Phone app"));
		this.claims = claims(this.project.getApiKeySid(), Instant.now());
	}

	@Test
	void acceptsClientTokenAndNamesItsUserProjectAndAccount() {
		AuthOutcome outcome = this.verifier.verify(signedWithApiKey());
		assertThat(outcome.ok()).isTrue();
		assertThat(outcome.code()).isEqualTo(AuthCode.OK);
		assertThat(outcome.identity())
			.isEqualTo(new ClientIdentity("alice", this.project.getId(), this.account.getId()));
	}

	@Test
	void acceptsTokenOfTokenIssuer() {
		String token = this.issuer.clientToken(this.project.getApiKeySid(), this.project.getApiKeySecret(), "bob",
				Duration.ofHours(24));
		assertThat(this.verifier.verify(token).identity().userId()).isEqualTo("bob");
	}

	@Test
	void refusesNullEmptyOrBlankTokenAsEmpty() {
		assertCode((String) null, AuthCode.TOKEN_EMPTY);
		assertCode("", AuthCode.TOKEN_EMPTY);
		assertCode(" \t", AuthCode.TOKEN_EMPTY);
	}

	@Test
	void refusesTokenThatIsNotThreeBase64UrlPartsAsUndecodable() {
		String token = signedWithApiKey();
		assertCode("not-a-token", AuthCode.CANNOT_DECODE);
		assertCode(token.substring(0, token.lastIndexOf('.')), AuthCode.CANNOT_DECODE);
		assertCode(token + ".e30", AuthCode.CANNOT_DECODE);
		assertCode(token.replaceFirst("\\.", ".!"), AuthCode.CANNOT_DECODE);
	}

	@Test
	void refusesPayloadThatIsNotAJsonObjectAsUndecodable() {
		String headerPart = unsigned(this.header, this.claims).split("\\.")[0];
		assertCode(headerPart + "." + encode("[\"alice\"]") + ".c2ln", AuthCode.CANNOT_DECODE);
		assertCode(headerPart + "." + encode("{\"userId\":") + ".c2ln", AuthCode.CANNOT_DECODE);
	}

	@Test
	void refusesUnsignedAlgNoneToken() {
		this.header.put("alg", "none");
		assertCode(unsigned(this.header, this.claims) + ".", AuthCode.NOT_HS256);
	}

	@Test
	void refusesHs512Token() {
		this.header.put("alg", "HS512");
		assertCode(signedWithApiKey(), AuthCode.NOT_HS256);
	}

	@Test
	void refusesRs256Token() {
		this.header.put("alg", "RS256");
		assertCode(unsigned(this.header, this.claims) + "." + Base64URL.encode(new byte[256]), AuthCode.NOT_HS256);
	}

	@Test
	void refusesWrongContentTypeAsInvalidFormat() {
		this.header.put("cty", "oncaller-api;v=2");
		assertCode(signedWithApiKey(), AuthCode.INVALID_FORMAT);
	}

	@Test
	void refusesWrongTypeAsInvalidFormat() {
		this.header.put("typ", "at+jwt");
		assertCode(signedWithApiKey(), AuthCode.INVALID_FORMAT);
	}

	@Test
	void refusesMissingIssuerOrExpiryAsInvalidFormat() {
		this.claims.remove("iss");
		assertCode(signedWithApiKey(), AuthCode.INVALID_FORMAT);
		this.claims.put("iss", this.project.getApiKeySid());
		this.claims.put("exp", "tomorrow");
		assertCode(signedWithApiKey(), AuthCode.INVALID_FORMAT);
	}

	@Test
	void refusesUnknownApiKeySid() {
		String sid = this.project.getApiKeySid();
		this.project.rotateApiKey();
		this.projects.saveAndFlush(this.project);
		this.claims.put("iss", sid);
		assertCode(signedWithApiKey(), AuthCode.ISSUER_NOT_FOUND);
	}

	@Test
	void refusesAccountSidAsIssuerOfClientToken() {
		this.claims.put("iss", this.account.getId());
		assertCode(signed(this.header, this.claims, this.account.getSecret()), AuthCode.ISSUER_NOT_FOUND);
	}

	@Test
	void refusesTamperedPayloadAsBadSignature() {
		String[] parts = signedWithApiKey().split("\\.");
		this.claims.put("userId", "mallory");
		String forged = unsigned(this.header, this.claims).split("\\.")[1];
		assertCode(parts[0] + "." + forged + "." + parts[2], AuthCode.EXPIRED_OR_BAD_SIGNATURE);
	}

	@Test
	void refusesTokenSignedWithAnotherSecret() {
		assertCode(signed(this.header, this.claims, this.account.getSecret()), AuthCode.EXPIRED_OR_BAD_SIGNATURE);
	}

	@Test
	void refusesExpiredTokenButAcceptsOneWithinClockSkew() {
		this.claims.put("iat", Instant.now().minusSeconds(3600).getEpochSecond());
		this.claims.put("exp", Instant.now().minusSeconds(10).getEpochSecond());
		assertCode(signedWithApiKey(), AuthCode.OK);
		this.claims.put("exp", Instant.now().minusSeconds(60).getEpochSecond());
		assertCode(signedWithApiKey(), AuthCode.EXPIRED_OR_BAD_SIGNATURE);
	}

	@Test
	void refusesTokensOfProjectWhoseSecretIsTooShortToSign() {
		String token = signedWithApiKey();
		this.jdbc.update("update project set api_key_secret = 'short' where id = ?", this.project.getId());
		assertCode(token, AuthCode.EXPIRED_OR_BAD_SIGNATURE);
	}

	@Test
	void refusesMissingBlankOrOverlongUserIdAsInvalidPayload() {
		this.claims.remove("userId");
		assertCode(signedWithApiKey(), AuthCode.INVALID_PAYLOAD);
		this.claims.put("userId", " ");
		assertCode(signedWithApiKey(), AuthCode.INVALID_PAYLOAD);
		this.claims.put("userId", 42);
		assertCode(signedWithApiKey(), AuthCode.INVALID_PAYLOAD);
		this.claims.put("userId", "u".repeat(129));
		assertCode(signedWithApiKey(), AuthCode.INVALID_PAYLOAD);
		this.claims.put("userId", "u".repeat(128));
		assertCode(signedWithApiKey(), AuthCode.OK);
	}

	@ParameterizedTest
	@ValueSource(strings = { "bob\r\nevil", "bob\n", "bob\u0000", "\u001b[2Jbob", "bob\u007f", "bob\u0085",
			"bob\u200b", "\u202eboB", "bob\u2028" })
	void refusesUserIdWithControlCharactersAsInvalidPayload(String userId) {
		this.claims.put("userId", userId);
		assertCode(signedWithApiKey(), AuthCode.INVALID_PAYLOAD);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Zoë 李", "bob@example.com", "+84901234567", "user-☎-😀" })
	void acceptsPrintableUnicodeUserIds(String userId) {
		this.claims.put("userId", userId);
		assertCode(signedWithApiKey(), AuthCode.OK);
	}

	@Test
	void refusesExpInMillisecondsAsInvalidPayload() {
		this.claims.put("exp", Instant.now().plusSeconds(3600).toEpochMilli());
		assertCode(signedWithApiKey(), AuthCode.INVALID_PAYLOAD);
	}

	@Test
	void refusesExpMoreThan24HoursAfterIatAsInvalidPayload() {
		Instant iat = Instant.now();
		this.claims.put("exp", iat.plus(Duration.ofHours(25)).getEpochSecond());
		assertCode(signedWithApiKey(), AuthCode.INVALID_PAYLOAD);
		this.claims.remove("iat");
		assertCode(signedWithApiKey(), AuthCode.INVALID_PAYLOAD);
	}

	@Test
	void refusesIatInTheFutureAsInvalidPayload() {
		this.claims.put("iat", Instant.now().plusSeconds(600).getEpochSecond());
		assertCode(signedWithApiKey(), AuthCode.INVALID_PAYLOAD);
	}

	@Test
	void refusesTokenOfDisabledProject() {
		this.project.setEnabled(false);
		this.projects.saveAndFlush(this.project);
		assertCode(signedWithApiKey(), AuthCode.PROJECT_NOT_FOUND);
	}

	@Test
	void refusesTokenOfSuspendedOrClosedAccount() {
		this.account.setStatus(AccountStatus.SUSPENDED);
		this.account = this.accounts.saveAndFlush(this.account);
		assertCode(signedWithApiKey(), AuthCode.PROJECT_NOT_FOUND);
		this.account.setStatus(AccountStatus.CLOSED);
		this.account = this.accounts.saveAndFlush(this.account);
		assertCode(signedWithApiKey(), AuthCode.PROJECT_NOT_FOUND);
	}

	@Test
	void checksAlgorithmBeforeShape() {
		this.header.put("alg", "none");
		this.header.put("typ", "XML");
		assertCode(unsigned(this.header, this.claims) + ".", AuthCode.NOT_HS256);
	}

	@Test
	void checksSignatureAndExpiryBeforePayload() {
		this.claims.remove("userId");
		assertCode(signed(this.header, this.claims, this.account.getSecret()), AuthCode.EXPIRED_OR_BAD_SIGNATURE);
		this.claims.put("exp", Instant.now().minusSeconds(3600).getEpochSecond());
		assertCode(signedWithApiKey(), AuthCode.EXPIRED_OR_BAD_SIGNATURE);
	}

	@Test
	void checksPayloadBeforeProjectState() {
		this.project.setEnabled(false);
		this.projects.saveAndFlush(this.project);
		this.claims.remove("userId");
		assertCode(signedWithApiKey(), AuthCode.INVALID_PAYLOAD);
	}

	private String signedWithApiKey() {
		return signed(this.header, this.claims, this.project.getApiKeySecret());
	}

	private void assertCode(String token, AuthCode expected) {
		AuthOutcome outcome = this.verifier.verify(token);
		assertThat(outcome.code()).as(token).isEqualTo(expected);
		assertThat(outcome.identity() != null).isEqualTo(expected == AuthCode.OK);
	}

}
