package ru.soko.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.soko.Archive;
import ru.soko.requisites.Citation;
import ru.soko.requisites.ExtractedRequisites;
import ru.soko.requisites.Relation;
import ru.soko.requisites.Requisites;
import ru.soko.testing.TestArchives;

/**
 * Which citations an act resolves when it arrives or when its number or date is corrected: the
 * catalogue looks only at the citations such a change can affect, and must find all of them.
 */
class CitationResolutionTest {

    private static final LocalDate DATE = LocalDate.of(2020, 2, 1);

    @TempDir
    Path dir;

    @Test
    void anActArrivingLaterResolvesTheCitationsWithItsDateOrNoDateOnly() {
        try (Archive archive = Archive.open(TestArchives.withoutOcr(dir))) {
            Catalog catalog = archive.catalog();
            long citing = insert(catalog, act("citing.txt", null, null, List.of(cites("77", DATE), cites("77", null),
                    cites("77", LocalDate.of(2019, 5, 5)))));
            assertEquals(Arrays.asList(null, null, null), targets(catalog, citing), "nothing to point at yet");
            long act = insert(catalog, act("act.txt", "77", DATE, List.of()));
            assertEquals(Arrays.asList(act, act, null), targets(catalog, citing), "the other date is another act");
        }
    }

    @Test
    void correctingOneOfTwoActsWithTheSameNumberLetsTheOtherBeCited() {
        try (Archive archive = Archive.open(TestArchives.withoutOcr(dir))) {
            Catalog catalog = archive.catalog();
            long first = insert(catalog, act("first.txt", "77", DATE, List.of()));
            long second = insert(catalog, act("second.txt", "77", DATE, List.of()));
            long citing = insert(catalog, act("citing.txt", null, null, List.of(cites("77", DATE), cites("78", DATE))));
            assertEquals(Arrays.asList(null, null), targets(catalog, citing), "two acts fit: neither is chosen");
            catalog.setOverride(first, "number", "78", "admin");
            assertEquals(List.of(second, first), targets(catalog, citing), "each number now has one act");
            catalog.setOverride(first, "date", "2021-03-04", "admin");
            assertEquals(Arrays.asList(second, null), targets(catalog, citing), "№ 78 of 2020 is gone again");
        }
    }

    @Test
    void readingTheRequisitesAgainMovesTheCitationsWithTheNumber() {
        try (Archive archive = Archive.open(TestArchives.withoutOcr(dir))) {
            Catalog catalog = archive.catalog();
            long act = insert(catalog, act("act.txt", "77", DATE, List.of()));
            long citing = insert(catalog, act("citing.txt", null, null, List.of(cites("77", null), cites("79", null))));
            assertEquals(Arrays.asList(act, null), targets(catalog, citing));
            catalog.replaceRequisites(Map.of(act, act("act.txt", "79", DATE, List.of()).requisites()));
            assertEquals(Arrays.asList(null, act), targets(catalog, citing));
        }
    }

    @Test
    void aCitationLosesItsTargetWhenASecondActThatFitsItArrives() {
        try (Archive archive = Archive.open(TestArchives.withoutOcr(dir))) {
            Catalog catalog = archive.catalog();
            long citing = insert(catalog, act("citing.txt", null, null, List.of(cites("77", DATE), cites("77", null))));
            long first = insert(catalog, act("first.txt", "77", DATE, List.of()));
            assertEquals(List.of(first, first), targets(catalog, citing));
            insert(catalog, act("other-year.txt", "77", LocalDate.of(2021, 3, 4), List.of()));
            assertEquals(Arrays.asList(first, null), targets(catalog, citing), "a citation without a date fits both now");
            insert(catalog, act("same-day.txt", "77", DATE, List.of()));
            assertEquals(Arrays.asList(null, null), targets(catalog, citing), "the same as had all three been there first");
        }
    }

    @Test
    void anActNoLongerSurelyRepealedIsReportedForReindexing() {
        try (Archive archive = Archive.open(TestArchives.withoutOcr(dir))) {
            Catalog catalog = archive.catalog();
            long repealing = insert(catalog, act("repealing.txt", "90", DATE.plusDays(30),
                    List.of(new Citation(Relation.REPEALS, "приказ", null, DATE, "77", null))));
            long first = insert(catalog, act("first.txt", "77", DATE, List.of()));
            assertEquals(DocumentRecord.REPEALED, catalog.get(first).orElseThrow().status());
            Catalog.GroupInsert second = catalog.insertAll(List.of(act("second.txt", "77", DATE, List.of())), "test", "public");
            assertNotEquals(DocumentRecord.REPEALED, catalog.get(first).orElseThrow().status(), "which act was repealed is unknown now");
            assertTrue(second.changedNeighbours().containsAll(List.of(first, repealing)), second.changedNeighbours().toString());
        }
    }

    @Test
    void aCorrectionThatMakesACitationAmbiguousNamesTheActThatLostIt() {
        try (Archive archive = Archive.open(TestArchives.withoutOcr(dir))) {
            Catalog catalog = archive.catalog();
            long first = insert(catalog, act("first.txt", "77", DATE, List.of()));
            long second = insert(catalog, act("second.txt", "78", DATE, List.of()));
            long citing = insert(catalog, act("citing.txt", null, null, List.of(cites("78", DATE))));
            assertEquals(List.of(second), targets(catalog, citing));
            assertEquals(Set.of(citing, second), catalog.setOverride(first, "number", "78", "admin"));
            assertEquals(Arrays.asList((Long) null), targets(catalog, citing));
        }
    }

    private static long insert(Catalog catalog, NewDocument doc) {
        return catalog.insertAll(List.of(doc), "test", "public").insertions().get(0).id();
    }

    private static List<Long> targets(Catalog catalog, long id) {
        return catalog.links(id).references().stream().map(ResolvedCitation::targetId).toList();
    }

    private static Citation cites(String number, LocalDate date) {
        return new Citation(Relation.REFERENCES, "приказ", null, date, number, null);
    }

    private static NewDocument act(String name, String number, LocalDate date, List<Citation> citations) {
        String text = name + " " + number + " " + date;
        Requisites requisites = new Requisites("приказ", null, List.of(), date, date == null ? null : date.getYear(), number,
                null, name, null, null, null, null, null, null);
        return new NewDocument(ru.soko.util.Hashes.sha256(text), name, "in/" + name, "text/plain", "txt", text.length(), name,
                text, false, TextSource.LAYER, false, Map.of(), List.of(), new ExtractedRequisites(requisites, citations));
    }
}
