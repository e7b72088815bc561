package asia.oncaller.e2e;

import java.io.IOException;
import java.net.URI;
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

	private static final String HARNESS = "/e2e/harness.html";

	private final List<Tab> opened = new ArrayList<>();

	private final List<DroppingProxy> networks = new ArrayList<>();

	private E2eEnvironment environment;

	@BeforeEach
	void useEnvironment(E2eEnvironment environment) {
		this.environment = environment;
	}

	@AfterEach
	void closeTabs() throws IOException {
		this.opened.forEach(Tab::close);
		this.opened.clear();
		for (DroppingProxy network : this.networks) {
			network.close();
		}
		this.networks.clear();
	}

	/** A TCP relay to the server that the test can cut (closed after the test). */
	DroppingProxy droppableNetwork() {
		DroppingProxy network = new DroppingProxy(URI.create(this.environment.baseUrl()).getPort());
		this.networks.add(network);
		return network;
	}

	/** The server and Chromium the tests run against. */
	E2eEnvironment environment() {
		return this.environment;
	}

	/** A user id of this test only: {@code name} and a random suffix. */
	static String user(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** Opens a server page in a new tab. */
	Tab open(String path) {
		return openAt(this.environment.baseUrl() + path);
	}

	private Tab openAt(String url) {
		ChromeDriver driver = this.environment.driver();
		driver.switchTo().window(this.environment.homeTab()).switchTo().newWindow(WindowType.TAB);
		driver.get(url);
		Tab tab = new Tab(driver, driver.getWindowHandle());
		this.opened.add(tab);
		return tab;
	}

	/** A tab with the SDK test page, signed in as {@code userId}. */
	SdkTab signedIn(String userId) {
		SdkTab tab = new SdkTab(open(HARNESS), userId);
		tab.connect();
		return tab;
	}

	/**
	 * A tab with the SDK test page loaded through {@code network}, signed in as {@code userId}:
	 * its SDK connects to the server that served the page, so its WebSocket goes through the
	 * relay too, and the test can drop it.
	 */
	SdkTab signedInThrough(DroppingProxy network, String userId) {
		SdkTab tab = new SdkTab(openAt(network.baseUrl() + HARNESS), userId);
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
