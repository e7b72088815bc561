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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

import static asia.oncaller.auth.TestTokens.claims;
import static asia.oncaller.auth.TestTokens.header;
import static asia.oncaller.auth.TestTokens.signed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Project and account REST tokens against tenants stored in real PostgreSQL: each kind is
 * accepted and names its tenant from the signing key, and each refusal gets its PROTOCOL §1 code,
 * including a client token (no {@code rest_api}) and a token signed with the other kind's secret.
 */
@SpringBootTest(webEnvironment = WebEnvironment.NONE)
@Import(TestDatabaseConfig.class)
class RestTokenVerifierIntegrationTests {

	@Autowired
	RestTokenVerifier verifier;

	@Autowired
	TokenIssuer issuer;

	@Autowired
	AccountRepository accounts;

	@Autowired
	ProjectRepository projects;

	Account account;

	Project project;

	@BeforeEach
	void createAccountAndProject() {
		this.account = this.accounts.saveAndFlush(new Account("Acme", "USD"));
		this.project = this.projects.saveAndFlush(new Project(this.account.getId(), "Phone app"));
	}

	@Test
	void acceptsProjectTokenAndNamesItsProjectAndAccount() {
		String token = this.issuer.restToken(this.project.getApiKeySid(), this.project.getApiKeySecret(),
				Duration.ofMinutes(5));
		RestAuthentication authentication = this.verifier.verify(token);
		assertThat(authentication.ok()).isTrue();
		assertThat(authentication.identity())
			.isEqualTo(RestIdentity.project(this.account.getId(), this.project.getId()));
	}

	@Test
	void acceptsAccountTokenAndNamesItsAccountOnly() {
		String token = this.issuer.restToken(this.account.getId(), this.account.getSecret(), Duration.ofMinutes(5));
		RestAuthentication authentication = this.verifier.verify(token);
		assertThat(authentication.identity()).isEqualTo(RestIdentity.account(this.account.getId()));
		assertThat(authentication.identity().isProject()).isFalse();
	}

	@Test
	void refusesEmptyGarbageAndNonHs256WithCodes1To4() {
		assertThat(this.verifier.verify(null).code()).isEqualTo(AuthCode.TOKEN_EMPTY);
		assertThat(this.verifier.verify("not-a-jwt").code()).isEqualTo(AuthCode.CANNOT_DECODE);
		Map<String, Object> hs512 = header();
		hs512.put("alg", "HS512");
		assertThat(this.verifier.verify(signed(hs512, restClaims(this.account.getId()), this.account.getSecret())).code())
			.isEqualTo(AuthCode.NOT_HS256);
		Map<String, Object> badType = header();
		badType.put("typ", "JOSE+JSON");
		assertThat(this.verifier.verify(signed(badType, restClaims(this.account.getId()), this.account.getSecret()))
			.code()).isEqualTo(AuthCode.INVALID_FORMAT);
	}

	@Test
	void refusesUnknownIssuersWithCode5() {
		assertThat(verify("SK" + "0".repeat(32), this.project.getApiKeySecret())).isEqualTo(AuthCode.ISSUER_NOT_FOUND);
		assertThat(verify("AC" + "0".repeat(32), this.account.getSecret())).isEqualTo(AuthCode.ISSUER_NOT_FOUND);
		assertThat(verify("PJ" + "0".repeat(32), this.account.getSecret())).isEqualTo(AuthCode.ISSUER_NOT_FOUND);
	}

	@Test
	void refusesTokenSignedWithTheOtherKindsSecretWithCode6() {
		assertThat(verify(this.account.getId(), this.project.getApiKeySecret()))
			.isEqualTo(AuthCode.EXPIRED_OR_BAD_SIGNATURE);
		assertThat(verify(this.project.getApiKeySid(), this.account.getSecret()))
			.isEqualTo(AuthCode.EXPIRED_OR_BAD_SIGNATURE);
	}

	@Test
	void refusesExpiredTokenWithCode6() {
		Map<String, Object> claims = restClaims(this.account.getId());
		claims.put("iat", Instant.now().minusSeconds(7200).getEpochSecond());
		claims.put("exp", Instant.now().minusSeconds(3600).getEpochSecond());
		assertThat(this.verifier.verify(signed(header(), claims, this.account.getSecret())).code())
			.isEqualTo(AuthCode.EXPIRED_OR_BAD_SIGNATURE);
	}

	@Test
	void refusesClientTokenAndNonBooleanRestApiWithCode7() {
		String clientToken = this.issuer.clientToken(this.project.getApiKeySid(), this.project.getApiKeySecret(),
				"alice", Duration.ofMinutes(5));
		assertThat(this.verifier.verify(clientToken).code()).isEqualTo(AuthCode.INVALID_PAYLOAD);
		Map<String, Object> claims = restClaims(this.account.getId());
		claims.put("rest_api", "true");
		assertThat(this.verifier.verify(signed(header(), claims, this.account.getSecret())).code())
			.isEqualTo(AuthCode.INVALID_PAYLOAD);
	}

	@Test
	void refusesDisabledProjectAndSuspendedAccountWithCode8() {
		this.project.setEnabled(false);
		this.projects.saveAndFlush(this.project);
		assertThat(verify(this.project.getApiKeySid(), this.project.getApiKeySecret()))
			.isEqualTo(AuthCode.PROJECT_NOT_FOUND);
		this.account.setStatus(AccountStatus.SUSPENDED);
		this.accounts.saveAndFlush(this.account);
		assertThat(verify(this.account.getId(), this.account.getSecret())).isEqualTo(AuthCode.PROJECT_NOT_FOUND);
	}

	private AuthCode verify(String issuer, String secret) {
		return this.verifier.verify(signed(header(), restClaims(issuer), secret)).code();
	}

	private static Map<String, Object> restClaims(String issuer) {
		Map<String, Object> claims = claims(issuer, Instant.now());
		claims.remove("userId");
		claims.put("rest_api", true);
		return claims;
	}

}
