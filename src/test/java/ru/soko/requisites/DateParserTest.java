package ru.soko.requisites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DateParserTest {

    @Test
    void readsNumericDate() {
        assertEquals(LocalDate.of(2022, 12, 15), DateParser.parse("15.12.2022").orElseThrow());
    }

    @Test
    void readsDateAfterOt() {
        assertEquals(LocalDate.of(2020, 7, 24), DateParser.parse("от 24.07.2020 № 1291").orElseThrow());
    }

    @Test
    void readsDateInWordsWithYearSuffix() {
        DateParser.DateMatch m = DateParser.first("от 15 декабря 2022 г. № 5").orElseThrow();
        assertEquals(LocalDate.of(2022, 12, 15), m.date());
        assertEquals("15 декабря 2022 г.", "от 15 декабря 2022 г. № 5".substring(m.start(), m.end()));
    }

    @Test
    void readsQuotedDayOfApprovalStamp() {
        assertEquals(LocalDate.of(2023, 4, 14), DateParser.parse("«14» апреля 2023 г.").orElseThrow());
    }

    @Test
    void blankDraftDateKeepsTheYearOnly() {
        DateParser.DateMatch m = DateParser.first("«__» ________ 2022 г.").orElseThrow();
        assertNull(m.date());
        assertEquals(2022, m.year());
    }

    @Test
    void impossibleDateIsNoDate() {
        assertTrue(DateParser.parse("31.02.2022").isEmpty());
    }
}
