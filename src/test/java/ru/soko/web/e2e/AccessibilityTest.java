package ru.soko.web.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Every main page, public and staff, checked in the browser for what a screen reader, a keyboard
 * and a phone need: see {@link PageChecks}. Skipped without Chromium.
 */
class AccessibilityTest {

    /** Tab presses allowed to reach the first search result: skip link, menu, search box, sort, facets. */
    private static final int MAX_TABS = 40;

    @TempDir
    static Path dir;

    private static SmallSite site;
    private static Browser browser;
    private static boolean admin;

    private record Page(String name, String path, boolean staff) {
    }

    @BeforeAll
    static void start() throws Exception {
        if (!Browser.installed()) {
            return;
        }
        site = SmallSite.start(dir.resolve("site"));
        browser = Browser.open(site.base(), Files.createDirectories(dir.resolve("downloads")), 1280, 900);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (site != null) {
            site.close();
        }
    }

    @BeforeEach
    void installed() {
        Browser.assumeInstalled();
    }

    private static List<Page> pages() {
        long order = site.id("prikaz-77.txt");
        return List.of(
                new Page("search with results", "/?q=мониторинг", false),
                new Page("document card", "/documents/" + order, false),
                new Page("registry table", "/registries/experts", false),
                new Page("registry record", "/registries/experts/Э-2021-017", false),
                new Page("organisation", "/organisations/org-kem-12", false),
                new Page("registries", "/registries", false),
                new Page("school comparison", "/selfeval/compare", false),
                new Page("login", "/login", false),
                new Page("admin dashboard", "/admin", true),
                new Page("admin upload", "/admin/upload", true),
                new Page("admin document review", "/admin/documents/" + order, true),
                new Page("audit log", "/admin/audit", true),
                new Page("accounts", "/admin/users", true),
                new Page("registry import", "/admin/registries/import", true));
    }

    private static void visit(Page page) {
        if (page.staff() && !admin) {
            browser.logIn("admin", "admin-password");
            admin = true;
        } else if (!page.staff() && admin) {
            browser.logOut();
            admin = false;
        }
        browser.go(page.path());
        assertEquals(page.path().replaceAll("\\?.*", ""), java.net.URLDecoder.decode(browser.path(), java.nio.charset.StandardCharsets.UTF_8)
                .replaceAll("\\?.*", ""), "the page opens without a redirect");
    }

    @TestFactory
    Stream<DynamicTest> everyMainPageHasLanguageOneHeadingAMainLandmarkLabelsAndNamedLinks() {
        return pages().stream().map(page -> DynamicTest.dynamicTest(page.name() + " " + page.path(), () -> {
            visit(page);
            if (page.path().equals("/admin/upload")) {
                uploadWithProgressLines();
            }
            List<String> problems = PageChecks.structure(browser);
            assertTrue(problems.isEmpty(), page.path() + ":\n  " + String.join("\n  ", problems));
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyMainPageFitsAPhoneWithoutSidewaysScrolling() {
        return pages().stream().map(page -> DynamicTest.dynamicTest(page.name() + " at " + PageChecks.PHONE_WIDTH + " px", () -> {
            visit(page);
            long overflow = PageChecks.overflowAt(browser, PageChecks.PHONE_WIDTH);
            assertTrue(overflow <= 2, page.path() + " is " + overflow + " px wider than " + PageChecks.PHONE_WIDTH
                    + " px: " + PageChecks.widest(browser, PageChecks.PHONE_WIDTH));
        }));
    }

    @Test
    void tabReachesTheSearchBoxAndThenTheFirstResultWithAVisibleFocus() {
        visit(pages().get(0));
        browser.js("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
        WebElement box = browser.find("#q");
        WebElement firstResult = browser.all("a.hit-title").get(0);
        List<String> path = new ArrayList<>();
        int boxAt = -1;
        int resultAt = -1;
        for (int tab = 1; tab <= MAX_TABS && resultAt < 0; tab++) {
            new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
            WebElement focused = browser.driver().switchTo().activeElement();
            path.add(focused.getTagName() + (focused.getText().isBlank() ? "" : " «" + focused.getText().strip() + "»"));
            if (focused.equals(box)) {
                boxAt = tab;
                assertTrue(outlined(focused), "the focused search box shows its focus");
            }
            if (focused.equals(firstResult)) {
                resultAt = tab;
                assertTrue(outlined(focused), "the focused result link shows its focus");
            }
        }
        assertTrue(boxAt > 0, "Tab reaches the search box: " + path);
        assertTrue(resultAt > boxAt, "Tab reaches the first result after the search box: " + path);
    }

    @Test
    void textStandsOutFromItsBackgroundByAtLeast4_5To1() {
        List<PageChecks.Contrast> measured = new ArrayList<>();
        List<String> publicText = List.of("body", ".site-header .brand", ".top-nav a", ".tagline", ".account a", "main a",
                ".summary", ".hint", ".hit-meta", ".hit-file", ".facet", ".facet .count", "mark", ".search button",
                ".button", ".site-footer p", ".status", ".doc-text", ".muted", "table.history th", ".registry-table td");
        for (String path : List.of("/?q=мониторинг", "/documents/" + site.id("prikaz-77.txt"), "/registries/experts",
                "/organisations/org-kem-12", "/login", "/?q=" + java.net.URLEncoder.encode("\"", java.nio.charset.StandardCharsets.UTF_8))) {
            visit(new Page(path, path, false));
            measured.addAll(PageChecks.contrast(browser, publicText));
        }
        List<String> staffText = List.of(".account .who", ".account .link-button", ".badge", ".badge-withdrawn", ".notice",
                ".corrected", ".danger", ".error", "table.grid td", ".details");
        for (String path : List.of("/admin", "/admin/documents/" + site.id("proekt-zaklyucheniya.txt") + "?done=saved",
                "/admin/audit")) {
            visit(new Page(path, path, true));
            measured.addAll(PageChecks.contrast(browser, staffText));
        }
        List<PageChecks.Contrast> poor = measured.stream().filter(c -> c.ratio() < Wcag.AA_TEXT).toList();
        measured.stream().min(java.util.Comparator.comparingDouble(PageChecks.Contrast::ratio))
                .ifPresent(c -> System.out.println("AccessibilityTest: " + measured.size() + " colour pairs, the lowest " + c));
        assertTrue(measured.size() >= 20, "enough colour pairs measured: " + measured);
        assertTrue(poor.isEmpty(), "below " + Wcag.AA_TEXT + ":1: " + poor + "\nall: " + measured);
    }

    private static boolean outlined(WebElement element) {
        return !"none".equals(element.getCssValue("outline-style")) && !element.getCssValue("outline-width").startsWith("0");
    }

    /** Sends one file through the page's script, so that the progress lines are checked too. */
    private static void uploadWithProgressLines() throws Exception {
        Path file = Files.createDirectories(dir.resolve("upload")).resolve("pismo-a11y.txt");
        Files.writeString(file, "ПИСЬМО\nо проверке доступности страниц архива\n");
        browser.find("#upload-files").sendKeys(file.toString());
        browser.find("#upload-form button[type=submit]").click();
        browser.await("the progress line", d -> !browser.all("#upload-list li a").isEmpty());
    }
}
