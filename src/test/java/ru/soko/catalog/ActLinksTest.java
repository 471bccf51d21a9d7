package ru.soko.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.soko.testing.ActTexts.AMENDING_ORDER;
import static ru.soko.testing.ActTexts.ANNEX;
import static ru.soko.testing.ActTexts.OLD_ORDER;
import static ru.soko.testing.ActTexts.REPEALING_ORDER;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.soko.Archive;
import ru.soko.ingest.FileCollector;
import ru.soko.ingest.IngestProgress;
import ru.soko.search.SearchHit;
import ru.soko.search.SearchRequest;
import ru.soko.testing.TestArchives;
import ru.soko.testing.TestFiles;

/** The network of acts: approval, amendment and repeal resolve whatever order the acts arrive in. */
class ActLinksTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        return TestFiles.text(Files.createDirectories(dir.resolve("in")), name, text, StandardCharsets.UTF_8);
    }

    private long ingest(Archive archive, Path file) {
        return archive.ingest().ingest(FileCollector.collect(List.of(file)), "test", IngestProgress.NONE)
                .outcomes().get(0).documentId();
    }

    @Test
    void repealedActIsMarkedAndLinkedEvenWhenItArrivesAfterTheRepealingAct() throws Exception {
        try (Archive archive = Archive.open(TestArchives.withoutOcr(dir))) {
            long repealing = ingest(archive, write("2830.txt", REPEALING_ORDER));
            long annex = ingest(archive, write("annex.txt", ANNEX));
            long amending = ingest(archive, write("655.txt", AMENDING_ORDER));
            long old = ingest(archive, write("1291.txt", OLD_ORDER));

            DocumentCard oldCard = archive.card(old).orElseThrow();
            assertEquals("утратил силу", oldCard.status());
            assertEquals(List.of(repealing), oldCard.repealedBy());
            assertEquals(List.of(amending), oldCard.amendedBy());
            assertEquals(List.of(annex), oldCard.approves());
            assertTrue(oldCard.citedBy().containsAll(List.of(repealing, annex, amending)), oldCard.citedBy().toString());

            assertEquals(List.of(old), archive.card(annex).orElseThrow().approvedBy());
            assertEquals("утратил силу", archive.card(annex).orElseThrow().status(), "an annex falls with its order");
            assertEquals(List.of(old), archive.card(amending).orElseThrow().amends());
            DocumentCard repealingCard = archive.card(repealing).orElseThrow();
            assertEquals(List.of(old), repealingCard.repeals());
            assertEquals("действует", repealingCard.status());
            assertTrue(repealingCard.references().stream().anyMatch(r -> "273-ФЗ".equals(r.number()) && r.targetId() == null));

            SearchHit hit = archive.search().search(new SearchRequest("приказ 1291", 0, 10)).hits().stream()
                    .filter(h -> h.id().equals(Long.toString(old))).findFirst().orElseThrow();
            assertEquals("утратил силу", hit.status(), "the index learns the status when the old act arrives last");
            assertEquals("1291", hit.number());

            List<String> byRequisites = archive.search().search(new SearchRequest("приказ 1291 от 24.07.2020", 0, 10)).hits()
                    .stream().map(SearchHit::id).toList();
            assertEquals(Long.toString(old), byRequisites.get(0), "the act with those requisites comes first");
            assertTrue(byRequisites.subList(1, 4).containsAll(List.of(Long.toString(repealing), Long.toString(annex),
                    Long.toString(amending))), "documents citing it come next: " + byRequisites);
        }
    }

    @Test
    void repealingActArrivingLaterUpdatesTheStatusInTheIndex() throws Exception {
        try (Archive archive = Archive.open(TestArchives.withoutOcr(dir))) {
            long old = ingest(archive, write("1291.txt", OLD_ORDER));
            assertEquals("действует", archive.card(old).orElseThrow().status());
            ingest(archive, write("2830.txt", REPEALING_ORDER));
            assertEquals("утратил силу", archive.card(old).orElseThrow().status());
            SearchHit hit = archive.search().search(new SearchRequest("1291", 0, 10)).hits().stream()
                    .filter(h -> h.id().equals(Long.toString(old))).findFirst().orElseThrow();
            assertEquals("утратил силу", hit.status());
        }
    }

    @Test
    void correctionOutlivesReextractionAndReindexAndIsAudited() throws Exception {
        try (Archive archive = Archive.open(TestArchives.withoutOcr(dir))) {
            long old = ingest(archive, write("1291.txt", OLD_ORDER));
            long repealing = ingest(archive, write("2830.txt", REPEALING_ORDER));
            archive.edit(repealing, java.util.Map.of("number", "2831", "signatory", "А.А. Исправленный"), "admin");
            List<Long> reread = new java.util.ArrayList<>();
            archive.reextractRequisites(reread::add, n -> { });
            assertEquals(List.of(2L), reread, "both documents read again, in one group");
            DocumentCard card = archive.card(repealing).orElseThrow();
            assertEquals("2831", card.number());
            assertEquals("А.А. Исправленный", card.signatory());
            assertEquals(List.of("number", "signatory"), card.corrected());
            assertEquals("утратил силу", archive.card(old).orElseThrow().status(), "links survive the correction");
            archive.reindex();
            SearchHit hit = archive.search().search(new SearchRequest("новой редакции", 0, 10)).hits().get(0);
            assertEquals("2831", hit.number());
            List<AuditEntry> trail = archive.catalog().auditTrail("document:" + repealing);
            assertEquals(List.of("ingest", "edit", "edit"), trail.stream().map(AuditEntry::action).toList());
            assertTrue(trail.stream().anyMatch(e -> e.detailsJson().contains("2831") && e.actor().equals("admin")));
        }
    }

    @Test
    void correctingTheNumberRelinksCitationsToTheRightAct() throws Exception {
        try (Archive archive = Archive.open(TestArchives.withoutOcr(dir))) {
            long old = ingest(archive, write("1291.txt", OLD_ORDER.replace("№ 1291", "№ 1219")));
            long repealing = ingest(archive, write("2830.txt", REPEALING_ORDER));
            assertEquals("действует", archive.card(old).orElseThrow().status(), "a misread number links to nothing");
            archive.edit(old, java.util.Map.of("number", "1291"), "admin");
            assertEquals("утратил силу", archive.card(old).orElseThrow().status());
            assertEquals(List.of(old), archive.card(repealing).orElseThrow().repeals());
        }
    }

    @Test
    void rejectsCorrectionOfUnknownFieldOrBadDate() throws Exception {
        try (Archive archive = Archive.open(TestArchives.withoutOcr(dir))) {
            long old = ingest(archive, write("1291.txt", OLD_ORDER));
            IllegalArgumentException field = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> archive.edit(old, java.util.Map.of("colour", "red"), "admin"));
            assertTrue(field.getMessage().contains("colour"));
            IllegalArgumentException date = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> archive.edit(old, java.util.Map.of("date", "32.13.2020"), "admin"));
            assertTrue(date.getMessage().contains("32.13.2020"));
            assertEquals(List.of(), archive.card(old).orElseThrow().corrected());
        }
    }
}
