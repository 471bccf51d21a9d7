package ru.soko.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RequisiteQueryTest {

    @Test
    void readsActNumbersAndDates() {
        RequisiteQuery q = RequisiteQuery.of("приказ 1291 от 24.07.2020");
        assertEquals(List.of("1291"), q.numbers());
        assertEquals(List.of("2020-07-24"), q.dates());
        assertEquals(List.of("273-фз"), RequisiteQuery.of("№ 273-ФЗ").numbers());
        assertEquals(List.of("590/219"), RequisiteQuery.of("590/219").numbers());
        assertEquals(List.of("1802"), RequisiteQuery.of("постановление 1802").numbers());
    }

    @Test
    void aBareYearOrASchoolNumberIsNotAnActNumber() {
        assertTrue(RequisiteQuery.of("самообследование 2023").isEmpty());
        assertTrue(RequisiteQuery.of("СОШ № 12 самообследование").isEmpty());
        assertTrue(RequisiteQuery.of("Лицей № 76").isEmpty());
        assertEquals(List.of("2023"), RequisiteQuery.of("приказ № 2023").numbers(), "after № even a year-like number is a number");
    }
}
