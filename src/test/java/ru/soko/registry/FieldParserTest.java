package ru.soko.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FieldParserTest {

    private static FieldSpec field(String type, boolean required, List<String> values) {
        return new FieldSpec("f", "Поле", type, required, false, false, values, List.of(), null, null);
    }

    @Test
    void checksInnCheckDigitsForOrganisationsAndPersons() {
        assertEquals("4205012340", FieldParser.inn("4205012340").value());
        assertNotNull(FieldParser.inn("4205012341").error());
        assertEquals("0708002213", FieldParser.inn("708002213").value(), "Excel's lost leading zero is restored");
        assertEquals("500100732259", FieldParser.inn("500100732259").value(), "12-digit ИНН of a person");
        assertNotNull(FieldParser.inn("12345").error());
    }

    @Test
    void checksOgrnCheckDigit() {
        assertEquals("1027700132195", FieldParser.ogrn("1027700132195").value());
        assertNotNull(FieldParser.ogrn("1027700132196").error());
        assertNotNull(FieldParser.ogrn("102770013219").error());
    }

    @Test
    void readsDatesInUsualRussianFormsAndRefusesImpossibleOnes() {
        FieldSpec date = field("date", false, List.of());
        assertEquals("2025-09-01", FieldParser.parse(date, "01.09.2025").value());
        assertEquals("2025-09-01", FieldParser.parse(date, "1 сентября 2025 г.").value());
        assertEquals("2025-09-01", FieldParser.parse(date, "2025-09-01").value());
        assertTrue(FieldParser.parse(date, "31.02.2024").error().contains("31.02.2024"));
        assertNotNull(FieldParser.parse(date, "вчера").error());
    }

    @Test
    void acceptsOnlyRealUrls() {
        FieldSpec url = field("url", false, List.of());
        assertEquals("https://school12.ru", FieldParser.parse(url, "https://school12.ru").value());
        assertEquals("https://school12.ru", FieldParser.parse(url, "school12.ru").value());
        assertNotNull(FieldParser.parse(url, "сайт школы").error());
    }

    @Test
    void statusesAndEnumsComeFromTheFixedList() {
        FieldSpec status = field("status", false, List.of("действует", "исключён"));
        assertEquals("исключён", FieldParser.parse(status, "Исключен").value());
        assertTrue(FieldParser.parse(status, "уволен").error().contains("допустимо"));
    }

    @Test
    void requiredEmptyCellIsAnErrorOptionalIsNull() {
        assertNotNull(FieldParser.parse(field("text", true, List.of()), " ").error());
        assertNull(FieldParser.parse(field("text", false, List.of()), "—").value());
    }

    @Test
    void refusesAStudentsNameWhereOnlyACodeMayStand() {
        FieldSpec student = field("pseudonym", true, List.of());
        assertNotNull(FieldParser.parse(student, "Петров Иван Сергеевич").error());
        assertEquals("У-2024-0153", FieldParser.parse(student, "У-2024-0153").value());
    }
}
