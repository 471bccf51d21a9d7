package ru.soko.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.soko.testing.TestFiles;
import ru.soko.util.Json;

class CliTest {

    @TempDir
    Path dir;

    private Path data;
    private Path docs;

    record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = SokoCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @BeforeEach
    void setUp() throws Exception {
        data = dir.resolve("data");
        docs = Files.createDirectories(dir.resolve("docs"));
        TestFiles.text(docs, "prikaz.txt", TestFiles.RUSSIAN_TEXT, java.nio.charset.Charset.forName("windows-1251"));
        TestFiles.docx(docs, "polozhenie.docx", "Положение о муниципальной системе оценки качества образования");
    }

    private Run runWithInput(String input, String... args) {
        java.io.InputStream before = System.in;
        System.setIn(new java.io.ByteArrayInputStream(input.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        try {
            return run(args);
        } finally {
            System.setIn(before);
        }
    }

    @Test
    void firstAdministratorIsCreatedByTheUserCommandAndCanLogIn() {
        Run added = runWithInput("секретный-пароль\n", "user", "add", "--role", "admin", "Ольга", "--password-stdin",
                "--data", data.toString());
        assertEquals(0, added.exit(), added.err());
        assertTrue(added.out().contains("Ольга (администратор)"), added.out());
        Run token = run("user", "token", "ольга", "--data", data.toString());
        assertEquals(0, token.exit(), token.err());
        Run weak = runWithInput("short\n", "user", "add", "--role", "expert", "ivan", "--password-stdin", "--data", data.toString());
        assertEquals(1, weak.exit());
        assertTrue(weak.err().contains("не короче 8"), weak.err());
        Run badRole = runWithInput("длинный-пароль\n", "user", "add", "--role", "visitor", "ivan", "--password-stdin", "--data", data.toString());
        assertNotEquals(0, badRole.exit());
        try (ru.soko.Archive archive = ru.soko.Archive.open(ru.soko.testing.TestArchives.withoutOcr(dir).withDataDir(data))) {
            assertTrue(archive.users().authenticate("Ольга", "секретный-пароль").isPresent());
            assertEquals("Ольга", archive.users().byToken(token.out().strip()).orElseThrow().name());
            assertEquals(1, archive.users().list().size());
        }
    }

    @Test
    void ingestPrintsSummaryAndExitsZeroWhenAllFilesAreTaken() {
        Run run = run("ingest", "--data", data.toString(), docs.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("добавлено 2, уже были в архиве 0, отклонено 0"), run.out());
        assertTrue(run.err().contains("[2/2]"), "progress names each file: " + run.err());
        Run again = run("ingest", "--data", data.toString(), docs.toString());
        assertTrue(again.out().contains("добавлено 0, уже были в архиве 2"), again.out());
    }

    @Test
    void ingestListsRejectedFilesWithReasonsAndExitsNonZero() throws Exception {
        Files.createFile(docs.resolve("empty.pdf"));
        Run run = run("ingest", "--data", data.toString(), docs.toString());
        assertEquals(IngestCommand.SOME_REJECTED, run.exit());
        assertTrue(run.out().contains("empty.pdf: пустой файл"), run.out());
    }

    @Test
    void searchJsonHasTheDocumentedShape() throws Exception {
        run("ingest", "--data", data.toString(), docs.toString());
        Run run = run("search", "--data", data.toString(), "--json", "--limit", "5", "самообследования");
        assertEquals(0, run.exit(), run.err());
        JsonNode json = Json.mapper().readTree(run.out());
        assertEquals(1, json.get("total").asInt());
        assertTrue(json.get("facets").isObject());
        JsonNode hit = json.get("hits").get(0);
        for (String field : List.of("id", "title", "kind", "issuer", "date", "number", "sourceName", "score", "snippet")) {
            assertTrue(hit.has(field), "hit lacks " + field);
        }
        assertEquals("prikaz.txt", hit.get("sourceName").asText());
        assertTrue(hit.get("snippet").asText().contains("<mark>"), hit.get("snippet").asText());
    }

    @Test
    void showJsonGivesTheCard() throws Exception {
        run("ingest", "--data", data.toString(), docs.toString());
        Run run = run("show", "--data", data.toString(), "--json", "1");
        assertEquals(0, run.exit(), run.err());
        JsonNode card = Json.mapper().readTree(run.out());
        assertEquals("polozhenie.docx", card.get("sourceName").asText());
        assertEquals(64, card.get("sha256").asText().length());
        assertTrue(card.get("mediaType").asText().contains("wordprocessingml"));
        assertTrue(card.get("textLength").asInt() > 20);
    }

    @Test
    void showJsonCarriesRequisitesStatusAndLinks() throws Exception {
        run("ingest", "--data", data.toString(), docs.toString());
        JsonNode card = Json.mapper().readTree(run("show", "--data", data.toString(), "--json", "2").out());
        for (String field : List.of("kind", "issuer", "date", "number", "place", "title", "signatory", "level",
                "territory", "status", "references", "approves", "approvedBy", "amends", "amendedBy", "repeals",
                "repealedBy", "citedBy")) {
            assertTrue(card.has(field), "card lacks " + field);
        }
        assertEquals("приказ", card.get("kind").asText());
        assertEquals("действует", card.get("status").asText());
        assertTrue(card.get("references").get(0).has("targetId"));
    }

    @Test
    void editCorrectsARequisiteAndShowTellsItWasCorrected() throws Exception {
        run("ingest", "--data", data.toString(), docs.toString());
        Run edit = run("edit", "--data", data.toString(), "2", "--set", "number=287", "--set", "date=05.02.2024");
        assertEquals(0, edit.exit(), edit.err());
        JsonNode card = Json.mapper().readTree(run("show", "--data", data.toString(), "--json", "2").out());
        assertEquals("287", card.get("number").asText());
        assertEquals("2024-02-05", card.get("date").asText());
        Run bad = run("edit", "--data", data.toString(), "2", "--set", "level=галактический");
        assertEquals(1, bad.exit());
        assertTrue(bad.err().startsWith("ошибка: значение «галактический» не подходит для поля level"), bad.err());
    }

    @Test
    void showOfMissingDocumentFailsWithOneLineReason() {
        Run run = run("show", "--data", data.toString(), "42");
        assertNotEquals(0, run.exit());
        assertEquals("ошибка: документа № 42 нет в архиве", run.err().strip());
    }

    @Test
    void statsCountsByFormat() throws Exception {
        run("ingest", "--data", data.toString(), docs.toString());
        Run run = run("stats", "--data", data.toString(), "--json");
        JsonNode stats = Json.mapper().readTree(run.out());
        assertEquals(2, stats.get("documents").asInt());
        assertEquals(1, stats.get("byFormat").get("docx").asInt());
        assertEquals(1, stats.get("byFormat").get("txt").asInt());
    }

    @Test
    void reindexReportsHowManyDocumentsWereIndexed() {
        run("ingest", "--data", data.toString(), docs.toString());
        Run run = run("reindex", "--data", data.toString());
        assertEquals(0, run.exit());
        assertTrue(run.out().contains("Записей в индексе: 2 "), run.out());
    }

    @Test
    void reindexWithRequisitesReadsThemAgainAndRebuilds() {
        run("ingest", "--data", data.toString(), docs.toString());
        Run run = run("reindex", "--requisites", "--data", data.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("Записей в индексе: 2 "), run.out());
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : List.of("ingest", "search", "show", "reindex", "serve", "stats", "demo")) {
            Run run = run(command, "--help");
            assertEquals(0, run.exit(), command);
            assertTrue(run.out().contains("Usage: soko-archive " + command), run.out());
        }
    }

    @Test
    void unknownOptionFailsWithNonZeroExit() {
        Run run = run("search", "--bogus", "x");
        assertNotEquals(0, run.exit());
        assertTrue(run.err().contains("--bogus"), run.err());
    }

    @Test
    void searchOfMalformedQueryStillAnswers() throws Exception {
        run("ingest", "--data", data.toString(), docs.toString());
        Run run = run("search", "--data", data.toString(), "--json", "(самообследования");
        assertEquals(0, run.exit(), run.err());
        assertEquals(1, Json.mapper().readTree(run.out()).get("total").asInt());
    }

    @Test
    void ingestOfMissingPathIsReportedNotThrown() {
        Run run = run("ingest", "--data", data.toString(), dir.resolve("nope.pdf").toString());
        assertEquals(IngestCommand.SOME_REJECTED, run.exit());
        assertTrue(run.out().contains("nope.pdf: файл не удалось прочитать"), run.out());
        assertTrue(Files.exists(data.resolve("archive.db")));
    }

    /** Listing and export read the registry in batches now; what they print and write must not change. */
    @Test
    void registryListingAndExportCountAndWriteEveryMatchingRecord() throws Exception {
        StringBuilder sheet = new StringBuilder("Код записи;Обучающийся (код);Организация;Мероприятие;Этап;Результат;Год\n");
        for (int i = 0; i < 4_500; i++) {
            sheet.append(String.format("Д-%05d;У-2024-%06d;МБОУ «СОШ № 1»;Олимпиада по физике;школьный;%s;%d%n",
                    i, i, i % 3 == 0 ? "победитель" : "участник", 2020 + i % 5));
        }
        Path csv = dir.resolve("achievements.csv");
        Files.writeString(csv, sheet.toString());
        assertEquals(0, run("import-registry", "--data", data.toString(), "achievements", csv.toString()).exit());

        Run list = run("registry", "--data", data.toString(), "achievements", "--filter", "result=победитель");
        assertTrue(list.out().contains("записей 1500"), list.out().lines().findFirst().orElse(""));
        assertEquals(1 + 1_500, list.out().lines().count());
        JsonNode json = Json.mapper().readTree(run("registry", "--data", data.toString(), "achievements", "--json",
                "--filter", "year=2021").out());
        assertEquals(900, json.get("total").asInt());
        assertEquals(900, json.get("records").size());
        assertEquals("Д-00001", json.get("records").get(0).get("key").asText());

        Path out = dir.resolve("export.csv");
        Run export = run("export-registry", "--data", data.toString(), "achievements", "--format", "csv", "--out", out.toString(),
                "--filter", "result=участник");
        assertTrue(export.out().contains("Выгружено записей: 3000"), export.out());
        assertEquals(1 + 3_000, Files.readAllLines(out).size());
        Run all = run("registry", "--data", data.toString());
        assertTrue(all.out().lines().anyMatch(l -> l.startsWith("achievements") && l.contains(" 4500 ")), all.out());
    }
}
