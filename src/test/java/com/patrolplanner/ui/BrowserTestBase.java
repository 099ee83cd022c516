package com.patrolplanner.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Base of the browser tests: Debian's headless Chromium driven by Selenium against the @QuarkusTest server.
 *
 * <p>After every test it fails on any SEVERE entry of the browser console (script errors, CSP violations, failed loads)
 * and on any request the page made to a host other than the test server. Two layers make sure nothing leaves
 * localhost: Chromium resolves every other host name to NOTFOUND ({@code --host-resolver-rules}), so a stray request
 * cannot reach the internet, and the DevTools performance log ({@code Network.requestWillBeSent}) lists every URL the
 * page asked for, so such a request is reported rather than silently failing. Skipped only when the system property
 * {@code skipBrowserTests=true}.
 */
public abstract class BrowserTestBase {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ChromeDriver driver;

    @TestHTTPResource("/")
    URL base;

    /** Console messages a test expects (e.g. the 401 of a deliberately wrong password); reset after each test. */
    private final List<Pattern> expectedConsole = new ArrayList<>();

    @BeforeEach
    void startBrowser() throws IOException {
        Assumptions.assumeFalse(Boolean.getBoolean("skipBrowserTests"), "skipBrowserTests=true");
        if (driver == null) {
            driver = newDriver();
        }
        driver.manage().window().setSize(new Dimension(1280, 800));
        // a fresh session per test: no cookie, no language choice left over
        driver.get(base.toString() + "img/favicon.svg");
        driver.manage().deleteAllCookies();
        driver.executeScript("window.localStorage.clear(); window.sessionStorage.clear()");
        drainLogs();
    }

    @AfterEach
    void checkBrowserLogs() {
        if (driver == null) {
            return;
        }
        List<String> problems = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()
                    && expectedConsole.stream().noneMatch(p -> p.matcher(e.getMessage()).find())) {
                problems.add("console: " + e.getMessage());
            }
        }
        problems.addAll(requestsLeavingLocalhost(driver.manage().logs().get(LogType.PERFORMANCE).getAll()));
        expectedConsole.clear();
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }

    @AfterAll
    static void quitBrowser() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    private static ChromeDriver newDriver() throws IOException {
        Path profile = Path.of("target", "chromium-profile").toAbsolutePath();
        Files.createDirectories(profile);
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions o = new ChromeOptions();
        o.setBinary("/usr/bin/chromium");
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--lang=zh-CN", "--window-size=1280,800",
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost",
                "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        o.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        ChromeDriver d = new ChromeDriver(service, o);
        d.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        return d;
    }

    /** Every URL in Network.requestWillBeSent events whose host is not the test server's. */
    static List<String> requestsLeavingLocalhost(List<LogEntry> perf) {
        List<String> out = new ArrayList<>();
        for (LogEntry e : perf) {
            try {
                JsonNode msg = JSON.readTree(e.getMessage()).path("message");
                if (!"Network.requestWillBeSent".equals(msg.path("method").asText())) {
                    continue;
                }
                String url = msg.path("params").path("request").path("url").asText();
                if (url.startsWith("data:") || url.startsWith("blob:") || url.startsWith("about:")) {
                    continue;
                }
                String host = URI.create(url.replace(" ", "%20").replace("{", "%7B").replace("}", "%7D")).getHost();
                if (!"localhost".equals(host) && !"127.0.0.1".equals(host)) {
                    out.add("request left localhost: " + url);
                }
            } catch (IOException | IllegalArgumentException ex) {
                out.add("unreadable performance log entry: " + e.getMessage());
            }
        }
        return out;
    }

    private void drainLogs() {
        driver.manage().logs().get(LogType.BROWSER);
        driver.manage().logs().get(LogType.PERFORMANCE);
    }

    protected ChromeDriver driver() {
        return driver;
    }

    protected void expectConsole(String regex) {
        expectedConsole.add(Pattern.compile(regex));
    }

    /** A wait that retries when the page re-renders the element it was reading (stale reference). */
    protected WebDriverWait waitUpTo(int seconds) {
        WebDriverWait w = new WebDriverWait(driver, Duration.ofSeconds(seconds));
        w.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return w;
    }

    protected WebElement byTestId(String id) {
        return driver.findElement(By.cssSelector("[data-testid='" + id + "']"));
    }

    protected List<WebElement> allByTestId(String id) {
        return driver.findElements(By.cssSelector("[data-testid='" + id + "']"));
    }

    protected WebElement waitForTestId(String id) {
        return waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid='" + id + "']")));
    }

    protected Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Opens the page, signs in through its form (password = user name for the demo users), waits for the view. */
    protected void login(String user) {
        driver.get(base.toString());
        waitForTestId("login-user").sendKeys(user);
        byTestId("login-password").sendKeys(user);
        byTestId("login-submit").click();
        waitUntilReady();
    }

    protected void waitUntilReady() {
        waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body[data-ready='true']")));
    }

    protected void setWindow(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Saves target/screenshots/NAME.png and returns its path. */
    protected Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path out = SCREENSHOTS.resolve(name + ".png");
        Files.write(out, driver.getScreenshotAs(OutputType.BYTES));
        assertTrue(Files.size(out) > 1000, "screenshot " + out + " is empty");
        return out;
    }

    @SuppressWarnings("unchecked")
    protected Map<String, Object> fetchJson(String path) {
        return (Map<String, Object>) driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {headers: {'X-Requested-With': 'fetch'}, credentials: 'same-origin'})"
                        + ".then(r => r.json().then(b => done({status: r.status, body: b})))"
                        + ".catch(e => done({status: -1, body: String(e)}));", path);
    }
}
