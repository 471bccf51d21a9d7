package ru.soko.selfeval;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import ru.soko.catalog.DocumentRecord;
import ru.soko.testing.SampleArchive;

/**
 * Runs the extractor on the text the archive stores for every labelled self-evaluation report and
 * compares value and percent of every labelled row (a row is right when both equal the label within
 * 0.001, a missing figure equal to a missing one); prints the per-report table and every mismatch.
 */
class IndicatorAccuracyTest {

    @Test
    void extractionMeetsTheAccuracyThresholdsOnTheLabelledReports() {
        List<SelfEvalLabels> labels = SelfEvalLabels.load();
        IndicatorExtractor extractor = new IndicatorExtractor(IndicatorCatalogue.load(Optional.empty()));
        AccuracyTally tally = new AccuracyTally();
        var records = SampleArchive.get().byPath();
        for (SelfEvalLabels label : labels) {
            DocumentRecord record = records.get(label.samplePath());
            if (record == null) {
                throw new AssertionError("в образцовом архиве нет документа " + label.samplePath());
            }
            tally.add(label, extractor.extract(record.text()));
        }
        System.out.println("Точность чтения показателей самообследования (" + labels.size() + " отчётов)");
        System.out.println(tally.table());
        System.out.println("Расхождения (" + tally.mismatches().size() + "):");
        tally.mismatches().forEach(System.out::println);

        assertAll(
                () -> assertTrue(tally.share(false) >= 0.95,
                        "отчёты с текстовым слоем: верно " + tally.share(false) + " < 0.95"),
                () -> assertTrue(tally.share(true) >= 0.85,
                        "сканы: верно " + tally.share(true) + " < 0.85"));
    }
}
