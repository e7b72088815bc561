package asia.oncaller.tenant;

import java.math.BigDecimal;

import asia.oncaller.RepositoryTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Accounts and projects round-trip through the Flyway schema on real PostgreSQL, and the schema's
 * own constraints refuse what the entities would not make (bad SIDs, projects of no account).
 */
@RepositoryTest
class TenantRepositoryIntegrationTests {

	@Autowired
	AccountRepository accounts;

	@Autowired
	ProjectRepository projects;

	@Test
	void accountRoundTripsWithMoneyExact() {
		Account account = new Account("Acme", "EUR");
		account.setBalance(new BigDecimal("12.345678"));
		this.accounts.saveAndFlush(account);

		Account read = this.accounts.findById(account.getId()).orElseThrow();
		assertThat(read.getId()).matches("AC[0-9a-f]{32}");
		assertThat(read.getName()).isEqualTo("Acme");
		assertThat(read.getBalance()).isEqualByComparingTo("12.345678");
		assertThat(read.getCurrency()).isEqualTo("EUR");
		assertThat(read.getStatus()).isEqualTo(AccountStatus.ACTIVE);
		assertThat(read.getSecret()).hasSize(64);
		assertThat(this.accounts.lockById(account.getId())).contains(read);
	}

	@Test
	void projectIsFoundByItsApiKeySid() {
		Account account = this.accounts.saveAndFlush(new Account("Acme", "USD"));
		Project project = new Project(account.getId(), "Phone app");
		project.setAnswerUrl("https://example.test/answer");
		this.projects.saveAndFlush(project);

		Project read = this.projects.findByApiKeySid(project.getApiKeySid()).orElseThrow();
		assertThat(read.getId()).isEqualTo(project.getId()).matches("PJ[0-9a-f]{32}");
		assertThat(read.getApiKeySid()).matches("SK[0-9a-f]{32}");
		assertThat(read.getAnswerUrl()).isEqualTo("https://example.test/answer");
		assertThat(read.isEnabled()).isTrue();
	}

	@Test
	void rotatingTheApiKeyRetiresTheOldSid() {
		Account account = this.accounts.saveAndFlush(new Account("Acme", "USD"));
		Project project = this.projects.saveAndFlush(new Project(account.getId(), "App"));
		String oldSid = project.getApiKeySid();

		project.rotateApiKey();
		this.projects.saveAndFlush(project);

		assertThat(this.projects.findByApiKeySid(oldSid)).isEmpty();
		assertThat(this.projects.findByApiKeySid(project.getApiKeySid())).isPresent();
	}

	@Test
	void projectOfAnUnknownAccountIsRefused() {
		Project orphan = new Project("AC" + "0".repeat(31) + "1", "Orphan");
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.projects.saveAndFlush(orphan));
	}

	@Test
	void malformedAccountSidIsRefused() {
		Account account = new Account("not-a-sid", "Acme", "USD");
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.accounts.saveAndFlush(account));
	}

}
