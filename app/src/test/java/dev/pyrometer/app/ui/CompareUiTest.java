package dev.pyrometer.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.app.desktop.DesktopRequest;
import dev.pyrometer.app.ui.common.FxTaskRunner;
import dev.pyrometer.app.ui.compare.ChangePalette;
import dev.pyrometer.app.ui.compare.CompareView;
import dev.pyrometer.app.ui.compare.CompareViewModel;
import dev.pyrometer.app.ui.flame.FlameCanvas;
import dev.pyrometer.app.ui.flame.FlameGeometry;
import dev.pyrometer.app.ui.flame.FlameGraphViewModel;
import dev.pyrometer.app.ui.flame.FlameScene;
import dev.pyrometer.app.ui.flame.FlameStyle;
import dev.pyrometer.app.ui.shell.WorkbenchView;
import dev.pyrometer.app.ui.shell.WorkbenchViewModel;
import dev.pyrometer.app.ui.support.CompareProfiles;
import dev.pyrometer.app.ui.support.Fx;
import dev.pyrometer.app.ui.support.TestServices;
import dev.pyrometer.app.ui.support.Workbenches;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The comparison tab driven through its controls, and checked in the colours it actually paints. */
@ExtendWith(ApplicationExtension.class)
class CompareUiTest {
    @TempDir
    static Path dir;
    private static CompareProfiles programs;
    private final TestServices test = new TestServices();
    private WorkbenchView view;

    @BeforeAll
    static void program() throws Exception {
        programs = CompareProfiles.in(dir);
    }

    @Start
    void start(Stage stage) {
        test.files.files.put(dir.resolve("a.pyro"), programs.run("a", 740, 230, 30, "3.11.7", 0));
        test.files.files.put(dir.resolve("b.pyro"), programs.run("b", 230, 750, 20, "3.12.1", 0));
        view = Workbenches.show(stage, test.services(new FxTaskRunner(), dir), 1500, 950);
    }

    private CompareView compare(String base, String news) {
        WorkbenchViewModel model = view.model();
        Fx.runFx(() -> model.handle(DesktopRequest.compare(dir.resolve(base), dir.resolve(news))));
        Fx.await("the comparison is painted", () -> view.selectedCompareView() != null
            && view.selectedCompareView().model().comparison() != null
            && painted(view.selectedCompareView().diffFlame().canvas(), view.selectedCompareView().model().diffFlame()));
        return Fx.onFx(view::selectedCompareView);
    }

    private static boolean painted(FlameCanvas canvas, FlameGraphViewModel flame) {
        return flame.scene() != null && canvas.paintedScene() == flame.scene() && canvas.canvas().getWidth() > 0;
    }

    @Test
    void theMovedHotFunctionShowsInTheColoursTheTableAndTheSourceGutter(FxRobot robot) {
        CompareView compare = compare("a.pyro", "b.pyro");
        CompareViewModel model = compare.model();
        assertEquals("a.pyro → b.pyro", Fx.onFx(() -> view.tabs().getSelectionModel().getSelectedItem().getText()));
        assertTrue(robot.lookup("#compare-differs").queryLabeled().getText().contains("Python 3.11.7 → 3.12.1"));
        assertTrue(robot.lookup(".top-change").queryLabeled().getText().startsWith("▲ hot_b +52.0 pp"));

        // Painted: hot_b in the strongest red, hot_a in the strongest blue.
        int[] counts = Fx.onFx(() -> count(compare.diffFlame().canvas(), ChangePalette.RED_BLUE.color(ChangePalette.LEVELS, false),
            ChangePalette.RED_BLUE.color(-ChangePalette.LEVELS, false)));
        assertTrue(counts[0] > 5000, "red pixels: " + counts[0]);
        assertTrue(counts[1] > 1000, "blue pixels: " + counts[1]);

        // The hover card says base, new, change and noise.
        robot.moveTo(Fx.onFx(() -> centreOf(compare.diffFlame().canvas(), model.diffFlame().scene(), "hot_b")));
        Fx.await("the hover card shows", () -> compare.lookup("#flame-tooltip").isVisible());
        String card = Fx.onFx(() -> compare.lookupAll(".flame-tooltip-note").stream().map(n -> ((Label) n).getText()).toList()).toString();
        assertTrue(card.contains("Total  base 23.0%  →  new 75.0%   +52.0 pp"), card);
        assertTrue(card.contains("Beyond noise"), card);

        // Picking the top row selects hot_b everywhere and opens its source with per-line deltas.
        Node hotBRow = robot.lookup("#delta-table .table-row-cell").nth(0).query();
        robot.clickOn(hotBRow);
        Fx.await("the source pane shows the program", () -> compare.source().codeArea().getText().contains("def hot_b"));
        Fx.await("the pane opened at hot_b's line", () -> compare.source().targetLine() == programs.hotBLine);
        Fx.await("the per-line deltas are in", () -> model.source().deltas() != null);
        assertTrue(gutterClasses(compare, programs.hotBLine).contains("delta-more"), gutterText(compare, programs.hotBLine));
        assertTrue(gutterClasses(compare, programs.hotALine).contains("delta-less"), gutterText(compare, programs.hotALine));
        assertTrue(gutterText(compare, programs.hotBLine).matches("\\s*23%\\s+75%\\s+\\+52\\.0"), gutterText(compare, programs.hotBLine));
        assertEquals("hot_b", Fx.onFx(() -> model.diffFlame().scene().layout().tree().keys()
            .function(model.diffFlame().scene().selectedKey())));

        // Side by side, the base run outlines the same function.
        robot.clickOn("#compare-mode-side-by-side");
        Fx.await("the base run is painted", () -> painted(compare.baseFlame().canvas(), model.baseFlame()));
        assertTrue(Fx.onFx(() -> compare.baseFlame().isVisible() && compare.baseFlame().getScene() != null));
        assertEquals("hot_b", Fx.onFx(() -> model.baseFlame().scene().layout().tree().keys().function(model.baseFlame().scene().selectedKey())));

        // The colour-blind-safe palette repaints in orange and blue.
        Fx.runFx(() -> model.paletteProperty().set(ChangePalette.ORANGE_BLUE));
        Fx.await("the new palette is painted", () -> painted(compare.newFlame().canvas(), model.newFlame())
            && count(compare.newFlame().canvas(), ChangePalette.ORANGE_BLUE.color(ChangePalette.LEVELS, false))[0] > 1000);

        robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
        Fx.await("the comparison closed", () -> view.model().comparisons().isEmpty());
    }

    @Test
    void aRunComparedWithItselfIsGreyEverywhere(FxRobot robot) {
        CompareView compare = compare("a.pyro", "a.pyro");
        CompareViewModel model = compare.model();
        Color[] changes = changeColours(ChangePalette.RED_BLUE, false);
        int[] counts = Fx.onFx(() -> count(compare.diffFlame().canvas(), changes));
        for (int i = 0; i < counts.length; i++) assertEquals(0, counts[i], "pixels in change colour " + changes[i]);
        assertTrue(Fx.onFx(() -> count(compare.diffFlame().canvas(), ChangePalette.RED_BLUE.neutral(false))[0]) > 5000,
            "the frames are painted, in the neutral grey");
        assertEquals("No change beyond sampling noise.", robot.lookup("#compare-verdict").queryLabeled().getText());
        assertTrue(robot.lookup("#legend-more").queryLabeled().getText().contains("no change beyond noise"));
        assertEquals("0 of 5 beyond noise", robot.lookup("#delta-summary").queryLabeled().getText());

        robot.clickOn("#compare-mode-side-by-side");
        Fx.await("both runs are painted", () -> painted(compare.baseFlame().canvas(), model.baseFlame())
            && painted(compare.newFlame().canvas(), model.newFlame()));
        for (FlameCanvas canvas : List.of(compare.baseFlame().canvas(), compare.newFlame().canvas())) {
            int[] sides = Fx.onFx(() -> count(canvas, changes));
            for (int c : sides) assertEquals(0, c);
        }
        Fx.runFx(() -> view.model().darkProperty().set(true));
        Color[] dark = changeColours(ChangePalette.RED_BLUE, true);
        Fx.await("the dark theme is painted", () -> count(compare.newFlame().canvas(), ChangePalette.RED_BLUE.neutral(true))[0] > 5000);
        for (int c : Fx.onFx(() -> count(compare.newFlame().canvas(), dark))) assertEquals(0, c);
    }

    @Test
    void fileCompareAsksForTwoRunsAndBaselineComparesTheTabShown(FxRobot robot) {
        WorkbenchViewModel model = view.model();
        Fx.runFx(() -> model.open(List.of(dir.resolve("a.pyro"), dir.resolve("b.pyro"))));
        Fx.await("both sessions are open", () -> model.workspaces().size() == 2);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
        Fx.await("the dialog is up", () -> robot.lookup("#compare-choose-base").tryQuery().isPresent());
        assertEquals("a.pyro  (open)", robot.lookup("#compare-choose-base").queryComboBox().getValue().toString());
        assertEquals("b.pyro  (open)", robot.lookup("#compare-choose-new").queryComboBox().getValue().toString());
        robot.clickOn("Compare");
        Fx.await("a comparison of the two open tabs", () -> model.comparisons().size() == 1 && model.selectedComparison() != null);
        CompareViewModel compared = Fx.onFx(model::selectedComparison);
        assertTrue(compared.base().profile() == Fx.onFx(() -> model.workspaces().get(0).profile()), "open profiles are not read again");
        Fx.await("compared", () -> compared.comparison() != null);
        assertFalse(Fx.onFx(() -> model.picker().activeProperty().get()), "the process list does not poll behind a comparison");

        // Compare with Baseline: the tab shown is the new run, the chosen file the base.
        Fx.runFx(() -> model.selectedProperty().set(model.workspaces().get(1)));
        test.dialogs.toOpen = List.of(dir.resolve("a.pyro"));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.B).release(KeyCode.B, KeyCode.SHIFT, KeyCode.CONTROL);
        Fx.await("a second comparison", () -> model.comparisons().size() == 2);
        CompareViewModel baseline = Fx.onFx(model::selectedComparison);
        assertNotNull(baseline);
        assertEquals("b.pyro", baseline.news().name());
        assertEquals("a.pyro", baseline.base().name());
        Fx.runFx(() -> model.selectedProperty().set(model.workspaces().getFirst()));
        assertEquals(null, Fx.onFx(model::selectedComparison));
        assertEquals("a.pyro", Fx.onFx(() -> view.tabs().getSelectionModel().getSelectedItem().getText()));
    }

    static Color[] changeColours(ChangePalette palette, boolean dark) {
        Color[] colours = new Color[2 * ChangePalette.LEVELS];
        for (int i = 0; i < ChangePalette.LEVELS; i++) {
            colours[i] = palette.color(i + 1, dark);
            colours[ChangePalette.LEVELS + i] = palette.color(-i - 1, dark);
        }
        return colours;
    }

    /** How many pixels of the canvas have each colour (within rounding). */
    static int[] count(FlameCanvas canvas, Color... colours) {
        WritableImage image = canvas.canvas().snapshot(null, null);
        PixelReader pixels = image.getPixelReader();
        int[] counts = new int[colours.length];
        for (int y = 0; y < (int) image.getHeight(); y++) {
            for (int x = 0; x < (int) image.getWidth(); x++) {
                int argb = pixels.getArgb(x, y);
                for (int c = 0; c < colours.length; c++) if (same(argb, colours[c])) counts[c]++;
            }
        }
        return counts;
    }

    private static boolean same(int argb, Color colour) {
        int r = (argb >> 16) & 0xff, g = (argb >> 8) & 0xff, b = argb & 0xff;
        return Math.abs(r - (int) Math.round(colour.getRed() * 255)) <= 1 && Math.abs(g - (int) Math.round(colour.getGreen() * 255)) <= 1
            && Math.abs(b - (int) Math.round(colour.getBlue() * 255)) <= 1;
    }

    static List<String> gutterClasses(CompareView compare, int line) {
        return Fx.onFx(() -> List.copyOf(gutterStats(compare, line).getStyleClass()));
    }

    private static String gutterText(CompareView compare, int line) {
        return Fx.onFx(() -> gutterStats(compare, line).getText());
    }

    private static Label gutterStats(CompareView compare, int line) {
        HBox gutter = (HBox) compare.source().codeArea().getParagraphGraphicFactory().apply(line - 1);
        return (Label) gutter.getChildren().getLast();
    }

    static Point2D centreOf(FlameCanvas canvas, FlameScene scene, String function) {
        for (int node = 0; node < scene.size(); node++) {
            int key = scene.keyOf(node);
            if (key < 0 || !function.equals(scene.layout().tree().keys().function(key))) continue;
            var layout = scene.layout();
            double width = canvas.canvas().getWidth();
            FlameGeometry geo = new FlameGeometry(width, canvas.canvas().getHeight(), FlameStyle.ROW_HEIGHT, false, 0);
            double x = (layout.x(node) + layout.width(node) / 2 - scene.zoomX()) / scene.zoomWidth() * width;
            return canvas.canvas().localToScreen(x, geo.rowTop(layout.depth(node)) + FlameStyle.ROW_HEIGHT / 2);
        }
        throw new AssertionError("no frame " + function);
    }
}
