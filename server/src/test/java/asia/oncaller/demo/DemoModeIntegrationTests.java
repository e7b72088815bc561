package asia.oncaller.demo;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import asia.oncaller.TestDatabaseConfig;
import asia.oncaller.billing.BalanceTransactionRepository;
import asia.oncaller.numbers.PhoneNumberRepository;
import asia.oncaller.tenant.AccountRepository;
import asia.oncaller.tenant.Project;
import asia.oncaller.tenant.ProjectRepository;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Demo mode on, over real HTTP and PostgreSQL: the demo tenant is there once however often it
 * is loaded, and {@code /demo/token} hands out client tokens signed with the demo API key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "oncaller.demo.enabled=true")
@Import(TestDatabaseConfig.class)
class DemoModeIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	DemoTenantLoader loader;

	@Autowired
	AccountRepository accounts;

	@Autowired
	ProjectRepository projects;

	@Autowired
	PhoneNumberRepository numbers;

	@Autowired
	BalanceTransactionRepository transactions;

	@Test
	void demoTenantIsLoadedOnceOnly() {
		long numbersBefore = this.numbers.count();

		assertThat(this.loader.loadOnce()).isFalse();
		assertThat(this.loader.loadOnce()).isFalse();

		assertThat(this.numbers.count()).isEqualTo(numbersBefore);
		assertThat(this.accounts.findById(DemoTenantLoader.ACCOUNT_ID).orElseThrow().getBalance())
			.isEqualByComparingTo("100.00");
		assertThat(this.transactions.findByAccountIdOrderByIdDesc(DemoTenantLoader.ACCOUNT_ID)).hasSize(1);
		for (String number : DemoTenantLoader.NUMBERS) {
			assertThat(this.numbers.findByNumber(number)).get()
				.extracting((n) -> n.getAccountId(), (n) -> n.getProjectId())
				.containsExactly(DemoTenantLoader.ACCOUNT_ID, DemoTenantLoader.PROJECT_ID);
		}
	}

	@Test
	void demoTokenIsAClientTokenOfTheDemoProject() throws Exception {
		Map<String, Object> body = http().get()
			.uri("/demo/token?userId=alice")
			.retrieve()
			.body(new ParameterizedTypeReference<>() {
			});

		SignedJWT jwt = SignedJWT.parse((String) body.get("accessToken"));
		Project project = this.projects.findById(DemoTenantLoader.PROJECT_ID).orElseThrow();
		assertThat(jwt.verify(new MACVerifier(project.getApiKeySecret().getBytes(StandardCharsets.UTF_8)))).isTrue();
		assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("HS256");
		assertThat(jwt.getHeader().getContentType()).isEqualTo("oncaller-api;v=1");
		assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(project.getApiKeySid());
		assertThat(jwt.getJWTClaimsSet().getStringClaim("userId")).isEqualTo("alice");
		assertThat(jwt.getJWTClaimsSet().getExpirationTime()).isAfter(jwt.getJWTClaimsSet().getIssueTime());
		assertThat(body).containsEntry("projectId", DemoTenantLoader.PROJECT_ID).doesNotContainKey("apiKeySecret");
	}

	@Test
	void demoTokenWithoutUserIdIsABadRequest() {
		HttpStatusCode status = http().get()
			.uri("/demo/token?userId=")
			.exchange((request, response) -> response.getStatusCode());
		assertThat(status).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	private RestClient http() {
		return RestClient.create("http://127.0.0.1:" + this.port);
	}

}
