package ru.soko.web.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The contrast arithmetic the browser tests rely on, against the WCAG's own reference values. */
class WcagTest {

    @Test
    void blackOnWhiteIs21AndGreyOnWhiteIsJustAboveTheAaLine() {
        assertEquals(21.0, Wcag.ratio("rgb(0, 0, 0)", List.of("rgb(255, 255, 255)")), 0.01);
        assertEquals(4.54, Wcag.ratio("rgb(118, 118, 118)", List.of("rgba(0, 0, 0, 0)")), 0.01, "#767676, the lightest AA grey");
        assertEquals(1.0, Wcag.ratio("rgb(10, 20, 30)", List.of("rgb(10, 20, 30)")), 0.001);
    }

    @Test
    void transparentLayersAreLaidOverWhatIsBelowThem() {
        double halfBlackOverWhite = Wcag.ratio("rgb(255, 255, 255)", List.of("rgba(0, 0, 0, 0.5)", "rgb(255, 255, 255)"));
        double grey = Wcag.ratio("rgb(255, 255, 255)", List.of("rgb(127.5, 127.5, 127.5)"));
        assertEquals(grey, halfBlackOverWhite, 0.001);
        assertEquals(Wcag.ratio("rgb(27, 31, 36)", List.of("rgb(255, 255, 255)")),
                Wcag.ratio("rgb(27, 31, 36)", List.of("rgba(0, 0, 0, 0)", "rgba(0, 0, 0, 0)")), 0.001, "nothing painted means white");
    }
}
