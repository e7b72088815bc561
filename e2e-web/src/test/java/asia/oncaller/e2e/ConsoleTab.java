package asia.oncaller.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.List;

import asia.oncaller.tenant.Account;
import asia.oncaller.tenant.AccountRepository;
import asia.oncaller.tenant.ProjectRepository;
import com.nimbusds.jwt.SignedJWT;
import org.openqa.selenium.Dimension;

/**
 * A tab with the web console at {@code /console}, driven as a person does: typing into its
 * fields, clicking its buttons and links, reading what it shows.
 */
final class ConsoleTab {

	private final Tab tab;

	private final E2eEnvironment environment;

	ConsoleTab(Tab tab, E2eEnvironment environment) {
		this.tab = tab;
		this.environment = environment;
	}

	Tab tab() {
		return this.tab;
	}

	/** The account of the demo project, whose users the SDK test page signs in. */
	static Account demoAccount(E2eEnvironment environment) {
		try {
			String apiKeySid = SignedJWT.parse(E2eServer.demoToken(environment.baseUrl(), "console-probe"))
				.getJWTClaimsSet()
				.getIssuer();
			String accountId = environment.bean(ProjectRepository.class)
				.findByApiKeySid(apiKeySid)
				.orElseThrow()
				.getAccountId();
			return environment.bean(AccountRepository.class).findById(accountId).orElseThrow();
		}
		catch (ParseException ex) {
			throw new AssertionError("a demo token that is no JWT", ex);
		}
	}

	/** Signs in with the account's SID and secret, and waits for the live calls page. */
	ConsoleTab signInAsAccount(Account account) {
		this.tab.waitUntil("document.getElementById('account-sid')");
		this.tab.type("account-sid", account.getId());
		this.tab.type("account-secret", account.getSecret());
		this.tab.element("account-signin").submit();
		this.tab.waitUntil("document.getElementById('live-status')");
		return this;
	}

	/** Signs in with the operator token and opens {@code account}. */
	ConsoleTab signInAsOperator(String operatorToken, Account account) {
		this.tab.waitUntil("document.getElementById('operator-token')");
		this.tab.type("operator-token", operatorToken);
		this.tab.element("operator-signin").submit();
		this.tab.waitUntil("document.getElementById('pick-account')");
		this.tab.script("document.getElementById('pick-account').value = arguments[0]", account.getId());
		this.tab.element("pick-form").submit();
		this.tab.waitUntil("document.getElementById('live-status')");
		return this;
	}

	/** Follows the navigation link to a page, e.g. {@code records}. */
	void open(String page) {
		this.tab.script("document.querySelector('#nav a[href=\"#/' + arguments[0] + '\"]').click()", page);
	}

	/** Opens a page, waits until {@code css} matches in it, and saves its screenshot as {@code name}. */
	void capture(String page, String css, String name) {
		open(page);
		this.tab.waitUntil("document.querySelector(" + SdkTab.json(css) + ")");
		screenshot(name);
	}

	/** The text of each cell of the table rows under {@code containerId}, row by row. */
	@SuppressWarnings("unchecked")
	List<List<String>> rows(String containerId) {
		return (List<List<String>>) this.tab.script("""
				return [...document.querySelectorAll('#' + arguments[0] + ' tbody tr')]
				  .map((tr) => [...tr.cells].map((td) => td.textContent));
				""", containerId);
	}

	/** Saves a screenshot as {@code target/screenshots/console-<name>.png}, at the window's size. */
	void screenshot(String name) {
		try {
			Path directory = Path.of(System.getProperty("e2e.screenshots", "target/screenshots"));
			Files.createDirectories(directory);
			Files.write(directory.resolve("console-" + name + ".png"), this.tab.screenshot());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Runs {@code action} with the window 360 px wide, as a phone shows the console. */
	void atPhoneWidth(Runnable action) {
		Dimension desktop = this.environment.driver().manage().window().getSize();
		this.environment.driver().manage().window().setSize(new Dimension(360, 800));
		try {
			action.run();
		}
		finally {
			this.environment.driver().manage().window().setSize(desktop);
		}
	}

}
