package ru.soko.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceLineBreakIteratorTest {

    private static List<Integer> boundaries(String text) {
        BreakIterator it = new SentenceLineBreakIterator();
        it.setText(text);
        List<Integer> found = new ArrayList<>();
        for (int b = it.first(); b != BreakIterator.DONE; b = it.next()) {
            found.add(b);
        }
        return found;
    }

    @Test
    void breaksAfterSentenceEndsFollowedByACapitalAndAfterLineBreaks() {
        String text = "Провести ВПР. Итоги подвести\nк маю! 2. Контроль";
        assertEquals(List.of(0, 14, 29, 36, text.length()), boundaries(text));
    }

    @Test
    void abbreviationsAndPointNumbersStayWithWhatFollows() {
        assertEquals(List.of(0, 22), boundaries("в г. Кемерово, т. е. в"));
    }

    @Test
    void precedingAndFollowingFindTheNearestBoundaries() {
        BreakIterator it = new SentenceLineBreakIterator();
        it.setText("Первое. Второе. Третье");
        assertEquals(16, it.following(9));
        assertEquals(8, it.preceding(9));
        assertEquals(BreakIterator.DONE, it.following(22));
        assertEquals(BreakIterator.DONE, it.preceding(0));
    }
}
