package asia.oncaller;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import asia.oncaller.auth.TokenIssuer;
import asia.oncaller.billing.BalanceLedger;
import asia.oncaller.tenant.Account;
import asia.oncaller.tenant.AccountRepository;
import asia.oncaller.tenant.Project;
import asia.oncaller.tenant.ProjectRepository;

import org.springframework.stereotype.Component;

/**
 * Makes a fresh account with one project per test (tests share one database in CI) and signs
 * its client and REST tokens; shared by the REST and the STOMP tests.
 */
@Component
public class TestTenants {

	public static final String OPERATOR_TOKEN = "test-operator-token-7f3a9c2e5b1d4e8f";

	private final AccountRepository accounts;

	private final ProjectRepository projects;

	private final BalanceLedger ledger;

	private final TokenIssuer tokens;

	TestTenants(AccountRepository accounts, ProjectRepository projects, BalanceLedger ledger, TokenIssuer tokens) {
		this.accounts = accounts;
		this.projects = projects;
		this.ledger = ledger;
		this.tokens = tokens;
	}

	public Tenant create(String answerUrl, BigDecimal balance) {
		Account account = this.accounts.save(new Account("Test " + System.nanoTime(), "USD"));
		if (balance.signum() > 0) {
			this.ledger.topUp(account.getId(), balance, "initial");
		}
		Project project = new Project(account.getId(), "App");
		project.setAnswerUrl(answerUrl);
		return new Tenant(this.accounts.findById(account.getId()).orElseThrow(), this.projects.save(project));
	}

	public String projectToken(Project project) {
		return this.tokens.restToken(project.getApiKeySid(), project.getApiKeySecret(), Duration.ofHours(1));
	}

	public String accountToken(Account account) {
		return this.tokens.restToken(account.getId(), account.getSecret(), Duration.ofHours(1));
	}

	/** The account that owns the project, as stored now. */
	public Account accountOf(Project project) {
		return this.accounts.findById(project.getAccountId()).orElseThrow();
	}

	/** Sets the call limits of the project's account, as the operator would; null for the default. */
	public void limitCalls(Project project, Integer attemptsPerSecond, Integer atOnce) {
		Account account = accountOf(project);
		account.setCallLimits(attemptsPerSecond, atOnce);
		this.accounts.save(account);
	}

	/** The secret of the project's account, which signs account REST tokens. */
	public String accountSecret(Project project) {
		return this.accounts.findById(project.getAccountId()).orElseThrow().getSecret();
	}

	public String clientToken(Project project, String userId) {
		return this.tokens.clientToken(project.getApiKeySid(), project.getApiKeySecret(), userId, Duration.ofHours(1));
	}

	/** An account, its first project and their tokens. */
	public final class Tenant {

		public final Account account;

		public final Project project;

		Tenant(Account account, Project project) {
			this.account = account;
			this.project = project;
		}

		public String accountToken() {
			return TestTenants.this.accountToken(this.account);
		}

		public String projectToken() {
			return TestTenants.this.projectToken(this.project);
		}

	}

	/** A random UK number, so tests sharing a database never collide. */
	public static String freshNumber() {
		return "+447" + ThreadLocalRandom.current().nextLong(100_000_000L, 1_000_000_000L);
	}

}
