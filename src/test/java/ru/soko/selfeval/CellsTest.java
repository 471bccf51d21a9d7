package ru.soko.selfeval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CellsTest {

    @Test
    void peopleAndPercentCellGivesBothNumbers() {
        Cell c = Cells.parse("312/54,3%", "человек/%");
        assertEquals(312.0, c.value());
        assertEquals(54.3, c.percent());
    }

    @Test
    void peopleWordAndSpacesAroundTheSlashAreAllowed() {
        Cell c = Cells.parse("312 чел./54,3 %", "человек/%");
        assertEquals(312.0, c.value());
        assertEquals(54.3, c.percent());
        Cell spaced = Cells.parse("647 / 59,0 %", "человек/%");
        assertEquals(647.0, spaced.value());
        assertEquals(59.0, spaced.percent());
    }

    @Test
    void pairWithoutPercentSignStillGivesThePercent() {
        Cell c = Cells.parse("71/30,1", "человек/%");
        assertEquals(71.0, c.value());
        assertEquals(30.1, c.percent());
    }

    @Test
    void decimalCommaAndSpreadsheetDecimalPointBothRead() {
        assertEquals(3.9, Cells.parse("3,9", "балл").value());
        assertEquals(4.5, Cells.parse("4.5", "балл").value());
        assertEquals(198452.6, Cells.parse("198452,6", "тыс. руб.").value());
    }

    @Test
    void dashEmptyAndNoDataGiveNoNumberNotZero() {
        for (String s : new String[] {"—", "-", "–", "", "нет данных"}) {
            Cell c = Cells.parse(s, "человек/%");
            assertNull(c.value(), s);
            assertNull(c.percent(), s);
        }
    }

    @Test
    void yesNoCellKeepsItsTextAndGivesNoNumber() {
        Cell c = Cells.parse("нет", "да/нет");
        assertNull(c.value());
        assertEquals("нет", c.text());
    }

    @Test
    void ratioCellGivesTheSecondNumber() {
        Cell c = Cells.parse("1/10,8", "человек/человек");
        assertEquals(10.8, c.value());
        assertNull(c.percent());
    }

    @Test
    void ocrLookalikeLettersAndSpacesInsideNumbersAreMended() {
        Cell c = Cells.parse("3О/1О,5%", "человек/%");
        assertEquals(30.0, c.value());
        assertEquals(10.5, c.percent());
        assertEquals(12.0, Cells.parse("l2", "человек").value());
        assertEquals(33.0, Cells.parse("З3", "человек").value());
        assertEquals(1003.0, Cells.parse("1 003", "человек").value());
        assertEquals(52.4, Cells.parse("52, 4", "кв. м").value());
    }

    @Test
    void wordsAreNotValuesEvenWhenTheyStartWithDigitLikeLetters() {
        assertFalse(Cells.isValue("Общая численность"));
        assertFalse(Cells.isValue("Значение"));
        assertTrue(Cells.isValue("0/0,0"));
    }

    @Test
    void unitsAreReadInTheirPrintedForms() {
        assertEquals("человек/%", Cells.canonicalUnit("чел./%"));
        assertEquals("кв. м", Cells.canonicalUnit("КВ. М"));
        assertEquals("да/нет", Cells.canonicalUnit("да / нет"));
    }

    @Test
    void valueFitsOnlyARowOfAMatchingUnit() {
        assertTrue(Cells.fits("3/11,1", "человек/%"));
        assertFalse(Cells.fits("3,5", "человек/%"));
        assertFalse(Cells.fits("3,5", "человек"));
        assertTrue(Cells.fits("нет", "да/нет"));
        assertFalse(Cells.fits("18", "да/нет"));
    }
}
