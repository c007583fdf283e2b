package dev.pyrometer.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.app.ui.calltree.FrameRow;
import dev.pyrometer.app.ui.common.FxTaskRunner;
import dev.pyrometer.app.ui.flame.FlameCanvas;
import dev.pyrometer.app.ui.flame.FlameGeometry;
import dev.pyrometer.app.ui.flame.FlameGraphViewModel;
import dev.pyrometer.app.ui.flame.FlameMinimap;
import dev.pyrometer.app.ui.flame.FlameScene;
import dev.pyrometer.app.ui.sandwich.SandwichView;
import dev.pyrometer.app.ui.session.WorkspaceView;
import dev.pyrometer.app.ui.shell.WorkbenchView;
import dev.pyrometer.app.ui.support.DemoProfiles;
import dev.pyrometer.app.ui.support.FakeEditors;
import dev.pyrometer.app.ui.support.Fx;
import dev.pyrometer.app.ui.support.TestServices;
import dev.pyrometer.app.ui.support.Workbenches;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.aggregate.CallTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.controlsfx.control.BreadCrumbBar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Finding the hot spot in a big profile, through the real controls: the sandwich of a function called from three
 * places, left-heavy order, a 200-deep recursion that opens where the work is with a minimap that moves it, Enter
 * stepping through search matches, and frames opened in the user's (fake) editor from every place that shows them.
 */
@ExtendWith(ApplicationExtension.class)
class HotSpotUiTest {
    @TempDir
    static Path dir;
    private final TestServices test = new TestServices();
    private WorkbenchView view;

    @Start
    void start(Stage stage) {
        view = Workbenches.show(stage, test.services(new FxTaskRunner(), dir), 1500, 950);
    }

    private WorkspaceView open(String name, Profile profile) {
        return Workbenches.open(view, test.files, dir.resolve(name), profile, "the flame graph is painted",
            w -> w.flame().scene() != null && view.selectedView() != null
                && view.selectedView().flame().canvas().paintedScene() == w.flame().scene());
    }

    @Test
    void theSandwichOfAFunctionCalledFromThreePlacesShowsItsCallersAndItsCalleesMerged(FxRobot robot) {
        WorkspaceView workspace = open("three.pyro", DemoProfiles.threeCallers());
        TableView<FrameRow> hot = workspace.hotFunctions().table();
        FrameRow parse = Fx.onFx(() -> hot.getItems().stream().filter(r -> r.name().equals("parse")).findFirst().orElseThrow());
        Fx.runFx(() -> hot.getSelectionModel().select(parse));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.W).release(KeyCode.W, KeyCode.SHIFT, KeyCode.CONTROL);
        SandwichView sandwich = workspace.sandwich();
        FlameGraphViewModel callers = workspace.model().sandwich().callers();
        FlameGraphViewModel callees = workspace.model().sandwich().callees();
        Fx.await("both halves are painted", () -> sandwich.isVisible() && callers.scene() != null && callees.scene() != null
            && sandwich.callers().canvas().paintedScene() == callers.scene()
            && sandwich.callees().canvas().paintedScene() == callees.scene());

        CallTree up = Fx.onFx(() -> callers.scene().layout().tree());
        assertEquals("parse (app.py:29)", up.label(0).replace("/srv/app/", ""), "the function sits where the halves meet");
        assertEquals(List.of("load 7", "loop 5", "save 3"), children(up, 0), "three caller paths, heaviest first");
        assertEquals(List.of("main 7"), children(up, up.children(0)[0]), "read upwards: main called load");
        CallTree down = Fx.onFx(() -> callees.scene().layout().tree());
        assertEquals(List.of("scan 8", "emit 3"), children(down, 0), "callees merged over the three call sites");
        assertEquals(15, down.total(0));
        assertTrue(Fx.onFx(() -> workspace.model().sandwich().callees().icicleProperty().get()), "callees grow downward");
        assertTrue(Fx.onFx(() -> robot.lookup("#sandwich-title").queryLabeled().getText()).equals("parse"));
        assertTrue(Fx.onFx(() -> robot.lookup("#sandwich-total").queryLabeled().getText()).startsWith("Total 71.4% · 15 samples"));
        assertTrue(Fx.onFx(() -> robot.lookup("#sandwich-self").queryLabeled().getText()).startsWith("Self 19.0% · 4 samples"));
        assertEquals("called by 3 functions · 3 call paths", Fx.onFx(() -> robot.lookup("#sandwich-callers-count").queryLabeled().getText()));

        // A click on a caller moves the sandwich (and the selection everywhere) to it.
        FlameCanvas canvas = sandwich.callers().canvas();
        robot.clickOn(centreOf(canvas, callers, "load"));
        Fx.await("the sandwich moved to load", () -> workspace.model().selectionProperty().get() != null
            && "load".equals(workspace.model().selectionProperty().get().function())
            && workspace.model().sandwich().halvesProperty().get() != null
            && "load".equals(workspace.model().sandwich().halvesProperty().get().sandwich().ref().function()));
        Fx.await("the hot table follows", () -> hot.getSelectionModel().getSelectedItem() != null
            && hot.getSelectionModel().getSelectedItem().name().equals("load"));
    }

    @Test
    void leftHeavyPutsTheHeaviestChildOnTheLeft(FxRobot robot) {
        WorkspaceView workspace = open("cpu.pyro", DemoProfiles.cpuDemo(4000));
        FlameGraphViewModel flame = workspace.model().flame();
        assertTrue(x(flame, "one_round.<locals>.<listcomp>") < x(flame, "search"), "alphabetical at first");
        robot.clickOn("#flame-left-heavy");
        Fx.await("the graph is laid out heaviest first", () -> flame.scene() != null && x(flame, "search") < x(flame, "one_round.<locals>.<listcomp>"));
        assertTrue(x(flame, "build_matrix") < x(flame, "search"), "65% before 20% before 15%");
        Fx.await("and painted so", () -> workspace.flame().canvas().paintedScene() == flame.scene());
    }

    @Test
    void aDeepRecursionOpensAtItsHottestFrameAndTheMinimapMovesTheView(FxRobot robot) {
        WorkspaceView workspace = open("deep.pyro", DemoProfiles.deepDemo(5000, 200));
        FlameGraphViewModel flame = workspace.model().flame();
        FlameCanvas canvas = workspace.flame().canvas();
        FlameScene scene = Fx.onFx(flame::scene);
        int hottest = scene.navigation().hottest();
        assertEquals("checksum", scene.layout().tree().keys().function(scene.keyOf(hottest)));
        assertTrue(Fx.onFx(() -> onCanvas(canvas, scene.layout().depth(hottest))), "the hottest frame is on screen");
        assertFalse(Fx.onFx(() -> onCanvas(canvas, 0)), "the root is not: 200 frames below");
        FlameMinimap minimap = workspace.flame().minimap();
        assertTrue(Fx.onFx(minimap::isVisible), "a minimap, since the graph is deeper than the window");
        assertTrue(Fx.onFx(() -> robot.lookup("#flame-collapse-recursion").query().isVisible()));
        double[] before = Fx.onFx(minimap::markedRange);
        assertTrue(before[0] < 5, "the mark is at the top, where the hottest frame is");

        // A click near the bottom of the minimap goes to the root; a drag goes back up, and the mark follows.
        Point2D bottom = Fx.onFx(() -> minimap.localToScreen(minimap.getWidth() / 2, minimap.getHeight() - 2));
        robot.clickOn(bottom);
        Fx.await("the root is on screen", () -> onCanvas(canvas, 0));
        assertFalse(Fx.onFx(() -> onCanvas(canvas, scene.layout().depth(hottest))));
        double[] atRoot = Fx.onFx(minimap::markedRange);
        assertTrue(atRoot[1] > Fx.onFx(minimap::getHeight) - 3, "the mark moved to the bottom");
        Point2D middle = Fx.onFx(() -> minimap.localToScreen(minimap.getWidth() / 2, minimap.yOf(100)));
        robot.drag(bottom, MouseButton.PRIMARY).dropTo(middle);
        Fx.await("depth 100 is on screen", () -> onCanvas(canvas, 100) && !onCanvas(canvas, 0));
        // The view stays where the user put it when the analysis is rebuilt.
        double scroll = Fx.onFx(() -> flame.scrollProperty().get());
        Fx.runFx(() -> workspace.model().analysis().rebuild());
        Fx.await("rebuilt", () -> flame.scene() != scene && flame.scene() != null);
        assertEquals(scroll, Fx.onFx(() -> flame.scrollProperty().get()));

        // Zoomed 200-odd frames down, the breadcrumb keeps "all", one crumb for the levels between and the last
        // three, and never widens the window.
        Fx.runFx(() -> flame.click(hottest));
        int depth = scene.layout().depth(hottest);
        Fx.await("zoomed into checksum", () -> flame.crumbsProperty().get().size() == depth + 1);
        List<String> crumbs = Fx.onFx(() -> {
            List<String> labels = new ArrayList<>();
            BreadCrumbBar<?> bar = robot.lookup("#flame-breadcrumb").queryAs(BreadCrumbBar.class);
            for (TreeItem<?> c = bar.getSelectedCrumb(); c != null; c = c.getParent()) labels.addFirst(c.getValue().toString());
            return labels;
        });
        assertEquals(5, crumbs.size(), crumbs.toString());
        assertEquals("… " + (depth - 3) + " more", crumbs.get(1));
        assertTrue(crumbs.getLast().startsWith("checksum"), crumbs.toString());
        Fx.runFx(() -> workspace.flame().getScene().getRoot().layout());
        assertTrue(Fx.onFx(() -> workspace.flame().getWidth() <= workspace.flame().getScene().getWidth()), "the window keeps its width");
        Fx.runFx(flame::resetZoom);

        robot.clickOn("#flame-collapse-recursion");
        Fx.await("the recursion collapsed and the graph fits", () -> flame.scene() != null
            && flame.scene().layout().depthCount() == 5 && flame.maxScrollProperty().get() == 0 && !minimap.isVisible());
    }

    @Test
    void enterStepsThroughTheMatchesAndSelectsEach(FxRobot robot) {
        WorkspaceView workspace = open("cpu.pyro", DemoProfiles.cpuDemo(4000));
        robot.clickOn("#flame-search").write("listcomp");
        Fx.await("two frames match", () -> robot.lookup("#flame-search-summary").queryLabeled().getText().startsWith("2 frames · "));
        TableView<FrameRow> hot = workspace.hotFunctions().table();
        List<String> selected = new ArrayList<>();
        for (String expected : List.of("1 of 2", "2 of 2", "1 of 2")) {
            robot.type(KeyCode.ENTER);
            Fx.await(expected, () -> robot.lookup("#flame-search-summary").queryLabeled().getText().startsWith(expected + " frames"));
            Fx.await("the table follows", () -> hot.getSelectionModel().getSelectedItem() != null
                && hot.getSelectionModel().getSelectedItem().name().equals(workspace.model().selectionProperty().get().function()));
            selected.add(Fx.onFx(() -> workspace.model().selectionProperty().get().function()));
        }
        assertEquals(List.of("build_matrix.<locals>.<listcomp>", "one_round.<locals>.<listcomp>", "build_matrix.<locals>.<listcomp>"), selected);
        Fx.await("the source pane opened the match", () -> workspace.source().codeArea().getText().contains("def build_matrix("));
        robot.press(KeyCode.SHIFT).type(KeyCode.ENTER).release(KeyCode.SHIFT);
        Fx.await("Shift+Enter goes back", () -> robot.lookup("#flame-search-summary").queryLabeled().getText().startsWith("2 of 2"));
        robot.type(KeyCode.F3);
        Fx.await("F3 goes on", () -> robot.lookup("#flame-search-summary").queryLabeled().getText().startsWith("1 of 2"));
    }

    @Test
    void framesTableRowsAndGutterLinesOpenInTheEditor(FxRobot robot) throws Exception {
        FakeEditors fakes = new FakeEditors(dir.resolve("editors"), "gedit", "code");
        Fx.runFx(() -> view.model().useEditorEnvironment(fakes.env("VISUAL", "gedit")));
        WorkspaceView workspace = open("cpu.pyro", DemoProfiles.cpuDemo(4000));
        String demo = DemoProfiles.demoFile().toString();
        FlameGraphViewModel flame = workspace.model().flame();

        // A frame: at the line where the function spent its time.
        robot.rightClickOn(centreOf(workspace.flame().canvas(), flame, "search"));
        clickMenuItem(robot, "Open in editor");
        assertEquals(List.of(fakes.bin.resolve("gedit").toString(), "+" + DemoProfiles.SEARCH_HOT_LINE, demo), fakes.awaitCall("gedit"));

        // A table row.
        TableView<FrameRow> hot = workspace.hotFunctions().table();
        int row = Fx.onFx(() -> hot.getItems().indexOf(hot.getItems().stream().filter(r -> r.name().equals("build_matrix")).findFirst().orElseThrow()));
        var cell = Fx.onFx(() -> robot.lookup(".table-row-cell").queryAllAs(javafx.scene.control.TableRow.class).stream()
            .filter(r -> r.getIndex() == row).findFirst().orElseThrow());
        robot.rightClickOn(cell);
        clickMenuItem(robot, "Open in editor");
        assertEquals(List.of(fakes.bin.resolve("gedit").toString(), "+" + DemoProfiles.BUILD_MATRIX_HOT_LINE, demo), fakes.awaitCall("gedit"));

        // A gutter line: a double click on line 34's number.
        Fx.await("the source pane shows the file", () -> workspace.source().codeArea().getText().contains("def build_matrix("));
        Fx.runFx(() -> workspace.source().codeArea().showParagraphAtTop(28));
        Fx.await("line 34's gutter is on screen", () -> gutter(robot, 34) != null);
        robot.doubleClickOn(Fx.onFx(() -> gutter(robot, 34)));
        assertEquals(List.of(fakes.bin.resolve("gedit").toString(), "+34", demo), fakes.awaitCall("gedit"));

        // F4, with VS Code chosen in the preferences.
        Fx.runFx(() -> view.model().setEditorPreferences(new dev.pyrometer.app.ui.editor.EditorPreferences(
            dev.pyrometer.app.ui.editor.EditorChoice.VSCODE, "")));
        robot.type(KeyCode.F4);
        assertEquals(List.of(fakes.bin.resolve("code").toString(), "-g", demo + ":34"), fakes.awaitCall("code"),
            "in the source pane: the caret's line, where the double click left it");
        robot.clickOn(cell);
        robot.type(KeyCode.F4);
        assertEquals(List.of(fakes.bin.resolve("code").toString(), "-g", demo + ":" + DemoProfiles.BUILD_MATRIX_HOT_LINE),
            fakes.awaitCall("code"), "elsewhere: the selected frame");
        assertTrue(test.dialogs.errors.isEmpty(), test.dialogs.errors.toString());
    }

    /** Clicks an item of the context menu on screen (hidden menus shown before keep their items too). */
    private static void clickMenuItem(FxRobot robot, String text) {
        Fx.await("the menu is open", () -> robot.lookup(text).match(javafx.scene.Node::isVisible)
            .match(n -> n.getScene() != null && n.getScene().getWindow().isShowing()).tryQuery().isPresent());
        robot.clickOn(robot.lookup(text).match(javafx.scene.Node::isVisible)
            .match(n -> n.getScene() != null && n.getScene().getWindow().isShowing()).<javafx.scene.Node>query());
    }

    private static javafx.scene.Node gutter(FxRobot robot, int line) {
        return robot.lookup(".source-gutter .gutter-line-number").queryAllAs(javafx.scene.control.Label.class).stream()
            .filter(l -> l.getText().strip().equals(Integer.toString(line)) && l.isVisible() && l.getScene() != null)
            .findFirst().orElse(null);
    }

    private static List<String> children(CallTree tree, int node) {
        return Fx.onFx(() -> {
            List<String> out = new ArrayList<>();
            for (int c : tree.children(node)) out.add(tree.keys().function(tree.key(c)) + " " + tree.total(c));
            return out;
        });
    }

    /** The screen point at the middle of the first drawn frame of a function. */
    private static Point2D centreOf(FlameCanvas canvas, FlameGraphViewModel flame, String function) {
        return Fx.onFx(() -> {
            FlameScene scene = flame.scene();
            FlameGeometry geo = canvas.geometry();
            for (int i = 0; i < scene.size(); i++) {
                int key = scene.keyOf(i);
                if (key < 0 || !function.equals(scene.layout().tree().keys().function(key))) continue;
                double x = (scene.layout().x(i) - scene.zoomX() + scene.layout().width(i) / 2) * geo.scale(scene);
                double y = geo.rowTop(scene.layout().depth(i)) + geo.rowHeight() / 2;
                return canvas.canvas().localToScreen(x, y);
            }
            throw new AssertionError("no frame " + function);
        });
    }

    private static double x(FlameGraphViewModel flame, String function) {
        return Fx.onFx(() -> {
            FlameScene scene = flame.scene();
            for (int i = 0; i < scene.size(); i++) {
                int key = scene.keyOf(i);
                if (key >= 0 && function.equals(scene.layout().tree().keys().function(key))) return scene.layout().x(i);
            }
            throw new AssertionError("no frame " + function);
        });
    }

    /** Whether a depth's row is wholly on the canvas as painted now. */
    private static boolean onCanvas(FlameCanvas canvas, int depth) {
        FlameGeometry geo = canvas.geometry();
        double top = geo.rowTop(depth);
        return top >= 0 && top + geo.rowHeight() <= geo.height();
    }
}
