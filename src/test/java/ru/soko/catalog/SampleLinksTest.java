package ru.soko.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.soko.Archive;
import ru.soko.testing.SampleArchive;

/** The network of acts as the demo archive shows it: the sample documents' real links resolve. */
class SampleLinksTest {

    private final Archive archive = SampleArchive.get().archive();
    private final Map<String, DocumentRecord> byPath = SampleArchive.get().byPath();

    private long id(String path) {
        DocumentRecord r = byPath.get(path);
        assertTrue(r != null, "no sample " + path);
        return r.id();
    }

    private DocumentCard card(String path) {
        return archive.card(id(path)).orElseThrow();
    }

    @Test
    void regionalRegulationOf2020IsRepealedAndPointsToItsSuccessor() {
        DocumentCard old = card("kuzbass/2020-07-24_prikaz-1291.doc");
        assertEquals("утратил силу", old.status());
        assertEquals(List.of(id("kuzbass/2022-12-15_prikaz-2830.docx")), old.repealedBy());
        assertTrue(old.amendedBy().contains(id("kuzbass/2021-03-12_prikaz-655.rtf")));
        assertTrue(old.approves().contains(id("kuzbass/2020-07-24_polozhenie-rsoko.odt")));
        assertTrue(old.citedBy().size() >= 4, "cited by: " + old.citedBy());
        assertEquals("утратил силу", card("kuzbass/2020-07-24_polozhenie-rsoko.odt").status());
    }

    @Test
    void repealingOrderListsWhatItRepealsAndApproves() {
        DocumentCard order = card("kuzbass/2022-12-15_prikaz-2830.docx");
        assertEquals("действует", order.status());
        assertTrue(order.repeals().containsAll(List.of(id("kuzbass/2020-07-24_prikaz-1291.doc"), id("kuzbass/2021-03-12_prikaz-655.rtf"))));
        assertEquals(List.of(id("kuzbass/2022-12-15_polozhenie-rsoko.pdf")), order.approves());
        assertTrue(order.references().stream().anyMatch(r -> "273-ФЗ".equals(r.number()) && r.targetId() == null),
                "an act outside the archive stays an unresolved reference");
    }

    @Test
    void scannedAmendmentIsLinkedThroughOcr() {
        DocumentCard municipal = card("kemerovo/2021-08-30_prikaz-1487.docx");
        assertEquals(List.of(id("kemerovo/2022-03-14_prikaz-436_scan.pdf")), municipal.amendedBy());
    }

    @Test
    void federalActsCitedByRegionalOnesResolve() {
        DocumentCard selfEvaluationOrder = card("federal/2013-06-14_prikaz-462.html");
        assertTrue(selfEvaluationOrder.citedBy().contains(id("kuzbass/2024-02-05_prikaz-287.txt")));
        assertNull(card("schools/org-kem-12/2024_otchet-samoobsledovanie-2023.docx").status(),
                "a report is not an act and has no in-force status");
    }
}
