package ru.soko.web.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Accessibility checks of the page open in the browser, run in the page itself, without network or
 * third-party rule sets: language, one heading of level 1, a main landmark, labelled fields,
 * alternative text, named links and buttons, unique ids, width on a phone and text contrast.
 */
final class PageChecks {

    /** Narrowest phone width the site must fit without horizontal scrolling. */
    static final int PHONE_WIDTH = 360;

    private static final String STRUCTURE = """
            const problems = [];
            const shown = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
            const describe = el => el.outerHTML.replace(/\\s+/g, ' ').slice(0, 140);
            const named = el => (el.textContent || '').trim() || el.getAttribute('aria-label') || el.getAttribute('title')
                || Array.from(el.querySelectorAll('img[alt]')).some(i => i.alt.trim())
                || (el.getAttribute('aria-labelledby') || '').split(' ').some(id => document.getElementById(id));
            if (document.documentElement.getAttribute('lang') !== 'ru') {
              problems.push('<html> has lang="' + document.documentElement.getAttribute('lang') + '", not "ru"');
            }
            if (!document.title.trim()) {
              problems.push('the page has no <title>');
            }
            const h1 = document.querySelectorAll('h1').length;
            if (h1 !== 1) {
              problems.push(h1 + ' <h1> headings instead of one');
            }
            const main = document.querySelectorAll('main, [role=main]').length;
            if (main !== 1) {
              problems.push(main + ' <main> landmarks instead of one');
            }
            for (const el of document.querySelectorAll('input, select, textarea')) {
              if (el.type === 'hidden' || !shown(el)) continue;
              const labelled = (el.labels && el.labels.length > 0) || el.getAttribute('aria-label')
                || (el.getAttribute('aria-labelledby') || '').split(' ').some(id => document.getElementById(id));
              if (!labelled) problems.push('a field without a label: ' + describe(el));
            }
            for (const el of document.querySelectorAll('img:not([alt]), input[type=image]:not([alt])')) {
              problems.push('an image without alt: ' + describe(el));
            }
            for (const el of document.querySelectorAll('svg[role=img]')) {
              if (!el.getAttribute('aria-label') && !el.querySelector('title')) problems.push('a chart without a name: ' + describe(el));
            }
            for (const el of document.querySelectorAll('a[href], button, [role=button]')) {
              if (!named(el)) problems.push('a link or button without text: ' + describe(el));
            }
            const ids = {};
            for (const el of document.querySelectorAll('[id]')) {
              if (ids[el.id]) problems.push('the id "' + el.id + '" is used twice');
              ids[el.id] = true;
            }
            return problems;
            """;

    private static final String COLOURS = """
            const out = [];
            for (const selector of arguments[0]) {
              const el = Array.from(document.querySelectorAll(selector)).find(e => e.getClientRects().length > 0
                  && (e.textContent || '').trim());
              if (!el) continue;
              const backgrounds = [];
              for (let e = el; e; e = e.parentElement) backgrounds.push(getComputedStyle(e).backgroundColor);
              out.push({selector: selector, text: el.textContent.trim().slice(0, 40), color: getComputedStyle(el).color,
                        backgrounds: backgrounds});
            }
            return out;
            """;

    private PageChecks() {
    }

    /** What is wrong with the structure of the page, as readable sentences; empty when nothing is. */
    @SuppressWarnings("unchecked")
    static List<String> structure(Browser browser) {
        return new ArrayList<>((List<String>) browser.js(STRUCTURE));
    }

    /** How far the page is wider than {@code width} CSS pixels when the window is that wide (0 when it fits). */
    static long overflowAt(Browser browser, int width) {
        browser.viewport(width, 740);
        try {
            browser.driver().navigate().refresh();
            long scrollWidth = ((Number) browser.js("return document.documentElement.scrollWidth;")).longValue();
            return Math.max(0, scrollWidth - width);
        } finally {
            browser.resetViewport();
        }
    }

    /** The elements behind {@code width} CSS pixels that stick out of it, to say what to fix. */
    @SuppressWarnings("unchecked")
    static List<String> widest(Browser browser, int width) {
        browser.viewport(width, 740);
        try {
            browser.driver().navigate().refresh();
            return (List<String>) browser.js("""
                    const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : '');
                    const all = Array.from(document.querySelectorAll('body *'));
                    const scrolled = e => e.parentElement && e.parentElement.closest('.table-wrap');
                    const beyond = all.filter(e => !scrolled(e) && e.getBoundingClientRect().right > arguments[0] + 1)
                      .map(e => name(e) + ' ends at ' + Math.round(e.getBoundingClientRect().right) + ' px');
                    const spilling = all.filter(e => !scrolled(e) && e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible')
                      .map(e => name(e) + ' holds ' + e.scrollWidth + ' px in ' + e.clientWidth + ' px: «'
                        + (e.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 50) + '»');
                    return beyond.concat(spilling).slice(0, 10);
                    """, width);
        } finally {
            browser.resetViewport();
        }
    }

    /** A text colour against its painted background, as found for {@code selector} on the page. */
    record Contrast(String selector, String text, double ratio) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%s «%s» %.2f:1", selector, text, ratio);
        }
    }

    /** The contrast of the first visible element with text for each selector present on the page. */
    @SuppressWarnings("unchecked")
    static List<Contrast> contrast(Browser browser, List<String> selectors) {
        List<Contrast> found = new ArrayList<>();
        for (Map<String, Object> e : (List<Map<String, Object>>) browser.js(COLOURS, selectors)) {
            found.add(new Contrast((String) e.get("selector"), (String) e.get("text"),
                    Wcag.ratio((String) e.get("color"), (List<String>) e.get("backgrounds"))));
        }
        return found;
    }
}
