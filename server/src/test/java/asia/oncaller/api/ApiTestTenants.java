package asia.oncaller.api;

import java.math.BigDecimal;
import java.time.Duration;

import asia.oncaller.auth.TokenIssuer;
import asia.oncaller.billing.BalanceLedger;
import asia.oncaller.tenant.Account;
import asia.oncaller.tenant.AccountRepository;
import asia.oncaller.tenant.Project;
import asia.oncaller.tenant.ProjectRepository;

import org.springframework.stereotype.Component;

/**
 * Makes a fresh account with one project per test (tests share one database in CI) and signs
 * its REST tokens.
 */
@Component
class ApiTestTenants {

	static final String OPERATOR_TOKEN = "test-operator-token-7f3a9c2e5b1d4e8f";

	private final AccountRepository accounts;

	private final ProjectRepository projects;

	private final BalanceLedger ledger;

	private final TokenIssuer tokens;

	ApiTestTenants(AccountRepository accounts, ProjectRepository projects, BalanceLedger ledger, TokenIssuer tokens) {
		this.accounts = accounts;
		this.projects = projects;
		this.ledger = ledger;
		this.tokens = tokens;
	}

	Tenant create(String answerUrl, BigDecimal balance) {
		Account account = this.accounts.save(new Account("Test " + System.nanoTime(), "USD"));
		if (balance.signum() > 0) {
			this.ledger.topUp(account.getId(), balance, "initial");
		}
		Project project = new Project(account.getId(), "App");
		project.setAnswerUrl(answerUrl);
		return new Tenant(this.accounts.findById(account.getId()).orElseThrow(), this.projects.save(project));
	}

	String projectToken(Project project) {
		return this.tokens.restToken(project.getApiKeySid(), project.getApiKeySecret(), Duration.ofHours(1));
	}

	String accountToken(Account account) {
		return this.tokens.restToken(account.getId(), account.getSecret(), Duration.ofHours(1));
	}

	String clientToken(Project project, String userId) {
		return this.tokens.clientToken(project.getApiKeySid(), project.getApiKeySecret(), userId, Duration.ofHours(1));
	}

	/** An account, its first project and their tokens. */
	final class Tenant {

		final Account account;

		final Project project;

		Tenant(Account account, Project project) {
			this.account = account;
			this.project = project;
		}

		String accountToken() {
			return ApiTestTenants.this.accountToken(this.account);
		}

		String projectToken() {
			return ApiTestTenants.this.projectToken(this.project);
		}

	}

}
