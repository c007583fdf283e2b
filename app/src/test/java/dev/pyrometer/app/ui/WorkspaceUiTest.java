package dev.pyrometer.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.app.ui.common.Formats;
import dev.pyrometer.app.ui.common.FxTaskRunner;
import dev.pyrometer.app.ui.flame.FlameCanvas;
import dev.pyrometer.app.ui.flame.FlameGeometry;
import dev.pyrometer.app.ui.flame.FlameScene;
import dev.pyrometer.app.ui.session.WorkspaceView;
import dev.pyrometer.app.ui.shell.WorkbenchView;
import dev.pyrometer.app.ui.source.SourceDocument;
import dev.pyrometer.app.ui.support.DemoProfiles;
import dev.pyrometer.app.ui.support.Fx;
import dev.pyrometer.app.ui.support.TestServices;
import dev.pyrometer.app.ui.support.Workbenches;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.SampleState;
import dev.pyrometer.model.StackTable;
import java.nio.file.Path;
import javafx.geometry.Point2D;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The workspace on screen, driven through its real controls: flame graph clicks open the source at the right line. */
@ExtendWith(ApplicationExtension.class)
class WorkspaceUiTest {
    @TempDir
    static Path dir;
    private final TestServices test = new TestServices();
    private WorkbenchView view;

    @Start
    void start(Stage stage) {
        view = Workbenches.show(stage, test.services(new FxTaskRunner(), dir), 1400, 900);
    }

    private WorkspaceView openDemo(int samples) {
        return Workbenches.open(view, test.files, dir.resolve("demo.pyro"), DemoProfiles.cpuDemo(samples),
            "the flame graph has a scene", w -> w.flame().scene() != null);
    }

    @Test
    void clickingAFrameOpensItsFileAtItsHotLineWithHeat(FxRobot robot) {
        WorkspaceView workspace = openDemo(5000);
        FlameCanvas canvas = workspace.flame().canvas();
        Point2D onScreen = Fx.onFx(() -> {
            FlameScene scene = workspace.model().flame().scene();
            int node = find(scene, "search");
            var layout = scene.layout();
            FlameGeometry geo = new FlameGeometry(canvas.canvas().getWidth(), canvas.canvas().getHeight(), 20, false, 0);
            double x = (layout.x(node) + layout.width(node) / 2) * canvas.canvas().getWidth();
            double y = geo.rowTop(layout.depth(node)) + 10;
            return canvas.canvas().localToScreen(x, y);
        });
        robot.clickOn(onScreen);
        Fx.await("the source pane shows the demo file", () -> workspace.source().codeArea().getText().contains("def search("));
        SourceDocument doc = Fx.onFx(() -> workspace.model().source().document());
        assertEquals(DemoProfiles.demoFile().toString(), doc.recordedPath());
        assertEquals(DemoProfiles.SEARCH_HOT_LINE, Fx.onFx(() -> workspace.source().targetLine()));
        assertTrue(doc.heat().self(DemoProfiles.SEARCH_HOT_LINE) > 0, "the line has heat");
        assertEquals(DemoProfiles.SEARCH_HOT_LINE - 1, Fx.onFx(() -> workspace.source().codeArea().getCurrentParagraph()));
        // The selection is linked: the hot functions table selected the same function.
        TableView<?> hot = workspace.hotFunctions().table();
        Fx.await("the hot table follows", () -> hot.getSelectionModel().getSelectedItem() != null);
        assertTrue(Fx.onFx(() -> hot.getSelectionModel().getSelectedItem().toString()).contains("name=search"));
        // The zoom went into the frame: the breadcrumb ends with it.
        assertEquals(5, Fx.onFx(() -> workspace.model().flame().crumbsProperty().get().size()));
        // The call tree, opened afterwards, shows the very node that was clicked, its path expanded.
        robot.clickOn("Call tree");
        var tree = workspace.callTree().table();
        Fx.await("the call tree selected the clicked node", () -> tree.getSelectionModel().getSelectedItem() != null);
        var item = Fx.onFx(() -> tree.getSelectionModel().getSelectedItem());
        assertEquals("search", item.getValue().name());
        assertEquals("one_round", Fx.onFx(() -> item.getParent().getValue().name()));
    }

    @Test
    void searchingTheFlameGraphReportsTheShare(FxRobot robot) {
        openDemo(2000);
        robot.clickOn("#flame-search").write("search");
        // The share counted here from the samples themselves: busy samples (the idle helper thread's are left out)
        // whose stack passes through search.
        String expected = "1 frame · " + Formats.percent(shareThrough(DemoProfiles.cpuDemo(2000), "search"));
        Fx.await("the search summary shows " + expected,
            () -> robot.lookup("#flame-search-summary").queryLabeled().getText().equals(expected));
    }

    private static double shareThrough(Profile profile, String function) {
        int busy = 0;
        int through = 0;
        for (int i = 0; i < profile.samples().size(); i++) {
            if (SampleState.isIdle(profile.samples().state(i))) continue;
            busy++;
            for (int s = profile.samples().stack(i); s != StackTable.EMPTY; s = profile.stacks().parent(s)) {
                if (profile.functionName(profile.stacks().frame(s)).equals(function)) {
                    through++;
                    break;
                }
            }
        }
        assertTrue(through > busy / 10 && through < busy / 2, through + " of " + busy);
        return (double) through / busy;
    }

    @Test
    void hotLinesListJumpsToEachLine(FxRobot robot) {
        WorkspaceView workspace = openDemo(3000);
        Fx.runFx(() -> workspace.hotFunctions().table().getSelectionModel().select(0));
        Fx.await("a file is open", () -> !workspace.source().hotLines().getItems().isEmpty());
        var second = Fx.onFx(() -> workspace.source().hotLines().getItems().get(1));
        Fx.runFx(() -> workspace.source().hotLines().getSelectionModel().select(1));
        Fx.await("the code scrolled to the line", () -> workspace.source().targetLine() == second.line());
    }

    private static int find(FlameScene scene, String function) {
        for (int i = 0; i < scene.size(); i++) {
            int key = scene.keyOf(i);
            if (key >= 0 && function.equals(scene.layout().tree().keys().function(key))) return i;
        }
        throw new AssertionError("no frame " + function);
    }
}
