package ru.soko.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Fails when a dependency falls below the version that fixes a known critical flaw of its kind
 * (docs/RELIABILITY.md): Tika 3.2.2 (PDF XFA XXE), SQLite 3.51.3 inside sqlite-jdbc (WAL-reset
 * corruption), Jetty 12 under Javalin 7 (Jetty 11 gets no more fixes).
 */
class DependencyFloorsTest {

    static int compare(String version, String floor) {
        int[] a = parts(version);
        int[] b = parts(floor);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int x = i < a.length ? a[i] : 0;
            int y = i < b.length ? b[i] : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    }

    private static int[] parts(String version) {
        return Arrays.stream(version.replaceAll("[^0-9.].*$", "").split("\\.")).filter(s -> !s.isEmpty())
                .mapToInt(Integer::parseInt).toArray();
    }

    @Test
    void tikaIsAtLeast322() {
        String version = org.apache.tika.Tika.class.getPackage().getImplementationVersion();
        String v = version != null ? version : new org.apache.tika.Tika().toString().replaceAll(".*?(\\d+\\.\\d+\\.\\d+).*", "$1");
        assertTrue(compare(v, "3.2.2") >= 0, "Tika " + v + " is below 3.2.2 (CVE-2025-54988 / CVE-2025-66516)");
    }

    @Test
    void bundledSqliteIsAtLeast3513() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
             ResultSet rs = c.createStatement().executeQuery("select sqlite_version()")) {
            rs.next();
            assertTrue(compare(rs.getString(1), "3.51.3") >= 0, "SQLite " + rs.getString(1) + " is below 3.51.3");
        }
    }

    @Test
    void jettyIsTwelveOrNewer() {
        String version = org.eclipse.jetty.util.Jetty.VERSION;
        assertTrue(compare(version, "12.0.0") >= 0, "Jetty " + version + " is older than 12");
    }

    /** {@code lucene-core-10.5.0.jar} → artifact and version; other class-path entries are skipped. */
    static java.util.Map<String, String> jarsOn(String classPath) {
        java.util.Map<String, String> jars = new java.util.TreeMap<>();
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            String name = java.nio.file.Path.of(entry).getFileName().toString();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(.+?)-(\\d[\\w.]*?)\\.jar").matcher(name);
            if (m.matches()) {
                jars.put(m.group(1), m.group(2));
            }
        }
        return jars;
    }

    /** The libraries on {@code classPath} that are below the first version without a known critical flaw. */
    static java.util.List<String> vulnerable(String classPath) throws Exception {
        java.util.List<String> found = new java.util.ArrayList<>();
        java.util.Map<String, String> jars = jarsOn(classPath);
        try (var in = DependencyFloorsTest.class.getResourceAsStream("/reliability/known-critical.tsv")) {
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                String version = jars.get(f[0]);
                if (version != null && compare(version, f[1]) < 0) {
                    found.add(f[0] + " " + version + " < " + f[1] + ": " + f[2]);
                }
            }
        }
        return found;
    }

    @Test
    void noLibraryWithAKnownCriticalFlawIsOnTheClassPath() throws Exception {
        String classPath = System.getProperty("java.class.path");
        assertTrue(jarsOn(classPath).containsKey("lucene-core"), "the check sees the real jars: " + classPath);
        java.util.List<String> found = vulnerable(classPath);
        assertTrue(found.isEmpty(), String.join("\n", found));
    }

    @Test
    void theClassPathCheckCatchesAnOldLibrary() throws Exception {
        String planted = "/m2/org/apache/logging/log4j/log4j-core-2.14.1.jar" + java.io.File.pathSeparator
                + "/m2/org/yaml/snakeyaml-2.2.jar";
        java.util.List<String> found = vulnerable(planted);
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).startsWith("log4j-core 2.14.1"));
    }

    @Test
    void versionComparisonIsNumeric() {
        assertTrue(compare("3.10.0", "3.2.2") > 0);
        assertTrue(compare("3.2.1", "3.2.2") < 0);
        assertTrue(compare("12.1.12", "12.0.0") > 0);
    }
}
