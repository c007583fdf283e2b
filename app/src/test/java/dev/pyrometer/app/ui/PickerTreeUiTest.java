package dev.pyrometer.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.app.ui.common.FxTaskRunner;
import dev.pyrometer.app.ui.common.FxTicker;
import dev.pyrometer.app.ui.common.UiSettings;
import dev.pyrometer.app.ui.picker.ProcessRow;
import dev.pyrometer.app.ui.picker.SamplerProcessSource;
import dev.pyrometer.app.ui.recording.SamplerTargetService;
import dev.pyrometer.app.ui.session.ModelSessionFiles;
import dev.pyrometer.app.ui.session.WorkspaceViewModel;
import dev.pyrometer.app.ui.shell.Services;
import dev.pyrometer.app.ui.shell.WorkbenchView;
import dev.pyrometer.app.ui.shell.WorkbenchViewModel;
import dev.pyrometer.app.ui.support.Fx;
import dev.pyrometer.app.ui.support.ScriptedDialogs;
import dev.pyrometer.app.ui.support.Workbenches;
import dev.pyrometer.model.Profile;
import dev.pyrometer.sampler.Pythons;
import dev.pyrometer.sampler.TargetProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The real picker on a running {@code multiprocessing.Pool(2)}: the parent's workers are indented under it, and
 * attaching to the parent with "Include 2 Python subprocesses" on records samples from the 3 processes; with it
 * off, from the parent alone.
 */
@ExtendWith(ApplicationExtension.class)
class PickerTreeUiTest {
    @TempDir
    static Path dir;
    private static TargetProcess pool;
    private static Set<Integer> workers;
    private WorkbenchView view;

    @BeforeAll
    static void startAPool() throws Exception {
        pool = TargetProcess.start(Pythons.all().getLast().executable(), "pool_waits.py", "fork", "{dir}");
        workers = Files.readAllLines(pool.awaitFile("ready")).stream().map(String::strip).filter(s -> !s.isEmpty())
            .map(Integer::parseInt).collect(Collectors.toSet());
    }

    @AfterAll
    static void stopThePool() throws Exception {
        Files.writeString(pool.dir().resolve("stop"), "");
        pool.process().waitFor(60, TimeUnit.SECONDS);
        pool.close();
    }

    @Start
    void start(Stage stage) {
        Services services = new Services(new FxTaskRunner(), new FxTicker(), new SamplerProcessSource(),
            new SamplerTargetService(), new ModelSessionFiles(), new ScriptedDialogs(), UiSettings.inMemory(),
            dir.resolve("autosave"));
        view = Workbenches.show(stage, services, 1400, 900);
    }

    @AfterEach
    void endRecordings() {
        WorkbenchViewModel model = view.model();
        List<WorkspaceViewModel> open = Fx.onFx(() -> List.copyOf(model.workspaces()));
        Fx.runFx(() -> open.forEach(w -> w.dispose(true)));
        Fx.await("the recordings ended", () -> open.stream().allMatch(w -> w.disposedProperty().get()));
    }

    @Test
    void thePoolsWorkersAreIndentedUnderItAndAttachingWithThemRecordsThreeProcesses(FxRobot robot) {
        TreeTableView<ProcessRow> table = showThePool(robot);
        TreeItem<ProcessRow> parent = Fx.onFx(() -> table.getTreeItem(0));
        assertEquals(pool.pid(), parent.getValue().pid());
        assertEquals(1, Fx.onFx(() -> table.getTreeItemLevel(parent)), "the parent is a top-level row");
        for (int i = 1; i <= 2; i++) {
            int row = i;
            TreeItem<ProcessRow> worker = Fx.onFx(() -> table.getTreeItem(row));
            assertTrue(workers.contains(worker.getValue().pid()), "row " + i + ": " + worker.getValue());
            assertEquals(parent, worker.getParent());
            assertEquals(2, Fx.onFx(() -> table.getTreeItemLevel(worker)), "the worker is indented under the parent");
        }
        // Its rows on screen: the workers' PID cells start further right than the parent's.
        double parentIndent = Fx.onFx(() -> indentOf(table, pool.pid()));
        for (int w : workers) assertTrue(Fx.onFx(() -> indentOf(table, w)) > parentIndent, "worker " + w + " is indented");

        // Collapsing the parent hides its workers; expanding shows them again.
        Fx.runFx(() -> parent.setExpanded(false));
        assertEquals(1, Fx.onFx(table::getExpandedItemCount));
        Fx.runFx(() -> parent.setExpanded(true));
        assertEquals(3, Fx.onFx(table::getExpandedItemCount));

        // Sorted by pid, highest first: the workers swap places under their parent, through the next refreshes too.
        Fx.runFx(() -> {
            var pid = table.getColumns().getFirst();
            pid.setSortType(javafx.scene.control.TreeTableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(pid));
        });
        int high = workers.stream().mapToInt(Integer::intValue).max().orElseThrow();
        int low = workers.stream().mapToInt(Integer::intValue).min().orElseThrow();
        for (int refresh = 0; refresh < 2; refresh++) {
            var before = Fx.onFx(() -> view.model().picker().treeProperty().get());
            Fx.runFx(() -> view.model().picker().refresh());
            Fx.await("a new scan shown, the parent, then its workers highest pid first", () ->
                view.model().picker().treeProperty().get() != before && table.getExpandedItemCount() == 3
                && table.getTreeItem(0).getValue().pid() == pool.pid()
                && table.getTreeItem(1).getValue().pid() == high && table.getTreeItem(2).getValue().pid() == low
                && table.getTreeItemLevel(table.getTreeItem(2)) == 2);
        }
        Fx.runFx(() -> table.getSortOrder().clear());

        selectTheParent(robot);
        CheckBox include = robot.lookup("#picker-subprocesses").queryAs(CheckBox.class);
        assertEquals("Include 2 Python subprocesses", Fx.onFx(include::getText));
        assertTrue(Fx.onFx(include::isSelected), "on by default for a process with workers");
        robot.clickOn("#picker-attach");

        WorkspaceViewModel workspace = recording();
        Fx.await("samples from the parent and both workers", () -> sampledPids(workspace.profile()).size() == 3);
        Set<Integer> expected = new HashSet<>(workers);
        expected.add(pool.pid());
        assertEquals(expected, sampledPids(Fx.onFx(workspace::profile)));
    }

    @Test
    void withTheChoiceOffOnlyTheParentIsRecorded(FxRobot robot) {
        TreeTableView<ProcessRow> table = showThePool(robot);
        selectTheParent(robot);
        CheckBox include = robot.lookup("#picker-subprocesses").queryAs(CheckBox.class);
        Fx.await("the include choice is on", include::isSelected);
        // Turned off from the keyboard: Space on the focused check box (Tab reaches it after Attach).
        assertTrue(Fx.onFx(include::isFocusTraversable));
        Fx.runFx(include::requestFocus);
        robot.type(KeyCode.SPACE);
        Fx.await("the include choice is off", () -> !include.isSelected());
        robot.clickOn("#picker-attach");

        WorkspaceViewModel workspace = recording();
        // 300 samples at 100 Hz: a follower finds running workers in its first tick, long before this.
        Fx.await("300 samples", () -> workspace.profile().samples().size() >= 300);
        assertEquals(Set.of(pool.pid()), sampledPids(Fx.onFx(workspace::profile)));
        assertFalse(Fx.onFx(include::isSelected));
    }

    private TreeTableView<ProcessRow> showThePool(FxRobot robot) {
        TreeTableView<ProcessRow> table = view.startPage().table();
        robot.clickOn("#picker-filter").write(pool.dir().getFileName().toString());
        Fx.await("the picker lists the pool and its workers", () -> table.getExpandedItemCount() == 3
            && table.getTreeItem(0).getValue().pid() == pool.pid());
        return table;
    }

    /**
     * Down from the filter selects the first row: the parent. (A robot's click on a row can miss it: each refresh
     * hands the rows new values, and the table may lay its row cells out again between finding one and clicking.)
     */
    private void selectTheParent(FxRobot robot) {
        robot.clickOn("#picker-filter").type(KeyCode.DOWN);
        Fx.await("the parent is selected", () -> view.startPage().selectedProcess() != null
            && view.startPage().selectedProcess().pid() == pool.pid());
    }

    private WorkspaceViewModel recording() {
        WorkbenchViewModel model = view.model();
        Fx.await("a workspace records the pool", () -> model.selected() != null);
        return Fx.onFx(model::selected);
    }

    /** The pids of the processes the samples came from (a recording of one process may have no process table). */
    private static Set<Integer> sampledPids(Profile profile) {
        Set<Integer> pids = new HashSet<>();
        int n = profile.samples().size();
        for (int i = 0; i < n; i++) {
            int process = profile.threads().process(profile.samples().thread(i));
            pids.add(process >= 0 && process < profile.processes().size() ? profile.processes().get(process).pid() : -1);
        }
        if (pids.remove(-1)) pids.add(Integer.parseInt(profile.metadata("pid")));
        return pids;
    }

    private static TreeTableRow<?> rowOf(TreeTableView<ProcessRow> table, int pid) {
        return table.lookupAll(".tree-table-row-cell").stream().map(node -> (TreeTableRow<?>) node)
            .filter(r -> r.isVisible() && r.getItem() instanceof ProcessRow p && p.pid() == pid)
            .findFirst().orElseThrow(() -> new AssertionError("no row for " + pid));
    }

    /** Where the PID text of a process's row starts, from the row's left edge. */
    private static double indentOf(TreeTableView<ProcessRow> table, int pid) {
        TreeTableRow<?> row = rowOf(table, pid);
        var cell = (javafx.scene.control.TreeTableCell<?, ?>) row.lookupAll(".tree-table-cell").iterator().next();
        var text = cell.lookup(".text");
        return row.sceneToLocal(text.localToScene(text.getBoundsInLocal())).getMinX();
    }
}
