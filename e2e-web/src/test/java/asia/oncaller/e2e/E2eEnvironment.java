package asia.oncaller.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import asia.oncaller.OnCallerApplication;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What every browser test runs against, started once per test run: the real server in-process
 * (demo mode, a throw-away embedded PostgreSQL) and one headless Chromium with a fake camera and
 * microphone. The whole JVM runs in a private network namespace (netns-java.sh), so the database
 * is the embedded one: the machine's PostgreSQL on the host's loopback is out of reach there.
 */
final class E2eEnvironment implements AutoCloseable {

	/** The operator token of the test server, for the console's operator sign-in (a test secret). */
	static final String OPERATOR_TOKEN = "e2e-operator-token-of-the-console-tests";

	private final ConfigurableApplicationContext server;

	private final Path profile;

	private final ChromeDriver driver;

	private final String baseUrl;

	private final String homeTab;

	private E2eEnvironment(ConfigurableApplicationContext server, Path profile, ChromeDriver driver) {
		this.server = server;
		this.profile = profile;
		this.driver = driver;
		this.homeTab = driver.getWindowHandle();
		this.baseUrl = "http://127.0.0.1:" + server.getEnvironment().getProperty("local.server.port");
	}

	static E2eEnvironment start() {
		ConfigurableApplicationContext server = new SpringApplicationBuilder(OnCallerApplication.class).run(
				"--server.port=0", "--oncaller.demo.enabled=true", "--oncaller.embedded-postgres.data-directory=",
				"--oncaller.embedded-postgres.port=0", "--oncaller.operator.token=" + OPERATOR_TOKEN,
				// Ignore a SPRING_DATASOURCE_URL of the host (CI sets one): unreachable from the namespace.
				"--spring.datasource.url=");
		try {
			Path profile = Files.createTempDirectory("oncaller-chromium-");
			return new E2eEnvironment(server, profile, chromium(profile));
		}
		catch (IOException | RuntimeException ex) {
			server.close();
			throw new IllegalStateException("Chromium did not start", ex);
		}
	}

	/**
	 * Debian's chromium and chromium-driver, named explicitly so that Selenium Manager never
	 * looks for (or downloads) a driver. The flags are what Chromium needs headless, as root, with
	 * a fake camera and microphone.
	 */
	private static ChromeDriver chromium(Path profile) {
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(System.getProperty("e2e.chromedriver", "/usr/bin/chromedriver")))
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions().setBinary(System.getProperty("e2e.chromium", "/usr/bin/chromium"))
			.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
					"--autoplay-policy=no-user-gesture-required", "--disable-background-networking",
					"--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
					// Tabs in the background must keep their timers and media going.
					"--disable-background-timer-throttling", "--disable-renderer-backgrounding",
					"--disable-backgrounding-occluded-windows", "--window-size=1200,1000",
					"--user-data-dir=" + profile);
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
		return driver;
	}

	ChromeDriver driver() {
		return this.driver;
	}

	/** The tab Chromium started with: never closed, since closing the last tab ends the session. */
	String homeTab() {
		return this.homeTab;
	}

	String baseUrl() {
		return this.baseUrl;
	}

	/** A bean of the server, for what a test reads as an operator would (REST tokens). */
	<T> T bean(Class<T> type) {
		return this.server.getBean(type);
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			this.server.close();
			deleteQuietly(this.profile);
		}
	}

	private static void deleteQuietly(Path directory) {
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
		}
		catch (IOException ex) {
			// a temporary folder left behind is harmless
		}
	}

}
