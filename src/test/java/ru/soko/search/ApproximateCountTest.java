package ru.soko.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ApproximateCountTest {

    @Test
    void keepsTwoSignificantDigitsAndGroupsThousands() {
        assertEquals("470\u00a0000", ApproximateCount.of(467_564));
        assertEquals("1\u00a0400", ApproximateCount.of(1_449));
        assertEquals("1\u00a0000\u00a0000", ApproximateCount.of(998_765));
        assertEquals("96", ApproximateCount.of(96));
        assertEquals("0", ApproximateCount.of(0));
    }
}
