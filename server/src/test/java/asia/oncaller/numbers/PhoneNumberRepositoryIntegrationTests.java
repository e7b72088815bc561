package asia.oncaller.numbers;

import asia.oncaller.RepositoryTest;
import asia.oncaller.tenant.Account;
import asia.oncaller.tenant.AccountRepository;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Phone numbers round-trip on real PostgreSQL; the database keeps a number unique across every
 * account and accepts only E.164.
 */
@RepositoryTest
class PhoneNumberRepositoryIntegrationTests {

	@Autowired
	AccountRepository accounts;

	@Autowired
	PhoneNumberRepository numbers;

	@Test
	void numberRoundTripsAndIsFoundByItsE164Form() {
		Account account = this.accounts.saveAndFlush(new Account("Acme", "USD"));
		PhoneNumber number = new PhoneNumber("+442071838750", account.getId());
		number.setAnswerUrl("https://example.test/inbound");
		this.numbers.saveAndFlush(number);

		PhoneNumber read = this.numbers.findByNumber("+442071838750").orElseThrow();
		assertThat(read.getId()).isEqualTo(number.getId()).matches("PN[0-9a-f]{32}");
		assertThat(read.getAccountId()).isEqualTo(account.getId());
		assertThat(read.getAnswerUrl()).isEqualTo("https://example.test/inbound");
		assertThat(read.getProjectId()).isNull();
		assertThat(read.getTrunkId()).isNull();
	}

	@Test
	void sameNumberCannotBeInsertedTwiceEvenByAnotherAccount() {
		Account first = this.accounts.saveAndFlush(new Account("First", "USD"));
		Account second = this.accounts.saveAndFlush(new Account("Second", "USD"));
		this.numbers.saveAndFlush(new PhoneNumber("+84901234567", first.getId()));

		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.numbers.saveAndFlush(new PhoneNumber("+84901234567", second.getId())));
	}

	@Test
	void numberThatIsNotE164IsRefused() {
		Account account = this.accounts.saveAndFlush(new Account("Acme", "USD"));
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.numbers.saveAndFlush(new PhoneNumber("0901234567", account.getId())));
	}

}
