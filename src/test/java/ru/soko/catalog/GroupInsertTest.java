package ru.soko.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.soko.testing.ActTexts.AMENDING_ORDER;
import static ru.soko.testing.ActTexts.ANNEX;
import static ru.soko.testing.ActTexts.OLD_ORDER;
import static ru.soko.testing.ActTexts.REPEALING_ORDER;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.soko.Archive;
import ru.soko.requisites.IssuerDirectory;
import ru.soko.requisites.RequisiteExtractor;
import ru.soko.testing.TestArchives;

/** Rows written a group per transaction: the same rows, links and records as one insert after another. */
class GroupInsertTest {

    @TempDir
    Path dir;

    private static NewDocument doc(RequisiteExtractor extractor, String name, String text) {
        String sha = ru.soko.util.Hashes.sha256(text);
        return new NewDocument(sha, name, "in/" + name, "text/plain", "txt", text.length(), name, text, false,
                TextSource.LAYER, false, Map.of("Content-Type", "text/plain"), List.of("предупреждение"),
                extractor.extract(text, Map.of()));
    }

    @Test
    void recordsOfAGroupAreTheRowsAsTheCatalogueReadsThem() {
        try (Archive archive = Archive.open(TestArchives.withoutOcr(dir))) {
            RequisiteExtractor extractor = new RequisiteExtractor(IssuerDirectory.load(archive.config().indexConfigDir()));
            Catalog catalog = archive.catalog();
            // The repealing act first, then the act it repeals and its annex in the same group: the
            // records must carry the status the links give at the end of the group.
            List<NewDocument> docs = List.of(doc(extractor, "2830.txt", REPEALING_ORDER), doc(extractor, "1291.txt", OLD_ORDER),
                    doc(extractor, "annex.txt", ANNEX), doc(extractor, "655.txt", AMENDING_ORDER));
            Catalog.GroupInsert group = catalog.insertAll(docs, "test", "public");
            assertEquals(4, group.insertions().size());
            int repealed = 0;
            for (Catalog.Insertion insertion : group.insertions()) {
                assertTrue(insertion.added());
                DocumentRecord read = catalog.get(insertion.id()).orElseThrow();
                assertEquals(read, insertion.record());
                repealed += DocumentRecord.REPEALED.equals(read.status()) ? 1 : 0;
            }
            assertEquals(2, repealed, "the old order and its annex");
            assertEquals(Set.of(), group.changedNeighbours(), "no older document in the archive");
        }
    }

    @Test
    void sameFileTwiceInAGroupIsOneRowAndTheSecondIsItsDuplicate() {
        try (Archive archive = Archive.open(TestArchives.withoutOcr(dir))) {
            RequisiteExtractor extractor = new RequisiteExtractor(IssuerDirectory.load(archive.config().indexConfigDir()));
            NewDocument order = doc(extractor, "1291.txt", OLD_ORDER);
            List<Catalog.Insertion> insertions = archive.catalog().insertAll(List.of(order, doc(extractor, "655.txt", AMENDING_ORDER), order),
                    "test", "public").insertions();
            assertTrue(insertions.get(0).added());
            assertFalse(insertions.get(2).added());
            assertEquals(insertions.get(0).id(), insertions.get(2).id());
            assertEquals(2, archive.catalog().count());
            assertEquals(1, archive.catalog().auditTrail("document:" + insertions.get(0).id()).size());
        }
    }

    @Test
    void onlyOlderDocumentsWhoseStatusChangedAreReportedForReindexing() {
        try (Archive archive = Archive.open(TestArchives.withoutOcr(dir))) {
            RequisiteExtractor extractor = new RequisiteExtractor(IssuerDirectory.load(archive.config().indexConfigDir()));
            Catalog catalog = archive.catalog();
            List<Catalog.Insertion> first = catalog.insertAll(List.of(doc(extractor, "1291.txt", OLD_ORDER),
                    doc(extractor, "annex.txt", ANNEX)), "test", "public").insertions();
            long old = first.get(0).id();
            long annex = first.get(1).id();
            Catalog.GroupInsert amending = catalog.insertAll(List.of(doc(extractor, "655.txt", AMENDING_ORDER)), "test", "public");
            assertEquals(Set.of(), amending.changedNeighbours(), "an amendment links to the act but leaves its status");
            assertTrue(catalog.neighbours(amending.insertions().get(0).id()).contains(old), "the old act is a neighbour all the same");
            Catalog.GroupInsert repealing = catalog.insertAll(List.of(doc(extractor, "2830.txt", REPEALING_ORDER)), "test", "public");
            assertEquals(Set.of(old, annex), repealing.changedNeighbours(), "the repealed act and the annex it approved");
            assertEquals(DocumentRecord.REPEALED, catalog.get(annex).orElseThrow().status());
        }
    }

    @Test
    void aNewActRepealedByAnOlderOneBringsDownTheOlderAnnexThatCitesIt() {
        try (Archive archive = Archive.open(TestArchives.withoutOcr(dir))) {
            RequisiteExtractor extractor = new RequisiteExtractor(IssuerDirectory.load(archive.config().indexConfigDir()));
            Catalog catalog = archive.catalog();
            List<Long> older = new ArrayList<>();
            for (Catalog.Insertion i : catalog.insertAll(List.of(doc(extractor, "2830.txt", REPEALING_ORDER),
                    doc(extractor, "annex.txt", ANNEX)), "test", "public").insertions()) {
                older.add(i.id());
            }
            Catalog.GroupInsert old = catalog.insertAll(List.of(doc(extractor, "1291.txt", OLD_ORDER)), "test", "public");
            assertEquals(Set.of(older.get(1)), old.changedNeighbours(), "the annex falls with the order that arrived last");
            assertEquals(DocumentRecord.REPEALED, old.insertions().get(0).record().status());
        }
    }
}
