package asia.oncaller.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the browser tests: opens tabs on the shared Chromium and closes them after each
 * test, and gives every test its own user ids so that tests never hear each other's calls.
 */
@ExtendWith(E2eExtension.class)
abstract class BrowserTestSupport {

	private final List<Tab> opened = new ArrayList<>();

	private E2eEnvironment environment;

	@BeforeEach
	void useEnvironment(E2eEnvironment environment) {
		this.environment = environment;
	}

	@AfterEach
	void closeTabs() {
		this.opened.forEach(Tab::close);
		this.opened.clear();
	}

	/** A user id of this test only: {@code name} and a random suffix. */
	static String user(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** Opens a server page in a new tab. */
	Tab open(String path) {
		ChromeDriver driver = this.environment.driver();
		driver.switchTo().window(this.environment.homeTab()).switchTo().newWindow(WindowType.TAB);
		driver.get(this.environment.baseUrl() + path);
		Tab tab = new Tab(driver, driver.getWindowHandle());
		this.opened.add(tab);
		return tab;
	}

	/** A tab with the SDK test page, signed in as {@code userId}. */
	SdkTab signedIn(String userId) {
		SdkTab tab = new SdkTab(open("/e2e/harness.html"), userId);
		tab.connect();
		return tab;
	}

	/**
	 * A call from {@code caller} to {@code callee}, answered, with media flowing both ways: the
	 * starting point of the verbs that need an answered call.
	 */
	static void establish(SdkTab caller, SdkTab callee, boolean video) {
		assertThat(caller.makeCall(callee.userId(), video)).containsEntry("r", 0L);
		callee.waitFor("client", "incomingcall");
		callee.verbOk("incoming", "answer");
		caller.waitFor("outgoing", "signalingstate", "e.code === 3");
		caller.waitFor("outgoing", "mediastate", "e.code === 1");
		callee.waitFor("incoming", "mediastate", "e.code === 1");
	}

}
