package dev.pyrometer.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.app.ui.analysis.ProcessChoice;
import dev.pyrometer.app.ui.common.FxTaskRunner;
import dev.pyrometer.app.ui.session.WorkspaceView;
import dev.pyrometer.app.ui.shell.WorkbenchView;
import dev.pyrometer.app.ui.support.Fx;
import dev.pyrometer.app.ui.support.PoolRecordings;
import dev.pyrometer.app.ui.support.TestServices;
import dev.pyrometer.app.ui.support.Workbenches;
import dev.pyrometer.app.ui.timeline.TimeLabels;
import dev.pyrometer.app.ui.timeline.TimelineCanvas;
import dev.pyrometer.app.ui.timeline.TimelineGeometry;
import dev.pyrometer.app.ui.timeline.TimelineRows;
import dev.pyrometer.app.ui.timeline.TimelineViewModel;
import dev.pyrometer.model.ProcessInfo;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.aggregate.Timeline;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javafx.geometry.Point2D;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The timeline of a recorded {@code multiprocessing.Pool(2)} run (fork): a header per process with its thread lanes
 * under it, each worker's start and end inside the recording and marked, folding a header by mouse and keyboard, and
 * a click on a header's name filtering its process.
 */
@ExtendWith(ApplicationExtension.class)
class TimelineProcessesUiTest {
    @TempDir
    static Path dir;
    private static Profile pool;
    private final TestServices test = new TestServices();
    private WorkbenchView view;

    @BeforeAll
    static void recordAPool() throws Exception {
        pool = PoolRecordings.record("fork", "1");
        assertEquals(3, pool.processes().size(), "the parent and its two workers");
    }

    @Start
    void start(Stage stage) {
        view = Workbenches.show(stage, test.services(new FxTaskRunner(), dir), 1400, 900);
    }

    private WorkspaceView open() {
        return Workbenches.open(view, test.files, dir.resolve("pool.pyro"), pool, "the timeline is grouped by process",
            w -> w.timeline().data() != null && w.timeline().rows().headerRows().length == 3);
    }

    /** The screen point at {@code x} in the label column (or the plot, for x past it), {@code dy} into a row. */
    private static Point2D at(TimelineCanvas canvas, TimelineViewModel model, int row, double x, double dy) {
        return Fx.onFx(() -> canvas.canvas().localToScreen(x, canvas.geometry().rowTop(model.rows(), row) + dy));
    }

    @Test
    void eachProcessHasAHeaderWithItsLanesUnderItAndItsLifeMarked(FxRobot robot) {
        WorkspaceView workspace = open();
        TimelineViewModel model = workspace.model().timeline();
        TimelineCanvas canvas = workspace.timeline().canvas();
        TimelineRows rows = Fx.onFx(model::rows);
        Timeline data = Fx.onFx(model::data);
        assertTrue(rows.grouped());
        int[] headers = rows.headerRows();
        for (int h = 0; h < headers.length; h++) {
            assertEquals(h, rows.index(headers[h]), "headers in the order the processes were met");
            int end = rows.groupEnd(headers[h]);
            assertEquals(h + 1 < headers.length ? headers[h + 1] : rows.size(), end, "nothing between two groups");
        }
        // Every thread has one lane, under its own process's header.
        Set<Integer> laned = new HashSet<>();
        for (int r = 0; r < rows.size(); r++) {
            if (rows.isHeader(r)) continue;
            int thread = rows.index(r);
            assertTrue(laned.add(thread));
            int process = pool.threads().process(thread);
            assertEquals(process, rows.process(r));
            int header = r;
            while (!rows.isHeader(header)) header--;
            assertEquals(process, rows.index(header), "thread " + thread + " lies under its process's header");
        }
        assertEquals(pool.threads().size(), laned.size());

        // The workers began after the parent and ended before the recording did; none of their samples lies outside.
        long recordingEnd = data.endMicros();
        for (int worker = 1; worker <= 2; worker++) {
            ProcessInfo info = data.process(worker);
            assertTrue(info.startMicros() > 0, "worker " + worker + " started during the recording: " + info);
            assertTrue(info.ended(), "worker " + worker + " ended: " + info);
            assertTrue(info.endMicros() > info.startMicros() && info.endMicros() <= recordingEnd,
                "worker " + worker + " lived inside the recording (0–" + recordingEnd + " µs): " + info);
            for (int i = 0; i < pool.samples().size(); i++) {
                if (pool.threads().process(pool.samples().thread(i)) != worker) continue;
                long time = pool.samples().timeMicros(i);
                assertTrue(time >= info.startMicros() && time <= info.endMicros(), "sample at " + time + " of " + info);
            }
        }

        // The markers are on screen: green where the first worker started, red where it ended, in its header row
        // (brought into view with the keyboard: the timeline is short).
        robot.clickOn(at(canvas, model, 0, TimelineGeometry.LABEL_WIDTH + 300, 0).subtract(0, 30));
        robot.type(KeyCode.DOWN, KeyCode.DOWN);
        int header = rows.headerRow(1);
        ProcessInfo first = data.process(1);
        TimelineGeometry geo = Fx.onFx(canvas::geometry);
        double y = geo.rowTop(rows, header) + TimelineRows.HEADER_HEIGHT / 2;
        double startX = Math.floor(geo.xOf(first.startMicros(), model.shown())) + 1;
        double endX = Math.floor(geo.xOf(first.endMicros(), model.shown())) - 1;
        Fx.runFx(canvas::paint);
        WritableImage image = Fx.onFx(() -> canvas.canvas().snapshot(null, null));
        Color started = image.getPixelReader().getColor((int) startX, (int) y);
        Color ended = image.getPixelReader().getColor((int) endX, (int) y);
        assertTrue(started.getGreen() > started.getRed() + 0.2, "start marker at x " + startX + ": " + started);
        assertTrue(ended.getRed() > ended.getGreen() + 0.2, "end marker at x " + endX + ": " + ended);

        // Over the header's plot, what is under the mouse says who the process is and when it lived.
        robot.moveTo(at(canvas, model, header, (startX + endX) / 2, 10));
        String hover = Fx.onFx(() -> model.hoverTextProperty().get());
        assertTrue(hover.contains(first.pid() + "") && hover.contains("started " + TimeLabels.at(first.startMicros()))
            && hover.contains("ended " + TimeLabels.at(first.endMicros())) && hover.contains("CPU"), hover);
        // On the end marker, down in the worker's lane, the tooltip tells when it ended; on the name, who it is.
        robot.moveTo(at(canvas, model, header + 1, endX, 8));
        assertEquals(first.pid() + " ended at " + TimeLabels.at(first.endMicros()), Fx.onFx(canvas::tooltipText));
        robot.moveTo(at(canvas, model, header, 60, 9));
        String tip = Fx.onFx(canvas::tooltipText);
        assertTrue(tip != null && tip.contains(first.commandLine()) && tip.contains("Python "), tip);
    }

    @Test
    void headersFoldByMouseAndKeyboardAndTheirNamesFilterTheProcess(FxRobot robot) {
        WorkspaceView workspace = open();
        TimelineViewModel model = workspace.model().timeline();
        TimelineCanvas canvas = workspace.timeline().canvas();
        int worker = 1;
        Set<Integer> workerThreads = new HashSet<>();
        for (int t = 0; t < pool.threads().size(); t++) if (pool.threads().process(t) == worker) workerThreads.add(t);
        int lanesBefore = Fx.onFx(() -> model.rows().size());

        // Keyboard: focus the timeline, ↓ to the worker's header (it scrolls into view), Space folds it.
        robot.clickOn(at(canvas, model, 0, TimelineGeometry.LABEL_WIDTH + 300, 0).subtract(0, 30));
        robot.type(KeyCode.DOWN, KeyCode.DOWN);
        assertEquals(worker, Fx.onFx(() -> model.focusedProcessProperty().get()));
        robot.type(KeyCode.SPACE);
        Fx.await("the worker's lanes are hidden", () -> Fx.onFx(() -> {
            TimelineRows rows = model.rows();
            return workerThreads.stream().allMatch(t -> rows.laneRow(t) < 0) && rows.headerRow(worker) >= 0;
        }));
        assertEquals(lanesBefore - workerThreads.size(), Fx.onFx(() -> model.rows().size()));
        for (int t = 0; t < pool.threads().size(); t++) {
            int thread = t;
            if (pool.threads().process(t) == 2) assertTrue(Fx.onFx(() -> model.rows().laneRow(thread) >= 0), "the other worker's lanes stay");
        }

        // Mouse: a click on the header's arrow unfolds it again.
        int header = Fx.onFx(() -> model.rows().headerRow(worker));
        robot.clickOn(at(canvas, model, header, 9, 9));
        Fx.await("the worker's lanes are back", () -> Fx.onFx(() -> workerThreads.stream().allMatch(t -> model.rows().laneRow(t) >= 0)));

        // A click on its name shows only this process in every view, and the processes filter says so.
        robot.clickOn(at(canvas, model, header, 60, 9));
        Fx.await("the analysis shows the worker's threads", () -> workerThreads.equals(
            Fx.onFx(() -> workspace.model().analysis().threadsProperty().get())));
        @SuppressWarnings("unchecked")
        CheckComboBox<ProcessChoice> filter = robot.lookup("#process-filter").queryAs(CheckComboBox.class);
        assertEquals(1, Fx.onFx(() -> filter.getCheckModel().getCheckedItems().size()));
        assertEquals(worker, Fx.onFx(() -> filter.getCheckModel().getCheckedItems().getFirst().index()));
        // F on the focused header (the same worker) shows every process again.
        robot.type(KeyCode.F);
        Fx.await("every process again", () -> Fx.onFx(() -> workspace.model().analysis().threadsProperty().get() == null));
        assertNull(Fx.onFx(() -> workspace.model().analysis().threadsProperty().get()));

        // Brushing across a header selects a time range as on any lane.
        TimelineGeometry geo = Fx.onFx(canvas::geometry);
        double from = geo.plotLeft() + geo.plotWidth() * 0.3, to = geo.plotLeft() + geo.plotWidth() * 0.6;
        long fromMicros = Fx.onFx(() -> geo.timeAt(from, model.shown())), toMicros = Fx.onFx(() -> geo.timeAt(to, model.shown()));
        robot.drag(at(canvas, model, header, from, 20), javafx.scene.input.MouseButton.PRIMARY)
            .dropTo(at(canvas, model, header, to, 20));
        Fx.await("a range is selected", () -> Fx.onFx(() -> workspace.model().analysis().timeRangeProperty().get()) != null);
        var range = Fx.onFx(() -> workspace.model().analysis().timeRangeProperty().get());
        long slack = Fx.onFx(() -> model.shown().durationMicros()) / 100;
        assertTrue(Math.abs(range.fromMicros() - fromMicros) <= slack && Math.abs(range.toMicros() - toMicros) <= slack,
            range + " for " + fromMicros + "–" + toMicros);
    }
}
