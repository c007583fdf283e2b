package dev.pyrometer.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.app.desktop.DesktopRequest;
import dev.pyrometer.app.ui.analysis.ProcessChoice;
import dev.pyrometer.app.ui.common.FxTaskRunner;
import dev.pyrometer.app.ui.compare.CompareView;
import dev.pyrometer.app.ui.compare.CompareViewModel;
import dev.pyrometer.app.ui.compare.Comparison;
import dev.pyrometer.app.ui.shell.WorkbenchView;
import dev.pyrometer.app.ui.support.Fx;
import dev.pyrometer.app.ui.support.PoolRecordings;
import dev.pyrometer.app.ui.support.TestServices;
import dev.pyrometer.app.ui.support.Workbenches;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.SampleState;
import dev.pyrometer.model.diff.DiffTable;
import dev.pyrometer.model.diff.MatchBy;
import java.nio.file.Path;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A comparison of two recorded pools (parent and two workers each): merged by default, then one worker of the base
 * run against the new run's worker through each run's process choice, and the same from {@code compare --base-process}.
 */
@ExtendWith(ApplicationExtension.class)
class CompareProcessesUiTest {
    @TempDir
    static Path dir;
    private static Profile first;
    private static Profile second;
    private final TestServices test = new TestServices();
    private WorkbenchView view;

    @BeforeAll
    static void recordTwoPools() throws Exception {
        first = PoolRecordings.record("0.6");
        second = PoolRecordings.record("1");
        assertEquals(3, first.processes().size());
        assertEquals(3, second.processes().size());
    }

    @Start
    void start(Stage stage) {
        test.files.files.put(dir.resolve("first.pyro"), first);
        test.files.files.put(dir.resolve("second.pyro"), second);
        view = Workbenches.show(stage, test.services(new FxTaskRunner(), dir), 1500, 950);
    }

    private CompareView open(DesktopRequest request) {
        Fx.runFx(() -> view.model().handle(request));
        Fx.await("the comparison is made", () -> view.selectedCompareView() != null
            && view.selectedCompareView().model().comparison() != null);
        return Fx.onFx(view::selectedCompareView);
    }

    /** Running samples of a process (-1: all), and of those the ones in work(). */
    private static long[] runningAndWork(Profile p, int process) {
        long running = 0, work = 0;
        for (int i = 0; i < p.samples().size(); i++) {
            if (process >= 0 && p.threads().process(p.samples().thread(i)) != process) continue;
            if (SampleState.isIdle(p.samples().state(i))) continue;
            running++;
            if (PoolRecordings.runs(p, p.samples().stack(i), "work")) work++;
        }
        return new long[] {running, work};
    }

    private static int workRow(DiffTable table) {
        for (int r = 0; r < table.size(); r++) if ("work".equals(table.function(r))) return r;
        throw new AssertionError("no row for work()");
    }

    @Test
    void oneWorkerAgainstTheOtherRunsWorker(FxRobot robot) {
        CompareView compare = open(DesktopRequest.compare(dir.resolve("first.pyro"), dir.resolve("second.pyro")));
        CompareViewModel model = compare.model();
        // Merged by default: every process of each run.
        Comparison merged = Fx.onFx(model::comparison);
        assertEquals(runningAndWork(first, -1)[0], merged.table().baseDenominator());
        assertEquals(runningAndWork(second, -1)[0], merged.table().newDenominator());
        @SuppressWarnings("unchecked")
        ComboBox<ProcessChoice> baseBox = robot.lookup("#compare-base-process").queryAs(ComboBox.class);
        @SuppressWarnings("unchecked")
        ComboBox<ProcessChoice> newBox = robot.lookup("#compare-new-process").queryAs(ComboBox.class);
        assertTrue(Fx.onFx(baseBox::isVisible));
        assertEquals(CompareViewModel.ALL_PROCESSES, Fx.onFx(baseBox::getValue));
        assertEquals(4, Fx.onFx(() -> baseBox.getItems().size()), "all, the parent and two workers");

        int wa = PoolRecordings.busiestWorker(first), wb = PoolRecordings.busiestWorker(second);
        String baseLabel = Fx.onFx(() -> baseBox.getItems().get(wa + 1).label());
        String newLabel = Fx.onFx(() -> newBox.getItems().get(wb + 1).label());
        assertTrue(baseLabel.startsWith(first.processes().get(wa).pid() + " "), baseLabel);
        robot.clickOn(baseBox);
        robot.clickOn(baseLabel);
        robot.clickOn(newBox);
        robot.clickOn(newLabel);
        long[] a = runningAndWork(first, wa), b = runningAndWork(second, wb);
        Fx.await("the comparison is of the two workers", () -> Fx.onFx(() -> {
            Comparison c = model.comparison();
            return c != null && c.table().baseDenominator() == a[0] && c.table().newDenominator() == b[0];
        }));
        DiffTable table = Fx.onFx(() -> model.comparison().table());
        int work = workRow(table);
        assertEquals(a[1], table.baseTotalSamples(work));
        assertEquals(b[1], table.newTotalSamples(work));
        assertEquals((double) a[1] / a[0], table.baseTotal(work), 1e-9);

        // Back to all processes on one side: that run is merged again, the other keeps its worker.
        robot.clickOn(baseBox);
        robot.clickOn("All processes");
        Fx.await("the base run is merged again", () -> Fx.onFx(() -> {
            Comparison c = model.comparison();
            return c != null && c.table().baseDenominator() == runningAndWork(first, -1)[0] && c.table().newDenominator() == b[0];
        }));
    }

    @Test
    void compareNamesEachRunsProcessFromTheCommandLine() {
        int wa = PoolRecordings.busiestWorker(first), wb = PoolRecordings.busiestWorker(second);
        CompareView compare = open(DesktopRequest.compare(dir.resolve("first.pyro"), dir.resolve("second.pyro"), MatchBy.RELATIVE_PATH)
            .withProcesses(Integer.toString(first.processes().get(wa).pid()), Integer.toString(second.processes().get(wb).pid())));
        CompareViewModel model = compare.model();
        assertEquals(wa, Fx.onFx(() -> model.baseProcessProperty().get().index()));
        long[] a = runningAndWork(first, wa), b = runningAndWork(second, wb);
        Fx.await("the comparison is of the two workers", () -> Fx.onFx(() -> {
            Comparison c = model.comparison();
            return c != null && c.table().baseDenominator() == a[0] && c.table().newDenominator() == b[0];
        }));
    }

    @Test
    void aProcessTheRunDoesNotHaveIsSaidOnceAndLeavesItMerged() {
        int wb = PoolRecordings.busiestWorker(second);
        CompareView compare = open(DesktopRequest.compare(dir.resolve("first.pyro"), dir.resolve("second.pyro"), MatchBy.RELATIVE_PATH)
            .withProcesses("999999999", Integer.toString(second.processes().get(wb).pid())));
        CompareViewModel model = compare.model();
        assertEquals(1, test.dialogs.errors.size(), test.dialogs.errors.toString());
        assertTrue(test.dialogs.errors.getFirst().startsWith("No such process: first.pyro: no process '999999999' in it; it has "
            + first.processes().get(0).pid() + " ("), test.dialogs.errors.getFirst());
        assertEquals(CompareViewModel.ALL_PROCESSES, Fx.onFx(() -> model.baseProcessProperty().get()));
        assertEquals(wb, Fx.onFx(() -> model.newProcessProperty().get().index()), "the other run still has its worker");
    }
}
