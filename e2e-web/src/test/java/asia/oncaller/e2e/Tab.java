package asia.oncaller.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One browser tab of the shared Chromium, with its own page and so its own SDK client. Every
 * call switches WebDriver to this tab first, so tests can use several tabs side by side.
 */
class Tab {

	private static final Duration PATIENCE = Duration.ofSeconds(20);

	private final ChromeDriver driver;

	private final String handle;

	Tab(ChromeDriver driver, String handle) {
		this.driver = driver;
		this.handle = handle;
	}

	/** Runs a script that may {@code return} a value (JSON-like: maps, lists, longs, strings). */
	Object script(String script, Object... args) {
		return focus().executeScript(script, args);
	}

	/** Evaluates an expression that may be a promise and returns its value. */
	Object await(String expression) {
		Object result = focus().executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				Promise.resolve().then(() => %s)
				  .then((v) => done(v === undefined ? null : v), (e) => done({ scriptError: String(e && e.stack || e) }));
				""".formatted(expression));
		if (result instanceof Map<?, ?> map && map.containsKey("scriptError")) {
			throw new AssertionError("In the browser: " + map.get("scriptError"));
		}
		return result;
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> awaitMap(String expression) {
		return (Map<String, Object>) await(expression);
	}

	@SuppressWarnings("unchecked")
	List<Map<String, Object>> list(String expression) {
		return (List<Map<String, Object>>) script("return " + expression);
	}

	@SuppressWarnings("unchecked")
	List<String> stringList(String expression) {
		return (List<String>) script("return " + expression);
	}

	/** Waits until a JavaScript condition holds in this tab. */
	void waitUntil(String condition) {
		waitUntil(condition, PATIENCE);
	}

	/** Waits up to {@code patience} until a JavaScript condition holds in this tab. */
	void waitUntil(String condition, Duration patience) {
		new WebDriverWait(this.driver, patience).withMessage(() -> "waiting in the browser for: " + condition)
			.until((d) -> Boolean.TRUE.equals(script("return Boolean(" + condition + ")")));
	}

	/** Waits until a JavaScript promise (an async condition) resolves to true in this tab. */
	void waitUntilResolved(String asyncCondition) {
		new WebDriverWait(this.driver, PATIENCE).withMessage(() -> "waiting in the browser for: " + asyncCondition)
			.until((d) -> Boolean.TRUE.equals(await(asyncCondition)));
	}

	WebElement element(String id) {
		return focus().findElement(By.id(id));
	}

	void click(String id) {
		element(id).click();
	}

	void type(String id, String text) {
		WebElement input = element(id);
		input.clear();
		input.sendKeys(text);
	}

	byte[] screenshot() {
		return focus().getScreenshotAs(OutputType.BYTES);
	}

	void close() {
		focus().close();
	}

	private ChromeDriver focus() {
		this.driver.switchTo().window(this.handle);
		return this.driver;
	}

}
