package ru.soko.web.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * A visitor's and an administrator's way through the real site in headless Chromium: search with a
 * facet, a card and its original, a registry and its exports, an upload from review to publication
 * and withdrawal, and the staff area refused to those without the role. Skipped without Chromium.
 */
class BrowserJourneyTest {

    @TempDir
    static Path dir;

    private static SmallSite site;
    private static Browser browser;
    private static Downloads downloads;

    @BeforeAll
    static void start() throws Exception {
        if (!Browser.installed()) {
            return;
        }
        site = SmallSite.start(dir.resolve("site"));
        downloads = new Downloads(Files.createDirectories(dir.resolve("downloads")));
        browser = Browser.open(site.base(), downloads.dir(), 1280, 900);
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
    void anonymous() {
        Browser.assumeInstalled();
        browser.logOut();
    }

    private static String address() {
        return URLDecoder.decode(browser.path(), StandardCharsets.UTF_8);
    }

    private static List<String> hitKinds() {
        return browser.all("li.hit .hit-meta").stream().map(WebElement::getText).toList();
    }

    private static void search(String query) {
        browser.go("/");
        browser.find("#q").sendKeys(query, Keys.ENTER);
        browser.await("results for " + query, d -> address().contains("q=" + query));
    }

    @Test
    void aTickedFacetNarrowsTheResultsAndTheAddressKeepsQueryAndFacet() {
        search("мониторинг");
        int all = browser.all("li.hit").size();
        assertTrue(all >= 4, "all public documents mention monitoring: " + hitKinds());

        WebElement orders = browser.find(".facets input[name=f][value='kind:приказ']");
        orders.click();
        browser.find(".facets button[type=submit]").click();
        browser.await("the facet applied", d -> address().contains("f=kind:приказ"));

        List<String> kinds = hitKinds();
        assertEquals(2, kinds.size(), "only the two orders are left: " + kinds);
        assertTrue(kinds.stream().allMatch(k -> k.startsWith("приказ")), kinds.toString());
        assertTrue(address().contains("q=мониторинг"), "the query stays in the address: " + address());
        assertEquals("мониторинг", browser.find("#q").getAttribute("value"), "and in the search box");
        assertTrue(browser.find(".facets input[name=f][value='kind:приказ']").isSelected(), "the facet stays ticked");
        assertTrue(browser.find(".summary").getText().contains("Найдено: 2"), browser.find(".summary").getText());
    }

    @Test
    void theCardOffersTheOriginalUnderItsOwnNameByteForByte() throws Exception {
        search("положение мониторинг");
        // Result links carry the query (?q=…) so the card can mark the searched words.
        String card = "/documents/" + site.id(SmallSite.ORIGINAL_NAME);
        browser.find("a.hit-title[href='" + card + "'], a.hit-title[href^='" + card + "?']").click();
        browser.await("the card", d -> address().startsWith("/documents/"));
        assertTrue(browser.find("dl.requisites").getText().contains(SmallSite.ORIGINAL_NAME), "the card names the file");

        browser.find("a.button[download]").click();
        Path file = downloads.await(SmallSite.ORIGINAL_NAME);
        assertArrayEquals(Files.readAllBytes(site.sample(SmallSite.ORIGINAL_NAME)), Files.readAllBytes(file));
    }

    @Test
    void aRegistryIsFilteredOpenedAndExportedAsCsvXlsxAndJson() throws Exception {
        browser.go("/registries");
        browser.find("a[href='/registries/experts']").click();
        browser.await("the experts registry", d -> address().equals("/registries/experts"));
        assertEquals(3, browser.all("table.registry-table tbody tr").size());

        browser.find("#f-areas").sendKeys("математика", Keys.ENTER);
        browser.await("the filter applied", d -> address().contains("areas=математика"));
        assertEquals(1, browser.all("table.registry-table tbody tr").size(), "only Ivanova teaches mathematics");

        browser.find("a[href*='format=csv']").click();
        String csv = Files.readString(downloads.await("experts.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.contains("Иванова Марина Сергеевна"), csv);
        assertTrue(!csv.contains("Сидоренко"), "the export keeps the filter: " + csv);
        browser.find("a[href*='format=xlsx']").click();
        byte[] xlsx = Files.readAllBytes(downloads.await("experts.xlsx"));
        assertEquals("PK", new String(xlsx, 0, 2, StandardCharsets.ISO_8859_1), "an XLSX is a ZIP");
        browser.find("a[href*='format=json']").click();
        String json = Files.readString(downloads.await("experts.json"), StandardCharsets.UTF_8);
        assertTrue(json.contains("Э-2021-017"), json);

        browser.find("table.registry-table tbody tr a").click();
        browser.await("the record", d -> !browser.all("h1").isEmpty() && browser.find("h1").getText().contains("Иванова"));
        assertTrue(browser.find("dl.requisites").getText().contains("Э-2021-017"));
    }

    @Test
    void anUploadIsReviewedPublishedFoundThenWithdrawnAndGoneFromPublicSearch() throws Exception {
        Path upload = Files.createDirectories(dir.resolve("upload")).resolve("prikaz-15.txt");
        Files.writeString(upload, "УПРАВЛЕНИЕ ОБРАЗОВАНИЯ\nПРИКАЗ\n10.03.2025 № 15\n"
                + "О проведении мониторинга функциональной грамотности\nэпсилонмаркер: провести мониторинг.\n");
        browser.logIn("admin", "admin-password");
        assertEquals("/admin", address(), "an administrator starts in the staff area");
        browser.find("a[href='/admin/upload']").click();

        browser.find("#upload-files").sendKeys(upload.toString());
        browser.find("#upload-form button[type=submit]").click();
        WebElement review = browser.await("the progress line ends with a link to the review",
                d -> browser.all("#upload-list li a[href^='/admin/documents/']").stream().findFirst().orElse(null));
        WebElement line = browser.find("#upload-list li");
        assertTrue(line.getText().startsWith("prikaz-15.txt"), line.getText());
        assertTrue(review.getText().contains("проверьте реквизиты"), review.getText());
        assertEquals("100", browser.find("#upload-list progress").getAttribute("value"));
        String reviewPath = review.getAttribute("href").substring(site.base().length());

        review.click();
        browser.await("the review form", d -> address().equals(reviewPath));
        assertEquals("15", browser.find("#f-number").getAttribute("value"), "the number read from the text");
        assertTrue(browser.find("main").getText().contains("доступ: служебный"), "a staff upload waits for review unpublished");
        browser.find("form[action$='/visibility'] button").click();
        browser.await("published", d -> browser.find(".notice").getText().contains("Видимость изменена"));

        browser.find(".logout button").click();
        assertEquals(1, publicHits("эпсилонмаркер"), "the published document is found by the public");

        browser.go(reviewPath);
        assertTrue(address().startsWith("/login?next="), "the review asks to log in first: " + address());
        browser.find("#login-name").sendKeys("admin");
        browser.find("#login-password").sendKeys("admin-password", Keys.ENTER);
        browser.await("back on the review after logging in", d -> address().equals(reviewPath));
        browser.find("#withdraw-reason").sendKeys("ошибочная загрузка");
        browser.find("form[action$='/withdraw'] button").click();
        browser.await("withdrawn", d -> browser.find(".notice").getText().contains("Документ отозван"));

        browser.find(".logout button").click();
        assertEquals(0, publicHits("эпсилонмаркер"), "a withdrawn document leaves public search");
        browser.go(reviewPath.replace("/admin", ""));
        assertEquals("Документ не найден", browser.find("h1").getText());
    }

    @Test
    void theStaffAreaSendsTheAnonymousVisitorToTheLoginPage() {
        browser.go("/admin");
        assertEquals("/login?next=/admin", address());
        assertEquals("Вход для сотрудников", browser.find("h1").getText());
    }

    @Test
    void theStaffAreaRefusesAnExpertWithARussianPage() {
        browser.logIn("expert", "expert-password");
        browser.go("/admin/upload");
        assertEquals("Доступ запрещён", browser.find("h1").getText());
        String text = browser.find("main").getText();
        assertTrue(text.contains("недостаточно прав") && text.contains("Код ответа: 403"), text);
        assertEquals("ru", browser.find("html").getAttribute("lang"));
    }

    /** Searches as the public (the browser must be logged out) and counts the hits on the page. */
    private static int publicHits(String query) {
        search(query);
        assertTrue(browser.all(".account .who").isEmpty(), "searching as the public");
        return browser.all("li.hit").size();
    }
}
