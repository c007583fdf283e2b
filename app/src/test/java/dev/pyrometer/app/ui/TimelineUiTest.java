package dev.pyrometer.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.app.ui.common.FxTaskRunner;
import dev.pyrometer.app.ui.flame.FlameScene;
import dev.pyrometer.app.ui.session.WorkspaceView;
import dev.pyrometer.app.ui.session.WorkspaceViewModel;
import dev.pyrometer.app.ui.shell.WorkbenchView;
import dev.pyrometer.app.ui.support.Fx;
import dev.pyrometer.app.ui.support.PhasedProfiles;
import dev.pyrometer.app.ui.support.TestServices;
import dev.pyrometer.app.ui.support.Workbenches;
import dev.pyrometer.app.ui.timeline.TimelineCanvas;
import dev.pyrometer.app.ui.timeline.TimelineGeometry;
import dev.pyrometer.model.aggregate.TimeOrder;
import dev.pyrometer.model.aggregate.TimeRange;
import java.nio.file.Path;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The timeline on screen: dragging on it selects a range that every view follows; clicks and Esc clear it. */
@ExtendWith(ApplicationExtension.class)
class TimelineUiTest {
    @TempDir
    static Path dir;
    private final TestServices test = new TestServices();
    private WorkbenchView view;

    @Start
    void start(Stage stage) {
        view = Workbenches.show(stage, test.services(new FxTaskRunner(), dir), 1400, 900);
    }

    /** Opens the two-phase recording: load() for 2 s, then crunch() for 2 s. */
    private WorkspaceView openPhases() {
        return Workbenches.open(view, test.files, dir.resolve("phases.pyro"), PhasedProfiles.twoPhases(4000),
            "the timeline and the flame graph are drawn", w -> w.timeline().data() != null && w.flame().scene() != null);
    }

    /** A point on screen over the main thread's lane at a time. */
    private static Point2D at(TimelineCanvas canvas, WorkspaceViewModel workspace, long micros) {
        return Fx.onFx(() -> {
            TimelineGeometry geo = canvas.geometry();
            double x = geo.xOf(micros, workspace.timeline().shown());
            return canvas.canvas().localToScreen(x, geo.laneTop(0) + TimelineGeometry.LANE_HEIGHT / 2);
        });
    }

    private static boolean hasFrame(FlameScene scene, String function) {
        for (int i = 0; i < scene.size(); i++) {
            int key = scene.keyOf(i);
            if (key >= 0 && function.equals(scene.layout().tree().keys().function(key))) return true;
        }
        return false;
    }

    @Test
    void theMemoryTrackStartsAtZeroAndTheToggleZoomsItToItsRange(FxRobot robot) {
        WorkspaceView shown = openPhases();
        TimelineCanvas canvas = shown.timeline().canvas();
        Fx.await("the memory track is drawn", () -> !canvas.renderer().memoryScale().isEmpty());
        String fromZero = Fx.onFx(() -> canvas.renderer().memoryScale());
        assertTrue(fromZero.startsWith("0 – "), fromZero);
        assertFalse(Fx.onFx(() -> shown.model().timeline().memoryZoomedProperty().get()));
        robot.clickOn("#timeline-memory-zoom");
        Fx.await("zoomed to min–max", () -> canvas.renderer().memoryScale().endsWith("(zoomed)"));
        // The two-phase recording starts at 32 MB: zoomed, the scale's low end is its lowest reading, not zero.
        assertTrue(Fx.onFx(() -> canvas.renderer().memoryScale()).startsWith("32.0 MB"), Fx.onFx(() -> canvas.renderer().memoryScale()));
        assertTrue(Fx.onFx(() -> shown.model().timeline().memoryZoomedProperty().get()));
        robot.clickOn("#timeline-memory-zoom");
        Fx.await("from zero again", () -> canvas.renderer().memoryScale().startsWith("0 – "));
    }

    @Test
    void draggingSelectsARangeThatEveryViewFollows(FxRobot robot) {
        WorkspaceView shown = openPhases();
        WorkspaceViewModel workspace = shown.model();
        TimelineCanvas canvas = shown.timeline().canvas();
        assertTrue(hasFrame(Fx.onFx(workspace.flame()::scene), "load"));

        robot.moveTo(at(canvas, workspace, 2_500_000)).press(MouseButton.PRIMARY)
            .moveTo(at(canvas, workspace, 3_000_000)).moveTo(at(canvas, workspace, 3_500_000)).release(MouseButton.PRIMARY);
        Fx.await("a range is selected", () -> workspace.analysis().timeRangeProperty().get() != null);
        TimeRange range = Fx.onFx(() -> workspace.analysis().timeRangeProperty().get());
        // A pixel is about 3.2 ms of this 4 s recording: the range is the drag to within a couple of pixels.
        assertEquals(2_500_000, range.fromMicros(), 8_000);
        assertEquals(3_500_000, range.toMicros(), 8_000);
        Fx.await("the views show the range", () -> workspace.flame().scene() != null
            && workspace.flame().scene().layout().tree().total(0) < 1100);
        assertFalse(hasFrame(Fx.onFx(workspace.flame()::scene), "load"), "load() ran before the range");
        assertTrue(hasFrame(Fx.onFx(workspace.flame()::scene), "crunch"));
        Fx.await("the hot functions follow", () -> workspace.hotFunctions().rows().stream().noneMatch(r -> r.name().equals("load")));
        String text = robot.lookup("#timeline-range").queryLabeled().getText();
        assertTrue(text.startsWith("2.49") || text.startsWith("2.50"), text);
        assertTrue(text.endsWith("1.00 s"), text);
        assertFalse(robot.lookup("#timeline-clear").queryButton().isDisabled());

        // A click outside the selection clears it, and every view shows everything again.
        robot.clickOn(at(canvas, workspace, 1_000_000));
        Fx.await("the selection is cleared", () -> workspace.analysis().timeRangeProperty().get() == null);
        Fx.await("load() is back", () -> workspace.flame().scene() != null && hasFrame(workspace.flame().scene(), "load"));

        // Esc clears too (the canvas has the focus after the drag).
        robot.moveTo(at(canvas, workspace, 500_000)).press(MouseButton.PRIMARY)
            .moveTo(at(canvas, workspace, 1_500_000)).release(MouseButton.PRIMARY);
        Fx.await("selected again", () -> workspace.analysis().timeRangeProperty().get() != null);
        robot.type(KeyCode.ESCAPE);
        Fx.await("Esc cleared it", () -> workspace.analysis().timeRangeProperty().get() == null);
    }

    @Test
    void theTimeOrderChartShowsThePhasesInOrderAndZoomingKeepsTheSelection(FxRobot robot) {
        WorkspaceView shown = openPhases();
        WorkspaceViewModel workspace = shown.model();
        robot.clickOn("#flame-mode-time-order");
        Fx.await("the flame chart is laid out", () -> workspace.timeOrder().scene() != null
            && robot.lookup("#time-order-canvas").tryQuery().isPresent());
        TimeOrder chart = Fx.onFx(() -> workspace.timeOrder().scene().chart());
        int load = chart.nodeAt(1_000_000, 2), crunch = chart.nodeAt(3_000_000, 2);
        assertEquals("load", chart.keys().function(chart.key(load)));
        assertEquals("crunch", chart.keys().function(chart.key(crunch)));
        assertTrue(chart.end(load) <= chart.start(crunch));

        Fx.runFx(() -> workspace.timeline().select(2_200_000, 3_800_000));
        robot.clickOn("#timeline-zoom-selection");
        Fx.await("zoomed", () -> workspace.timeline().windowProperty().get() != null);
        assertEquals(new TimeRange(2_200_000, 3_800_000), Fx.onFx(() -> workspace.analysis().timeRangeProperty().get()));
        Fx.await("the chart shows the range", () -> workspace.timeOrder().scene().chart().fromMicros() == 2_200_000);
        TimeOrder ranged = Fx.onFx(() -> workspace.timeOrder().scene().chart());
        for (int i = 0; i < ranged.size(); i++) assertFalse("load".equals(ranged.keys().function(ranged.key(i))));
        robot.clickOn("#timeline-show-all");
        Fx.await("zoomed out", () -> workspace.timeline().windowProperty().get() == null);
        assertNotNull(Fx.onFx(() -> workspace.analysis().timeRangeProperty().get()), "zooming is not selecting");
        robot.clickOn("#flame-mode-merged");
        Fx.await("the flame graph is back", () -> robot.lookup("#flame-canvas").tryQuery().map(n -> n.getScene() != null).orElse(false));
        assertNull(robot.lookup("#time-order-canvas").tryQuery().filter(n -> n.getScene() != null).orElse(null));
    }
}
