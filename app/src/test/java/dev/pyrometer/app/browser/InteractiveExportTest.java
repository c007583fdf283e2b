package dev.pyrometer.app.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.app.ui.support.DemoProfiles;
import dev.pyrometer.model.aggregate.KeyBy;
import dev.pyrometer.model.aggregate.Selection;
import dev.pyrometer.model.interchange.ExportOptions;
import dev.pyrometer.model.interchange.Format;
import dev.pyrometer.model.interchange.ProfileFiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exported SVG and HTML flame graphs opened in headless Chromium and used as a reader would: a click on a frame
 * zooms into it, a search highlights the matches and gives their share, the page says what is under the mouse, and
 * the HTML page shows the sandwich of the clicked function. Checked in the page's DOM; the files fetch nothing.
 */
class InteractiveExportTest {
    private static final ExportOptions OPTIONS = new ExportOptions(Selection.ALL, KeyBy.FUNCTION, true);
    private static final String PARSE = "parse (/srv/app/app.py:29)";
    @TempDir
    Path dir;

    /** {@code g.f} of the SVG whose label is {@code label}, the widest first. */
    private static String frame(String label) {
        return "[...document.querySelectorAll('g.f')].filter(g => g.getAttribute('data-label') === '" + label + "')"
            + ".sort((a, b) => b.querySelector('rect').getAttribute('width') - a.querySelector('rect').getAttribute('width'))[0]";
    }

    @Test
    void theSvgZoomsOnAClickAndSearches() throws Exception {
        Path svg = dir.resolve("three.svg");
        ProfileFiles.write(DemoProfiles.threeCallers(), svg, Format.SVG, OPTIONS);
        try (Chromium browser = Chromium.start()) {
            browser.open(svg.toUri().toString());
            assertEquals(3.0, browser.evalNumber("[...document.querySelectorAll('g.f')].filter(g => g.getAttribute('data-label') === '"
                + PARSE + "').length"), "parse under load, save and the worker's loop");
            browser.eval("(" + frame(PARSE) + ").id = 'clicked'");
            browser.click("#clicked rect");
            browser.await("the frame is zoomed into", "document.getElementById('clicked').classList.contains('zoomed')");
            assertEquals(1180, browser.evalNumber("+document.querySelector('#clicked rect').getAttribute('width')"), 0.6,
                "the clicked frame is drawn full width");
            assertTrue(browser.eval("(" + frame("load (/srv/app/app.py:10)") + ").classList.contains('parent')").getAsBoolean(),
                "its caller stays, faded, below it");
            assertTrue(browser.eval("(" + frame("save (/srv/app/app.py:20)") + ").classList.contains('hide')").getAsBoolean(),
                "frames beside it are hidden");
            double scan = browser.evalNumber("+(" + frame("scan (/srv/app/app.py:50)") + ").querySelector('rect').getAttribute('width')");
            assertEquals(1180 * 5 / 7.0, scan + 0.5, 1, "its callee, scaled with it (5 of its 7 samples)");
            assertEquals("", browser.evalString("document.getElementById('reset').style.display"), "Reset Zoom appears");

            browser.hover("#clicked rect");
            browser.await("the details line describes the frame", "document.getElementById('details').textContent.startsWith('"
                + PARSE + " — 7 samples')");

            browser.promptAnswer = "scan";
            browser.click("#search");
            browser.await("the matches are highlighted", "document.querySelectorAll('g.f.match').length === 2");
            assertEquals("Matched: 38.1% (2 frames)", browser.evalString("document.getElementById('matched').textContent"),
                "8 of 21 samples");
            assertEquals(List.of("rgb(230,0,230)", "rgb(230,0,230)"), List.of(
                browser.evalString("document.querySelectorAll('g.f.match rect')[0].getAttribute('fill')"),
                browser.evalString("document.querySelectorAll('g.f.match rect')[1].getAttribute('fill')")));
            assertEquals(1, browser.prompts.size(), "Search asked for the text");

            browser.click("#reset");
            browser.await("zoomed out", "document.querySelectorAll('g.f.hide').length === 0");
            assertEquals("none", browser.evalString("document.getElementById('reset').style.display"));
            assertEquals(List.of(svg.toUri().toString()), browser.requests, "the file fetched nothing");
        }
    }

    @Test
    void theHtmlPageZoomsSearchesAndShowsTheSandwichOfTheClickedFunction() throws Exception {
        Path html = dir.resolve("three.html");
        ProfileFiles.write(DemoProfiles.threeCallers(), html, Format.HTML, OPTIONS);
        try (Chromium browser = Chromium.start()) {
            browser.open(html.toUri().toString());
            browser.await("the flame graph is drawn", "document.querySelectorAll('#flame g.f').length > 5");
            assertTrue(browser.evalString("document.getElementById('summary').textContent").startsWith("21 samples"));
            String parse = "[...document.querySelectorAll('#flame g.f')].filter(g => g.textContent.startsWith('parse'))"
                + ".sort((a, b) => b.querySelector('rect').getAttribute('width') - a.querySelector('rect').getAttribute('width'))[0]";
            browser.eval("(" + parse + ").id = 'clicked'");
            browser.click("#clicked rect");
            browser.await("the sandwich is shown", "!document.getElementById('sandwich').hidden");
            assertEquals("Sandwich: " + PARSE, browser.evalString("document.getElementById('sandwich-title').textContent"));
            assertEquals("called by 3 functions · 3 call paths", browser.evalString("document.getElementById('sandwich-callers-count').textContent"));
            assertTrue(browser.evalString("document.getElementById('sandwich-total').textContent").startsWith("Total 71.4% · 15 samples"),
                browser.evalString("document.getElementById('sandwich-total').textContent"));
            assertEquals(List.of("load", "loop", "main", "parse", "save"), texts(browser, "#callers"),
                "callers merged over the three call sites, the function where they meet");
            assertEquals(List.of("emit", "parse", "scan"), texts(browser, "#callees"));
            assertEquals(1199.5, browser.evalNumber("[...document.querySelectorAll('#flame g.f')].filter(g => g.textContent.startsWith('parse'))"
                + "[0].querySelector('rect').getAttribute('width')"), 0.01, "the main graph zoomed into the clicked frame");
            assertFalse(browser.eval("document.getElementById('reset').hidden").getAsBoolean());

            browser.click("#search");
            browser.type("scan");
            browser.press("Enter", 13, 0);
            browser.await("the matches are highlighted", "document.querySelectorAll('#flame g.f.match').length === 1");
            assertEquals("2 frames · 38.1%", browser.evalString("document.getElementById('matched').textContent"));
            assertEquals("rgb(230, 0, 230)", browser.evalString("getComputedStyle(document.querySelector('#flame g.f.match rect')).fill"));

            // A caller in the sandwich: the sandwich moves to it.
            browser.eval("[...document.querySelectorAll('#callers g.f')].find(g => g.textContent.startsWith('save')).id = 'caller'");
            browser.click("#caller rect");
            browser.await("the sandwich of save", "document.getElementById('sandwich-title').textContent.startsWith('Sandwich: save')");
            assertEquals(List.of(html.toUri().toString()), browser.requests, "the page fetched nothing");
        }
    }

    /** The function names a sandwich half draws, sorted. */
    private static List<String> texts(Chromium browser, String svg) throws Exception {
        String joined = browser.evalString("[...document.querySelectorAll('" + svg + " g.f text')].map(t => t.textContent.split(' ')[0])"
            + ".filter((v, i, a) => a.indexOf(v) === i).sort().join(',')");
        return List.of(joined.split(","));
    }
}
