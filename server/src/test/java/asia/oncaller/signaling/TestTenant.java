package asia.oncaller.signaling;

import java.math.BigDecimal;
import java.time.Duration;

import asia.oncaller.auth.TokenIssuer;
import asia.oncaller.billing.BalanceLedger;
import asia.oncaller.tenant.Account;
import asia.oncaller.tenant.AccountRepository;
import asia.oncaller.tenant.Project;
import asia.oncaller.tenant.ProjectRepository;

import org.springframework.stereotype.Component;

/** Makes a fresh account and project per test (tests share one database in CI) and signs their tokens. */
@Component
class TestTenant {

	private final AccountRepository accounts;

	private final ProjectRepository projects;

	private final BalanceLedger ledger;

	private final TokenIssuer tokens;

	TestTenant(AccountRepository accounts, ProjectRepository projects, BalanceLedger ledger, TokenIssuer tokens) {
		this.accounts = accounts;
		this.projects = projects;
		this.ledger = ledger;
		this.tokens = tokens;
	}

	/** A new account with the given balance and one project whose answer_url is given. */
	Project create(String answerUrl, BigDecimal balance) {
		Account account = this.accounts.save(new Account("Test " + System.nanoTime(), "USD"));
		if (balance.signum() > 0) {
			this.ledger.topUp(account.getId(), balance, "initial");
		}
		Project project = new Project(account.getId(), "App");
		project.setAnswerUrl(answerUrl);
		return this.projects.save(project);
	}

	/** The secret of the project's account, which signs account REST tokens. */
	String accountSecret(Project project) {
		return this.accounts.findById(project.getAccountId()).orElseThrow().getSecret();
	}

	String token(Project project, String userId) {
		return this.tokens.clientToken(project.getApiKeySid(), project.getApiKeySecret(), userId, Duration.ofHours(1));
	}

}
