package ru.soko.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcedureDetectorTest {

    private final ProcedureDetector detector = new ProcedureDetector(Map.of(
            "ВПР", List.of("ВПР", "всероссийские проверочные работы"),
            "Самообследование", List.of("самообследование")));

    @Test
    void acronymMatchesAsAWholeWordInCapitalsOnly() {
        assertEquals(List.of("ВПР"), detector.detect("Итоги ВПР-2023 по математике"));
        assertEquals(List.of(), detector.detect("впр и ВПРО не считаются"));
    }

    @Test
    void wordsMatchInAnyFormAcrossSpacesLineBreaksAndHyphens() {
        assertEquals(List.of("ВПР"), detector.detect("о проведении Всероссийских  проверочных\nработ в 2024 году"));
        assertEquals(List.of("Самообследование"), detector.detect("отчёт о результатах самообследования"));
    }

    @Test
    void wordsOfAMarkMustFollowEachOtherWithoutPunctuation() {
        assertEquals(List.of(), detector.detect("всероссийские, проверочные работы"));
        assertEquals(List.of(), detector.detect("непроверочные всероссийские работы"));
    }
}
