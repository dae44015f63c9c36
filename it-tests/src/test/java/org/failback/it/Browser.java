package org.failback.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium driven by Selenium, one fresh profile (and so one fresh session) per instance, with the
 * browser console captured and screenshots saved under {@code screenshots.dir}.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final WebDriver driver;
    private final Server server;

    private Browser(Server server) {
        this.server = server;
        ChromeOptions options = new ChromeOptions();
        // Both paths set, so Selenium Manager never runs: it cannot download anything here.
        options.setBinary(CHROMIUM.toString());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=1280,1300",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    public static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    public static Browser open(Server server) {
        return new Browser(server);
    }

    public WebDriver driver() {
        return driver;
    }

    public void go(String path) {
        driver.get(server.baseUrl() + path);
    }

    /** The context root shows the server-rendered login form to an anonymous browser; signing in leads to the dashboard. */
    public void signIn(String role) {
        go("/");
        WebElement user = await(
                d -> d.findElements(By.id("j_username")).stream().findFirst().orElse(null));
        user.sendKeys(server.credentials().getProperty(role + ".username"));
        driver.findElement(By.id("j_password")).sendKeys(server.credentials().getProperty(role + ".password"));
        driver.findElement(By.id("sign-in")).click();
        await(d -> d.findElements(By.id("current-user")).isEmpty() ? null : Boolean.TRUE);
    }

    public <T> T await(ExpectedCondition<T> condition) {
        return await(Duration.ofSeconds(30), condition);
    }

    public <T> T await(Duration timeout, ExpectedCondition<T> condition) {
        // Polled regions are replaced while read: a stale element just means "look again".
        return new WebDriverWait(driver, timeout, Duration.ofMillis(100))
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    public String text(By by) {
        return await(d -> d.findElement(by).getText());
    }

    public Path screenshot(String name) {
        Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.write(file, ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Console entries at SEVERE since the last call (the driver hands each entry out once). */
    public List<LogEntry> severeConsoleEntries() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .toList();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
