package ru.soko.selfeval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndicatorExtractorTest {

    private static final IndicatorCatalogue CATALOGUE = IndicatorCatalogue.load(Optional.empty());
    private final IndicatorExtractor extractor = new IndicatorExtractor(CATALOGUE);

    private static final String TITLE =
            "Показатели деятельности общеобразовательной организации, подлежащей самообследованию\n";

    private IndicatorTable table(String text) {
        return extractor.extract(text).orElseThrow();
    }

    @Test
    void catalogueHoldsTheFourListsOfTheAct() {
        assertEquals(4, CATALOGUE.lists().size());
        IndicatorList school = CATALOGUE.list("school").orElseThrow();
        assertEquals("человек", school.byCode("1.1").unit());
        assertEquals("кв. м", school.byCode("2.6").unit());
        assertTrue(CATALOGUE.list("additional").isPresent());
    }

    @Test
    void catalogueIsReadFromTheConfiguredFolderWhenItHoldsTheFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("indicators.json"), """
                {"lists":[{"list":"school","title":"t","titleWords":["общеобразовательн"],
                  "indicators":[{"code":"1.1","name":"Общая численность учащихся","unit":"человек"}]}]}
                """);
        IndicatorCatalogue own = IndicatorCatalogue.load(Optional.of(dir));
        assertEquals(1, own.lists().get(0).indicators().size());
    }

    @Test
    void textWithoutTheTableGivesNothing() {
        String order = "ПРИКАЗ\nО проведении самообследования\n1. Провести самообследование.\n"
                + "2. Подготовить показатели деятельности организации, подлежащей самообследованию, до 20.04.\n";
        assertTrue(extractor.extract(order).isEmpty());
        assertTrue(extractor.extract("").isEmpty());
    }

    @Test
    void oneCellPerLineTableIsReadRowByRow() {
        String text = "Отчёт\n" + TITLE + "\t№ п/п\n\tПоказатели\n\n\t1.1\n\tОбщая численность учащихся\n\tчеловек\n\t964\n\n"
                + "\t1.2\n\tЧисленность учащихся по образовательной программе начального общего образования\n\tчеловек\n\t412\n\n"
                + "\t1.5\n\tЧисленность/удельный вес численности учащихся, успевающих на «4» и «5» по результатам "
                + "промежуточной аттестации, в общей численности учащихся\n\tчеловек/%\n\t398/41,3%\n";
        IndicatorTable t = table(text);
        assertEquals("school", t.list());
        assertEquals(964.0, t.row("1.1").orElseThrow().value());
        IndicatorValue share = t.row("1.5").orElseThrow();
        assertEquals(398.0, share.value());
        assertEquals(41.3, share.percent());
        assertEquals("398/41,3%", share.cell());
    }

    @Test
    void lineNumberPointsAtTheValueAsPrinted() {
        String text = TITLE + "\t1.1\n\tОбщая численность учащихся\n\tчеловек\n\t964\n"
                + "\t1.24\n\tОбщая численность педагогических работников, в том числе:\n\tчеловек\n\t58\n"
                + "\t2.1\n\tКоличество компьютеров в расчёте на одного учащегося\n\tединиц\n\t0,12\n";
        IndicatorTable t = table(text);
        assertEquals(5, t.row("1.1").orElseThrow().line());
        assertEquals(13, t.row("2.1").orElseThrow().line());
    }

    @Test
    void emptyValueCellGivesNoNumberAndDoesNotSwallowTheNextRow() {
        String text = TITLE + "\t1.30\n\tЧисленность/удельный вес численности педагогических работников в общей "
                + "численности педагогических работников, педагогический стаж работы которых составляет:\n\tчеловек/%\n\n"
                + "\t1.30.1\n\tДо 5 лет\n\tчеловек/%\n\t9/15,5%\n\t1.30.2\n\tСвыше 30 лет\n\tчеловек/%\n\t16/27,6%\n"
                + "\t1.31\n\tЧисленность/удельный вес численности педагогических работников в общей численности "
                + "педагогических работников в возрасте до 30 лет\n\tчеловек/%\n\t8/13,8%\n";
        IndicatorTable t = table(text);
        assertNull(t.row("1.30").orElseThrow().value());
        assertEquals(9.0, t.row("1.30.1").orElseThrow().value());
        assertEquals(27.6, t.row("1.30.2").orElseThrow().percent());
    }

    @Test
    void unitWordsInsideANameAreNotTakenForTheUnit() {
        String text = TITLE + "1.6 Средний балл государственной итоговой аттестации выпускников 9 класса по русскому языку балл 4,0\n"
                + "2.1 Количество компьютеров в расчёте на одного учащегося единиц 0,17\n"
                + "2.2 Количество экземпляров учебной и учебно-методической литературы из общего\n"
                + "количества единиц хранения библиотечного фонда, состоящих на учёте, в расчёте\nна одного учащегося\n\nединиц 23\n";
        IndicatorTable t = table(text);
        assertEquals(4.0, t.row("1.6").orElseThrow().value());
        assertEquals(23.0, t.row("2.2").orElseThrow().value());
    }

    @Test
    void nameContinuedAfterTheValueInAPdfStillMatches() {
        String text = TITLE + "1.14 Численность/удельный вес численности выпускников 9 класса, не получивших аттестаты "
                + "об основном общем образовании, в общей численности выпускников 9 класса человек/% 2/8,3\n"
                + "1.16 Численность/удельный вес численности выпускников 9\nкласса, получивших аттестаты об основном общем\n\n"
                + "человек/% 1/4,2\n\nобразовании с отличием, в общей численности выпускников\n9 класса\n\n"
                + "1.17 Численность/удельный вес численности выпускников 11 класса, получивших аттестаты о среднем общем "
                + "образовании с отличием, в общей численности выпускников 11 класса человек/% —\n";
        IndicatorTable t = table(text);
        assertEquals(1.0, t.row("1.16").orElseThrow().value());
        assertEquals(4.2, t.row("1.16").orElseThrow().percent());
        assertNull(t.row("1.17").orElseThrow().value());
        assertEquals("—", t.row("1.17").orElseThrow().cell());
    }

    @Test
    void spreadsheetDecimalPointAfterTheUnitIsAValueNotACode() {
        String text = "\t" + TITLE.trim() + "\n\t№ п/п\tПоказатели\tЕдиница измерения\tЗначение\n"
                + "\t1.6\tСредний балл государственной итоговой аттестации выпускников 9 класса по русскому языку\tбалл\t4.5\n"
                + "\t1.7\tСредний балл государственной итоговой аттестации выпускников 9 класса по математике\tбалл\t4.3\n"
                + "\t1.8\tСредний балл единого государственного экзамена выпускников 11 класса по русскому языку\tбалл\t79\n";
        IndicatorTable t = table(text);
        assertEquals(4.5, t.row("1.6").orElseThrow().value());
        assertEquals(4.3, t.row("1.7").orElseThrow().value());
        assertEquals(79.0, t.row("1.8").orElseThrow().value());
    }

    @Test
    void codeMisreadByOcrIsMatchedByItsName() {
        String text = TITLE + "2.4.2 С медиатекой да/нет нет\n"
                + "2.43 Оснащённого средствами сканирования и распознавания текстов да/нет да\n"
                + "2.4.4 С выходом в Интернет с компьютера, расположенного в помещении библиотеки да/нет да\n"
                + "1.1 Общая численность учащихся человек З41\n";
        IndicatorTable t = table(text);
        IndicatorValue row = t.row("2.4.3").orElseThrow();
        assertEquals("да", row.cell());
        assertNull(row.value());
        assertEquals(341.0, t.row("1.1").orElseThrow().value());
    }

    @Test
    void rowThatFitsNoIndicatorIsKeptAsUnrecognised() {
        String text = TITLE + "1.1 Общая численность учащихся человек 964\n"
                + "1.2 Численность учащихся по образовательной программе начального общего образования человек 412\n"
                + "1.3 Численность учащихся по образовательной программе основного общего образования человек 451\n"
                + "3.7 Количество оборудованных спортивных площадок на пришкольной территории единиц 2\n";
        IndicatorTable t = table(text);
        IndicatorValue odd = t.rows().get(3);
        assertFalse(odd.recognised());
        assertEquals("3.7", odd.code());
        assertEquals(2.0, odd.value());
    }

    @Test
    void kindergartenTitleSelectsTheKindergartenList() {
        String text = "II. Показатели деятельности дошкольной образовательной организации, подлежащей самообследованию\n"
                + "\t1.1\n\tОбщая численность воспитанников, осваивающих образовательную программу дошкольного "
                + "образования, в том числе:\n\tчеловек\n\t238\n\t1.6\n\tСредний показатель пропущенных дней при посещении "
                + "дошкольной образовательной организации по болезни на одного воспитанника\n\tдень\n\t9,4\n"
                + "\t1.14\n\tСоотношение «педагогический работник/воспитанник» в дошкольной образовательной организации\n"
                + "\tчеловек/человек\n\t1/10,8\n";
        IndicatorTable t = table(text);
        assertEquals("kindergarten", t.list());
        assertEquals(9.4, t.row("1.6").orElseThrow().value());
        assertEquals(10.8, t.row("1.14").orElseThrow().value());
    }

    @Test
    void tableOcrGaveColumnByColumnIsAlignedByUnits() {
        String text = TITLE + "№ п/п\n\n1.1\n\nПоказатели\n\nОбщая численность учащихся\n\n"
                + "Единица\nизмерения\n\nчеловек\n\nчеловек\n\nчеловек\nчеловек\n\nчеловек/%\n\nбалл\n\nбалл\n\n"
                + "Значение\n\n241\n\n108\n\n133\n0\n69/28,6\n\n3,5\n\n3,2\n";
        IndicatorTable t = table(text);
        assertEquals(241.0, t.row("1.1").orElseThrow().value());
        assertEquals(0.0, t.row("1.4").orElseThrow().value());
        assertEquals(28.6, t.row("1.5").orElseThrow().percent());
        assertEquals(3.2, t.row("1.7").orElseThrow().value());
    }

    @Test
    void extractorIsSafeToShareBetweenThreads() throws Exception {
        String text = TITLE + "1.1 Общая численность учащихся человек 964\n"
                + "1.2 Численность учащихся по образовательной программе начального общего образования человек 412\n"
                + "1.3 Численность учащихся по образовательной программе основного общего образования человек 451\n";
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<IndicatorTable>>();
            for (int i = 0; i < 16; i++) {
                futures.add(pool.submit(() -> table(text)));
            }
            for (var f : futures) {
                assertEquals(451.0, f.get().row("1.3").orElseThrow().value());
            }
        } finally {
            pool.shutdown();
        }
    }
}
