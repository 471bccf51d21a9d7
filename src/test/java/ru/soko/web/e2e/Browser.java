package ru.soko.web.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The system's headless Chromium driven through its chromedriver, for the browser tests and the
 * screenshots. Nothing is downloaded: both programs are taken from the system (Debian packages
 * {@code chromium} and {@code chromium-driver}), and without them the tests are skipped.
 */
public final class Browser implements AutoCloseable {

    /** Set by {@code -Dsoko.chromium=…} or found on the usual Debian and Ubuntu paths. */
    static final Optional<Path> CHROMIUM = program("soko.chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser");
    static final Optional<Path> CHROMEDRIVER = program("soko.chromedriver", "/usr/bin/chromedriver",
            "/usr/lib/chromium/chromedriver");

    private final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path profile;
    private final String base;

    private Browser(ChromeDriver driver, ChromeDriverService service, Path profile, String base) {
        this.driver = driver;
        this.service = service;
        this.profile = profile;
        this.base = base;
    }

    static boolean installed() {
        return CHROMIUM.isPresent() && CHROMEDRIVER.isPresent();
    }

    /** Skips the calling test (JUnit assumption) when Chromium or chromedriver is not installed. */
    static void assumeInstalled() {
        Assumptions.assumeTrue(installed(), "browser test skipped: Chromium and chromedriver are not installed "
                + "(Debian packages chromium and chromium-driver; .ci/run installs them)");
    }

    /**
     * Starts a headless Chromium with a fresh profile, saving downloads to {@code downloads}, for the
     * site at {@code base} ({@code http://localhost:port}). The window is {@code width} × {@code height}.
     */
    public static Browser open(String base, Path downloads, int width, int height) throws IOException {
        Path chromium = CHROMIUM.orElseThrow(() -> new IllegalStateException("Chromium is not installed"));
        Path chromedriver = CHROMEDRIVER.orElseThrow(() -> new IllegalStateException("chromedriver is not installed"));
        // Selenium must not look for a driver itself: its manager would try to download one.
        System.setProperty("webdriver.chrome.driver", chromedriver.toString());
        Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
        Path profile = Files.createTempDirectory("soko-chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--disable-extensions", "--disable-default-apps", "--no-default-browser-check",
                "--hide-scrollbars", "--lang=ru-RU", "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", downloads.toAbsolutePath().toString(),
                "download.prompt_for_download", false,
                "safebrowsing.enabled", false,
                "intl.accept_languages", "ru-RU,ru"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().withSilent(true)
                // Russian browser texts («Выбрать файлы») where chromium-l10n is installed; a UTF-8 locale,
                // without which Chromium saves a download with a Cyrillic name as «download».
                .withEnvironment(Map.of("LANGUAGE", "ru", "LC_ALL", "C.UTF-8"))
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return new Browser(driver, service, profile, base);
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a path of the site. */
    public Browser go(String path) {
        driver.get(base + path);
        return this;
    }

    /** The current address without the scheme, host and port: «/?q=…». */
    public String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Waits up to ten seconds for {@code condition} to give something other than null or false. */
    public <T> T await(String what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).withMessage(what).until(condition);
    }

    /** Resizes the layout viewport exactly, below the smallest window a desktop Chromium allows. */
    public void viewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", false));
    }

    public void resetViewport() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /** Logs in through the form, as a person would. */
    public void logIn(String name, String password) {
        go("/login");
        find("#login-name").sendKeys(name);
        find("#login-password").sendKeys(password);
        find("form.form-stack button[type=submit]").click();
        await("logged in as " + name, d -> !all(".account .who").isEmpty());
    }

    /** Forgets the session: the next page is seen by the public. */
    public void logOut() {
        if (!driver.getCurrentUrl().startsWith(base)) {
            go("/");
        }
        driver.manage().deleteAllCookies();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // A profile left in the temporary folder harms nothing.
        }
    }

    private static Optional<Path> program(String property, String... candidates) {
        String set = System.getProperty(property);
        if (set != null && !set.isBlank()) {
            return Optional.of(Path.of(set)).filter(Files::isExecutable);
        }
        return Stream.of(candidates).map(Path::of).filter(Files::isExecutable).findFirst();
    }
}
