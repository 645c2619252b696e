package com.successpilot.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.successpilot.TestUsers.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * Debian's chromium, headless, driven through its chromedriver, pointed at the
 * application under test. Where chromium is missing the browser tests are skipped with
 * the way to install it, unless {@code -Dsuccesspilot.browser.required=true} (CI) makes
 * that a failure. Screenshots go to {@code target/screenshots/}.
 */
public final class Browser implements AutoCloseable {

	private static final Path CHROMIUM = Path
		.of(System.getProperty("successpilot.browser.binary", "/usr/bin/chromium"));

	private static final Path CHROMEDRIVER = Path
		.of(System.getProperty("successpilot.browser.driver", "/usr/bin/chromedriver"));

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final ChromeDriver driver;

	private final String base;

	private Browser(ChromeDriver driver, int port) {
		this.driver = driver;
		this.base = "http://localhost:" + port;
	}

	/**
	 * A new browser (its own cookies) reading pages in {@code language} ("en" or "ja").
	 */
	public static Browser open(int port, String language) {
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
			String missing = "No browser for the page tests: " + CHROMIUM + " or " + CHROMEDRIVER
					+ " is missing (apt-get install -y chromium chromium-driver)";
			if ("true".equals(System.getenv("SUCCESSPILOT_BROWSER_REQUIRED"))) {
				fail(missing);
			}
			abort(missing);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-dev-shm-usage", "--window-size=1366,900", "--lang=" + language);
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
		return new Browser(driver, port);
	}

	public Browser go(String path) {
		this.driver.get(this.base + path);
		return this;
	}

	/**
	 * Signs in through the sign-in page, and checks it worked.
	 */
	public Browser signIn(SignIn user) {
		go("/login");
		type("#username", user.username());
		type("#password", user.password());
		click("form button[type=submit]");
		assertThat(this.driver.getCurrentUrl()).as("signed in as %s", user.username()).doesNotContain("/login");
		return this;
	}

	public Browser signOut() {
		click("header .who form button");
		return this;
	}

	public Browser type(String css, String text) {
		WebElement field = find(css);
		field.clear();
		field.sendKeys(text);
		return this;
	}

	public Browser select(String css, String visibleText) {
		new Select(find(css)).selectByVisibleText(visibleText);
		return this;
	}

	/**
	 * Clicks, and when the click loads another page (a form posted, a link followed),
	 * waits until the page shown is the new one, so the next look never reads the old.
	 */
	public Browser click(String css) {
		WebElement page = find("html");
		find(css).click();
		try {
			new WebDriverWait(this.driver, Duration.ofSeconds(3)).until(ExpectedConditions.stalenessOf(page));
		}
		catch (TimeoutException stayed) {
			// the click changed the page in place
		}
		return this;
	}

	/**
	 * Clicks the link with this text.
	 */
	public Browser follow(String linkText) {
		this.driver.findElement(By.linkText(linkText)).click();
		return this;
	}

	public WebElement find(String css) {
		return this.driver.findElement(By.cssSelector(css));
	}

	public List<WebElement> all(String css) {
		return this.driver.findElements(By.cssSelector(css));
	}

	public List<String> texts(String css) {
		return all(css).stream().map(WebElement::getText).toList();
	}

	/**
	 * What the page shows, as a person reads it.
	 */
	public String text() {
		return find("body").getText();
	}

	public String title() {
		return this.driver.getTitle();
	}

	/**
	 * The address shown, without the server.
	 */
	public String path() {
		return this.driver.getCurrentUrl().substring(this.base.length());
	}

	/**
	 * Waits until the page shows this text (a page updating itself).
	 */
	public Browser waitForText(String text, Duration atMost) {
		new WebDriverWait(this.driver, atMost).until((driver) -> text().contains(text));
		return this;
	}

	/**
	 * Resizes the window to a phone's width, or back to a laptop's.
	 */
	public Browser phoneWidth(boolean phone) {
		this.driver.manage().window().setSize(phone ? new Dimension(390, 844) : new Dimension(1366, 900));
		return this;
	}

	/**
	 * Writes a screenshot of the whole page to {@code target/screenshots/<name>.png}.
	 */
	public Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			long height = ((Number) this.driver.executeScript("return document.documentElement.scrollHeight"))
				.longValue();
			Dimension size = this.driver.manage().window().getSize();
			this.driver.manage()
				.window()
				.setSize(new Dimension(size.getWidth(), (int) Math.min(Math.max(height + 120, 600), 4000)));
			Path shot = this.driver.getScreenshotAs(OutputType.FILE).toPath();
			Path target = SCREENSHOTS.resolve(name + ".png");
			Files.move(shot, target, StandardCopyOption.REPLACE_EXISTING);
			this.driver.manage().window().setSize(size);
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public ChromeDriver driver() {
		return this.driver;
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
