package dev.pyrometer.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.app.ui.common.FxTaskRunner;
import dev.pyrometer.app.ui.common.FxTicker;
import dev.pyrometer.app.ui.common.UiSettings;
import dev.pyrometer.app.ui.flame.FlameCanvas;
import dev.pyrometer.app.ui.flame.FlameGeometry;
import dev.pyrometer.app.ui.flame.FlameScene;
import dev.pyrometer.app.ui.flame.FlameStyle;
import dev.pyrometer.app.ui.picker.ProcessRow;
import dev.pyrometer.app.ui.picker.SamplerProcessSource;
import dev.pyrometer.app.ui.recording.SamplerTargetService;
import dev.pyrometer.app.ui.session.ModelSessionFiles;
import dev.pyrometer.app.ui.session.WorkspaceView;
import dev.pyrometer.app.ui.session.WorkspaceViewModel;
import dev.pyrometer.app.ui.shell.Services;
import dev.pyrometer.app.ui.shell.WorkbenchView;
import dev.pyrometer.app.ui.shell.WorkbenchViewModel;
import dev.pyrometer.app.ui.source.SourceDocument;
import dev.pyrometer.app.ui.support.Fx;
import dev.pyrometer.app.ui.support.PythonProgram;
import dev.pyrometer.app.ui.support.ScriptedDialogs;
import dev.pyrometer.app.ui.support.Workbenches;
import java.nio.file.Path;
import javafx.geometry.Point2D;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The workbench against a real Python process, with the real sampler and session files: the picker lists it,
 * attaching records it into the flame graph, and clicking its hot frame opens its source at the hot line.
 */
@ExtendWith(ApplicationExtension.class)
class RealTargetUiTest {
    @TempDir
    static Path dir;
    private PythonProgram program;
    private WorkbenchView view;

    @Start
    void start(Stage stage) throws Exception {
        program = PythonProgram.start(dir);
        Services services = new Services(new FxTaskRunner(), new FxTicker(), new SamplerProcessSource(),
            new SamplerTargetService(), new ModelSessionFiles(), new ScriptedDialogs(), UiSettings.inMemory(),
            dir.resolve("autosave"));
        view = Workbenches.show(stage, services, 1000, 1000);
    }

    @AfterEach
    void stopProgram() throws Exception {
        WorkbenchViewModel model = view.model();
        Fx.runFx(() -> model.workspaces().forEach(w -> w.dispose(true)));
        program.close();
    }

    @Test
    void thePickerListsTheProgramAndAttachingRecordsItIntoTheFlameGraph(FxRobot robot) {
        TreeTableView<ProcessRow> table = view.startPage().table();
        robot.clickOn("#picker-filter").write(program.marker());
        Fx.await("the picker lists the test's Python program", () -> table.getExpandedItemCount() == 1
            && table.getTreeItem(0).getValue().pid() == program.pid());
        ProcessRow row = Fx.onFx(() -> table.getTreeItem(0).getValue());
        assertTrue(row.commandLine().contains(program.marker()));
        assertTrue(row.python() != null && row.python().startsWith("3."), row.python());

        // A double click on the program's row, found and clicked in one step on the FX thread: the list refreshes
        // every 2 s and may hand the row to another cell in between, and a robot's two clicks can count as two
        // single clicks when a loaded machine holds the FX thread between them for longer than the double-click time.
        Fx.runFx(() -> table.lookupAll(".tree-table-row-cell").stream()
            .map(node -> (javafx.scene.control.TreeTableRow<?>) node)
            .filter(r -> r.isVisible() && r.getItem() instanceof ProcessRow p && p.pid() == program.pid())
            .findFirst().orElseThrow()
            .fireEvent(new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_CLICKED, 5, 5, 0, 0,
                javafx.scene.input.MouseButton.PRIMARY, 2, false, false, false, false, false, false, false, false,
                false, true, null)));
        WorkbenchViewModel model = view.model();
        Fx.await("a workspace records the program", () -> model.selected() != null);
        WorkspaceViewModel workspace = Fx.onFx(model::selected);
        assertTrue(Fx.onFx(() -> workspace.liveProperty().get()));
        Fx.await("the flame graph shows spin()", () -> find(workspace.flame().scene(), "spin") >= 0);

        WorkspaceView shown = Fx.onFx(view::selectedView);
        FlameCanvas canvas = shown.flame().canvas();
        Fx.await("enough samples to click on", () -> workspace.analysis().analysis().sampleCount() > 100);
        Point2D spin = Fx.onFx(() -> centreOf(canvas, workspace.flame().scene(), "spin"));
        robot.clickOn(spin);
        Fx.await("the source pane shows the program", () -> shown.source().codeArea().getText().contains("def spin():"));
        SourceDocument doc = Fx.onFx(() -> workspace.source().document());
        assertEquals(program.script().toString(), doc.recordedPath());
        Fx.await("the pane opened at the hot line", () -> shown.source().targetLine() == PythonProgram.HOT_LINE);
        assertTrue(doc.heat().self(PythonProgram.HOT_LINE) > 0, "the hot line has samples");
        assertTrue(Fx.onFx(() -> shown.source().codeArea().getParagraph(PythonProgram.HOT_LINE - 1).getText()).contains("# hot"));

        var recording = Fx.onFx(workspace::recording);
        Fx.runFx(recording::stop);
        Fx.await("the recording ended", () -> !workspace.liveProperty().get());
        // Everything recorded streamed into the autosave file, which reads back whole.
        Path autosave = Fx.onFx(workspace::autosaveFile);
        var loaded = dev.pyrometer.model.interchange.ProfileFiles.read(autosave);
        assertTrue(loaded.report().complete(), "the autosave was finished with an end marker");
        assertEquals(Fx.onFx(() -> workspace.profile().samples().size()), loaded.profile().samples().size());
    }

    @Test
    void aProcessThatIsNotPythonSaysSoInThePicker(FxRobot robot) throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        try {
            WorkbenchViewModel model = view.model();
            Fx.runFx(() -> model.picker().attach(new ProcessRow((int) sleeper.pid(), "me", null, "sleep 60", "/bin/sleep", 0, null)));
            Fx.await("an inline error", () -> !model.picker().errorProperty().get().isEmpty());
            String error = robot.lookup("#picker-error").queryLabeled().getText();
            assertTrue(error.contains(Long.toString(sleeper.pid())), error);
            assertTrue(robot.lookup("#picker-error").queryLabeled().isVisible());
            assertTrue(Fx.onFx(() -> model.workspaces().isEmpty()));
        } finally {
            sleeper.destroyForcibly().waitFor();
        }
    }

    static int find(FlameScene scene, String function) {
        if (scene == null) return -1;
        for (int i = 0; i < scene.size(); i++) {
            int key = scene.keyOf(i);
            if (key >= 0 && function.equals(scene.layout().tree().keys().function(key))) return i;
        }
        return -1;
    }

    static Point2D centreOf(FlameCanvas canvas, FlameScene scene, String function) {
        int node = find(scene, function);
        var layout = scene.layout();
        double width = canvas.canvas().getWidth();
        FlameGeometry geo = new FlameGeometry(width, canvas.canvas().getHeight(), FlameStyle.ROW_HEIGHT, false, 0);
        double x = (layout.x(node) + layout.width(node) / 2 - scene.zoomX()) / scene.zoomWidth() * width;
        return canvas.canvas().localToScreen(x, geo.rowTop(layout.depth(node)) + FlameStyle.ROW_HEIGHT / 2);
    }
}
