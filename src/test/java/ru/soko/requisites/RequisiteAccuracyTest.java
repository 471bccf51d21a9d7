package ru.soko.requisites;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import ru.soko.catalog.DocumentRecord;
import ru.soko.testing.SampleArchive;

/**
 * Runs the extractor on the text the archive stores for every labelled sample document and holds it
 * to the accuracy the archive needs; prints the per-field table and every mismatch.
 */
class RequisiteAccuracyTest {

    @Test
    void extractionMeetsTheAccuracyThresholdsOnTheLabelledSamples() {
        List<LabelledDocument> labels = LabelledDocument.loadAll("/labels/regulatory.json", "/labels/schools.json");
        RequisiteExtractor extractor = new RequisiteExtractor(IssuerDirectory.load(Optional.empty()));
        AccuracyReport report = new AccuracyReport(labels);
        var records = SampleArchive.get().byPath();
        for (LabelledDocument label : labels) {
            DocumentRecord record = records.get(label.path());
            if (record == null) {
                throw new AssertionError("в образцовом архиве нет документа " + label.path());
            }
            report.add(label, extractor.extract(record.text(), record.metadata()));
        }
        System.out.println("Точность извлечения реквизитов (" + labels.size() + " документов)");
        System.out.println(report.table());
        System.out.println("Расхождения (" + report.mismatches().size() + "):");
        System.out.println(report.mismatchList());

        assertAll(
                () -> assertTrue(report.accuracy("kind") >= 0.95, "kind"),
                () -> assertTrue(report.accuracy("date") >= 0.95, "date"),
                () -> assertTrue(report.accuracy("number") >= 0.95, "number"),
                () -> assertTrue(report.accuracy("issuer") >= 0.90, "issuer"),
                () -> assertTrue(report.accuracy("title") >= 0.90, "title"),
                () -> assertTrue(report.referenceRecall() >= 0.90, "references recall"),
                () -> assertTrue(report.referencePrecision() >= 0.95, "references precision"),
                () -> assertTrue(report.accuracy("place") >= 0.90, "place"),
                () -> assertTrue(report.accuracy("signatory") >= 0.90, "signatory"),
                () -> assertTrue(report.accuracy("level") >= 0.90, "level"),
                () -> assertTrue(report.accuracy("organisation") >= 0.90, "organisation"),
                () -> assertTrue(report.accuracy("reportYear") >= 0.90, "reportYear"));
    }
}
