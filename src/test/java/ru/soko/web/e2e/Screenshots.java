package ru.soko.web.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

/**
 * Makes the screenshots the README shows from a running demo archive (not a test: run it by hand
 * with {@code docs/screenshots/take.sh}, see docs/screenshots/README.md). Arguments: the site's
 * address, the output folder, and optionally the names of the pictures to make (all by default).
 * The staff pictures log in with the demo account admin / admin-demo and upload two new files
 * and an empty one, so that the upload page shows its progress lines.
 */
public final class Screenshots {

    private Screenshots() {
    }

    private interface Shot {
        void take(Browser browser) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: Screenshots http://localhost:7075 docs/screenshots [name …]");
            System.exit(2);
        }
        String base = args[0].replaceAll("/$", "");
        Path out = Files.createDirectories(Path.of(args[1]));
        Set<String> wanted = Set.copyOf(List.of(args).subList(2, args.length));
        Path work = Files.createTempDirectory("soko-screenshots");
        Map<String, Shot> shots = new LinkedHashMap<>();
        shots.put("search", b -> b.go("/?q=" + q("самообследование")));
        shots.put("document", b -> b.go(b.find("a.hit-title").getAttribute("href").substring(base.length())));
        shots.put("registry", b -> b.go("/registries/experts"));
        shots.put("organisation", b -> b.go("/organisations/org-kem-12"));
        shots.put("search-360", b -> b.go("/?q=" + q("приказ мониторинг")));
        shots.put("login", b -> {
            b.logOut();
            b.go("/login");
        });
        shots.put("admin-upload", b -> upload(b, work));
        shots.put("admin-document", b -> b.go(b.find("#upload-list a[href^='/admin/documents/']").getAttribute("href")
                .substring(base.length())));
        Map<String, int[]> sizes = Map.of("search", new int[] {1280, 1300}, "document", new int[] {1280, 1300},
                "registry", new int[] {1280, 1000}, "organisation", new int[] {1280, 1500}, "search-360", new int[] {360, 780},
                "login", new int[] {1280, 520}, "admin-upload", new int[] {1280, 800}, "admin-document", new int[] {1280, 1300});
        try (Browser browser = Browser.open(base, Files.createDirectories(work.resolve("downloads")), 1280, 900)) {
            for (var shot : shots.entrySet()) {
                String name = shot.getKey();
                boolean staff = name.startsWith("admin");
                if (staff && browser.all(".account .who").isEmpty()) {
                    browser.logIn("admin", "admin-demo");
                }
                int[] size = sizes.get(name);
                browser.viewport(size[0], size[1]);
                shot.getValue().take(browser);
                browser.js("document.activeElement && document.activeElement.blur();");
                if (wanted.isEmpty() || wanted.contains(name)) {
                    Path png = out.resolve(name + ".png");
                    Files.write(png, ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
                    System.out.println(png + "  " + size[0] + "×" + size[1] + "  " + browser.path());
                }
            }
        }
    }

    /** Sends two new files and an empty one through the upload page's script and waits for the three lines. */
    private static void upload(Browser browser, Path work) throws Exception {
        Path folder = Files.createDirectories(work.resolve("upload"));
        Path order = folder.resolve("prikaz-214-monitoring-fg.txt");
        Files.writeString(order, """
                УПРАВЛЕНИЕ ОБРАЗОВАНИЯ АДМИНИСТРАЦИИ ГОРОДА КЕМЕРОВО
                ПРИКАЗ
                14.03.2025 № 214
                г. Кемерово
                О проведении мониторинга функциональной грамотности обучающихся 8-х классов
                В соответствии с приказом Министерства образования Кузбасса от 20.01.2023 № 115 приказываю:
                1. Провести мониторинг функциональной грамотности обучающихся 8-х классов в апреле 2025 года.
                2. Руководителям общеобразовательных организаций обеспечить участие обучающихся.
                """ + stamp(), StandardCharsets.UTF_8);
        Path letter = folder.resolve("pismo-grafik-vpr-2025.txt");
        Files.writeString(letter, """
                МИНИСТЕРСТВО ОБРАЗОВАНИЯ КУЗБАССА
                ПИСЬМО
                03.02.2025 № 02-27/412
                О графике проведения всероссийских проверочных работ в 2025 году
                Направляем график проведения ВПР в общеобразовательных организациях Кузбасса.
                """ + stamp(), StandardCharsets.UTF_8);
        Path empty = Files.write(folder.resolve("pustoy-fail.txt"), new byte[0]);
        browser.go("/admin/upload");
        browser.find("#upload-files").sendKeys(order + "\n" + letter + "\n" + empty);
        browser.find("#upload-form button[type=submit]").click();
        browser.await("three progress lines done", d -> browser.all("#upload-list li").size() == 3
                && browser.all("#upload-list progress").stream().allMatch(p -> "100".equals(p.getAttribute("value"))));
    }

    /** Makes each run's files new to the archive, so that they are added, not found «уже в архиве». */
    private static String stamp() {
        return "Экземпляр для снимка экрана " + System.nanoTime() + "\n";
    }

    private static String q(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
