package ru.soko.requisites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequisiteExtractorTest {

    private static final RequisiteExtractor EXTRACTOR =
            new RequisiteExtractor(IssuerDirectory.load(Optional.of(Path.of("index-config"))));

    private static ExtractedRequisites run(String text) {
        return EXTRACTOR.extract(text, Map.of());
    }

    private static Citation cited(ExtractedRequisites r, String number) {
        return r.citations().stream().filter(c -> number.equals(c.number())).findFirst()
                .orElseThrow(() -> new AssertionError("не найдена ссылка № " + number + " в " + r.citations()));
    }

    @Test
    void readsAnOrderHead() {
        ExtractedRequisites r = run("""
                МИНИСТЕРСТВО ОБРАЗОВАНИЯ КУЗБАССА
                ПРИКАЗ
                от 24.07.2020 № 1291

                г. Кемерово

                Об утверждении Положения о региональной системе оценки качества образования
                Кемеровской области – Кузбасса
                В соответствии с Федеральным законом от 29.12.2012 № 273-ФЗ «Об образовании в Российской Федерации»
                ПРИКАЗЫВАЮ:
                1. Утвердить прилагаемое Положение.

                Министр образования Кузбасса                              С.Ю. Балакирева
                """);
        Requisites q = r.requisites();
        assertEquals("приказ", q.kind());
        assertEquals("Министерство образования Кузбасса", q.issuer());
        assertEquals(LocalDate.of(2020, 7, 24), q.date());
        assertEquals("1291", q.number());
        assertEquals("г. Кемерово", q.place());
        assertEquals("Об утверждении Положения о региональной системе оценки качества образования Кемеровской области – Кузбасса", q.title());
        assertEquals("С.Ю. Балакирева", q.signatory());
        assertEquals("региональный", q.level());
        assertEquals("Кемеровская область – Кузбасс", q.region());
        assertEquals(List.of("273-ФЗ"), r.citations().stream().map(Citation::number).toList());
    }

    @Test
    void dateAndNumberOnSeparateLines() {
        Requisites q = run("МИНИСТЕРСТВО ОБРАЗОВАНИЯ КУЗБАССА\nПРИКАЗ\n\t15.12.2022\n\t№ 2830\n\nг. Кемерово\nО чём-то\nПРИКАЗЫВАЮ:\n")
                .requisites();
        assertEquals(LocalDate.of(2022, 12, 15), q.date());
        assertEquals("2830", q.number());
    }

    @Test
    void blankDraftHasNoDateNorNumberButKeepsTheYear() {
        Requisites q = run("""
                ПРОЕКТ
                УПРАВЛЕНИЕ ОБРАЗОВАНИЯ
                АДМИНИСТРАЦИИ МУНИЦИПАЛЬНОГО ОБРАЗОВАНИЯ
                «СТАРОМАЙНСКИЙ РАЙОН» УЛЬЯНОВСКОЙ ОБЛАСТИ
                П Р И К А З
                \t«__» ________ 2025 г.
                \t№ ____

                р.п. Старая Майна
                Об организации мониторинга
                В соответствии с планом
                """).requisites();
        assertEquals("приказ", q.kind());
        assertNull(q.date());
        assertEquals(2025, q.year());
        assertNull(q.number());
        assertEquals("р.п. Старая Майна", q.place());
        assertEquals("Управление образования администрации муниципального образования «Старомайнский район»", q.issuer());
        assertEquals("Ульяновская область", q.region());
    }

    @Test
    void jointOrderJoinsNumbersAndNamesBothIssuers() {
        Requisites q = run("""
                ФЕДЕРАЛЬНАЯ СЛУЖБА
                ПО НАДЗОРУ В СФЕРЕ
                ОБРАЗОВАНИЯ И НАУКИ
                (Рособрнадзор)
                ПРИКАЗ
                06.05.2019
                № 590
                \tМИНИСТЕРСТВО ПРОСВЕЩЕНИЯ
                РОССИЙСКОЙ ФЕДЕРАЦИИ
                (Минпросвещения России)
                ПРИКАЗ
                06.05.2019
                № 219

                Москва
                Об утверждении методологии и критериев оценки качества общего образования
                В целях развития
                """).requisites();
        assertEquals("590/219", q.number());
        assertEquals("Федеральная служба по надзору в сфере образования и науки", q.issuer());
        assertEquals(List.of("Министерство просвещения Российской Федерации"), q.coIssuers());
        assertEquals("г. Москва", q.place());
        assertEquals("Об утверждении методологии и критериев оценки качества общего образования", q.title());
    }

    @Test
    void citationSplitAcrossLinesWithHyphenationIsFound() {
        ExtractedRequisites r = run("""
                В соответствии с приказом министерства образования Кузбасса от 24.07.2020 №
                1291 «Об утверждении Положения о региональной системе оценки ка-
                чества образования», Федеральным законом от 29.12.2012 № 273-
                ФЗ «Об образовании в Российской Федерации», приказом Федеральной службы по надзору
                в сфере образования и науки и Министерства просвещения Российской Федерации от 06.05.2019
                № 590/219, Законом Кемеровской области от 05.07.2013 № 86-ОЗ «Об образовании»
                """);
        Citation order = cited(r, "1291");
        assertEquals("приказ", order.kind());
        assertEquals("Министерство образования Кузбасса", order.issuer());
        assertEquals(LocalDate.of(2020, 7, 24), order.date());
        assertEquals("Об утверждении Положения о региональной системе оценки качества образования", order.title());
        assertEquals("федеральный закон", cited(r, "273-ФЗ").kind());
        assertNull(cited(r, "273-ФЗ").issuer());
        assertEquals("Федеральная служба по надзору в сфере образования и науки", cited(r, "590/219").issuer());
        assertEquals("закон", cited(r, "86-ОЗ").kind());
    }

    @Test
    void citationsSharingOneKindWordAreAllFound() {
        ExtractedRequisites r = run("стандарты, утверждённые приказами Министерства просвещения Российской Федерации "
                + "от 31.05.2021 № 286 и от 31.05.2021 № 287; самообследование (приказы Минобрнауки России № 462, № 1324)");
        assertEquals("Министерство просвещения Российской Федерации", cited(r, "287").issuer());
        assertEquals("приказ", cited(r, "287").kind());
        assertNull(cited(r, "1324").date());
        assertEquals("Министерство образования и науки Российской Федерации", cited(r, "1324").issuer());
    }

    @Test
    void ocrNoiseDoesNotDefeatExtraction() {
        ExtractedRequisites r = run("""
                MИНИСТЕРСТВО OБРАЗОВАНИЯ KУЗБАССА
                ПРИKАЗ
                от 10.02.2021 Nº 388
                г. Кемерово
                0б утверждении Положения о реестре экспертов РСОКО

                В соответствии с приказом министерства образования Кузбасса от 24.07.2020 N 1291
                ПРИКАЗЫВАЮ:
                1. Утвердить.
                Министр образования Кузбасса С.Ю.Балакирева
                """);
        Requisites q = r.requisites();
        assertEquals("приказ", q.kind());
        assertEquals("Министерство образования Кузбасса", q.issuer());
        assertEquals("388", q.number());
        assertEquals("Об утверждении Положения о реестре экспертов РСОКО", q.title());
        assertEquals("С.Ю. Балакирева", q.signatory());
        assertEquals(LocalDate.of(2020, 7, 24), cited(r, "1291").date());
    }

    @Test
    void repealPointMarksEveryListedActAsRepealed() {
        ExtractedRequisites r = run("""
                МИНИСТЕРСТВО ОБРАЗОВАНИЯ КУЗБАССА
                ПРИКАЗ
                от 15.12.2022 № 2830
                О новой редакции
                ПРИКАЗЫВАЮ:
                1. Утвердить прилагаемое Положение.
                2. Признать утратившими силу:
                2.1. приказ министерства образования Кузбасса от 24.07.2020 № 1291 «Об утверждении Положения»;
                2.2. приказ министерства образования Кузбасса от 12.03.2021 № 655 «О внесении изменений в приказ министерства образования Кузбасса от 24.07.2020 № 1291».
                3. Контроль оставляю за собой.
                """);
        assertEquals(Relation.REPEALS, cited(r, "1291").relation());
        assertEquals(Relation.REPEALS, cited(r, "655").relation());
        assertEquals(2, r.citations().size());
    }

    @Test
    void amendmentTitleMarksTheAmendedAct() {
        ExtractedRequisites r = run("""
                АДМИНИСТРАЦИЯ ГОРОДА КЕМЕРОВО
                УПРАВЛЕНИЕ ОБРАЗОВАНИЯ
                ПРИКАЗ
                от 14.03.2022 № 436
                г. Кемерово
                О внесении изменений в приказ управления образования от 30.08.2021 № 1487

                ПРИКАЗЫВАЮ:
                """);
        assertEquals("О внесении изменений в приказ управления образования от 30.08.2021 № 1487", r.requisites().title());
        assertEquals(Relation.AMENDS, cited(r, "1487").relation());
        assertEquals("Управление образования администрации города Кемерово", r.requisites().issuer());
    }

    @Test
    void annexTakesDateAndIssuerOfItsApprovingOrder() {
        ExtractedRequisites r = run("""
                Утверждено
                приказом Министерства образования Кузбасса
                от 24.07.2020 № 1291
                ПОЛОЖЕНИЕ
                о региональной системе оценки качества образования
                Кемеровской области – Кузбасса
                1. Общие положения
                1.1. Настоящее Положение определяет цели.
                """);
        Requisites q = r.requisites();
        assertEquals("положение", q.kind());
        assertEquals("о региональной системе оценки качества образования Кемеровской области – Кузбасса", q.title());
        assertEquals(LocalDate.of(2020, 7, 24), q.date());
        assertNull(q.number());
        assertNull(q.place());
        assertEquals("Министерство образования Кузбасса", q.issuer());
        assertEquals(Relation.APPROVED_BY, cited(r, "1291").relation());
    }

    @Test
    void ownDateAndNumberAreNotACitation() {
        ExtractedRequisites r = run("""
                МИНИСТЕРСТВО ОБРАЗОВАНИЯ И НАУКИ РОССИЙСКОЙ ФЕДЕРАЦИИ
                ПРИКАЗ
                от 14 июня 2013 г. № 462
                г. Москва
                Об утверждении Порядка
                В соответствии с законом
                Министр Д.В. Ливанов

                Приложение
                Утверждён
                приказом Министерства образования и науки Российской Федерации
                от 14 июня 2013 г. № 462
                ПОРЯДОК
                """);
        assertEquals(LocalDate.of(2013, 6, 14), r.requisites().date());
        assertTrue(r.citations().isEmpty(), r.citations().toString());
    }

    @Test
    void selfEvaluationReportNamesItsSchoolAndYear() {
        Requisites q = run("""
                МУНИЦИПАЛЬНОЕ БЮДЖЕТНОЕ ОБЩЕОБРАЗОВАТЕЛЬНОЕ УЧРЕЖДЕНИЕ
                «ОСНОВНАЯ ОБЩЕОБРАЗОВАТЕЛЬНАЯ ШКОЛА № 3»

                РАССМОТРЕН
                на заседании педагогического совета
                протокол от 05.04.2024 № 3

                УТВЕРЖДАЮ
                Директор МБОУ «ООШ № 3»
                _____________ В.С. Ткаченко

                «08» апреля 2024 г.

                Отчёт о результатах самообследования
                муниципального бюджетного

                общеобразовательного учреждения «Основная
                общеобразовательная школа № 3» за 2023 год

                г. Мариинск, 2024

                Аналитическая часть
                """).requisites();
        assertEquals("отчёт о самообследовании", q.kind());
        assertEquals(LocalDate.of(2024, 4, 8), q.date());
        assertNull(q.number());
        assertEquals("org-mar-3", q.organisation());
        assertEquals(2023, q.reportYear());
        assertEquals("г. Мариинск", q.place());
        assertEquals("В.С. Ткаченко", q.signatory());
        assertEquals("о результатах самообследования муниципального бюджетного общеобразовательного учреждения "
                + "«Основная общеобразовательная школа № 3» за 2023 год", q.title());
        assertEquals("образовательная организация", q.level());
        assertEquals("Мариинский муниципальный округ", q.municipality());
    }

    @Test
    void nothingIsInventedForTextWithoutRequisites() {
        Requisites q = run("Просто заметка без реквизитов.\nВторая строка.").requisites();
        assertEquals("иное", q.kind());
        assertNull(q.issuer());
        assertNull(q.date());
        assertNull(q.number());
        assertNull(q.title());
        assertNull(q.signatory());
    }

    @Test
    void emptyTextGivesNothing() {
        assertEquals(ExtractedRequisites.NONE, run("  "));
    }

    @Test
    void unseenOrderLayoutWithDateInWordsAndCapitalTitleIsRead() {
        Requisites q = run("""
                КОМИТЕТ ОБРАЗОВАНИЯ И НАУКИ
                АДМИНИСТРАЦИИ ГОРОДА НОВОКУЗНЕЦКА
                РАСПОРЯЖЕНИЕ
                «15» декабря 2022 г.                 № 283-р
                г. Новокузнецк
                ОБ УТВЕРЖДЕНИИ ГРАФИКА
                МОНИТОРИНГОВЫХ ПРОЦЕДУР
                На основании приказа министерства образования Кузбасса от 15.12.2022 № 2830
                Председатель комитета                О.Н. Щербакова
                """).requisites();
        assertEquals("распоряжение", q.kind());
        assertEquals("Комитет образования и науки администрации города Новокузнецка", q.issuer());
        assertEquals(LocalDate.of(2022, 12, 15), q.date());
        assertEquals("283-р", q.number());
        assertEquals("г. Новокузнецк", q.place());
        assertEquals("ОБ УТВЕРЖДЕНИИ ГРАФИКА МОНИТОРИНГОВЫХ ПРОЦЕДУР", q.title());
        assertEquals("О.Н. Щербакова", q.signatory());
        assertEquals("Новокузнецкий городской округ", q.municipality());
    }
}
