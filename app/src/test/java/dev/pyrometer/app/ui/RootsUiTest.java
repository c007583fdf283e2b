package dev.pyrometer.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.app.ui.analysis.Analysis;
import dev.pyrometer.app.ui.common.FxTaskRunner;
import dev.pyrometer.app.ui.flame.FlameGraphViewModel;
import dev.pyrometer.app.ui.flame.FlameScene;
import dev.pyrometer.app.ui.flame.HoverInfo;
import dev.pyrometer.app.ui.session.WorkspaceView;
import dev.pyrometer.app.ui.shell.WorkbenchView;
import dev.pyrometer.app.ui.support.Fx;
import dev.pyrometer.app.ui.support.PoolRecordings;
import dev.pyrometer.app.ui.support.TestServices;
import dev.pyrometer.app.ui.support.Workbenches;
import dev.pyrometer.model.ProcessInfo;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.aggregate.CallTree;
import dev.pyrometer.model.aggregate.FlameLayout;
import dev.pyrometer.model.aggregate.Roots;
import dev.pyrometer.model.aggregate.Transform;
import dev.pyrometer.model.session.SavedView;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The flame graph's "Roots" choice on a recorded multiprocessing pool (parent and two workers): by process, each
 * process is a tower of its own, the workers' function under the workers' frames with exactly their samples.
 */
@ExtendWith(ApplicationExtension.class)
class RootsUiTest {
    @TempDir
    static Path dir;
    private static Profile pool;
    private final TestServices test = new TestServices();
    private WorkbenchView view;

    @BeforeAll
    static void recordAPool() throws Exception {
        pool = PoolRecordings.record("1");
        assertEquals(3, pool.processes().size(), "the parent and two workers");
    }

    @Start
    void start(Stage stage) {
        view = Workbenches.show(stage, test.services(new FxTaskRunner(), dir), 1400, 900);
    }

    @Test
    void byProcessGivesEachProcessATowerWithItsOwnSamples(FxRobot robot) {
        Path file = dir.resolve("pool.pyro");
        WorkspaceView workspace = Workbenches.open(view, test.files, file, pool,
            "the flame graph has a scene", w -> w.flame().scene() != null);
        FlameGraphViewModel flame = Fx.onFx(() -> workspace.model().flame());
        // Every process has samples once idle ones count (the parent mostly waits for its workers).
        robot.clickOn("#include-idle");
        Fx.await("idle samples count", () -> Fx.onFx(() -> robot.lookup("#include-idle").queryAs(CheckBox.class).isSelected()));

        @SuppressWarnings("unchecked")
        ChoiceBox<Roots> roots = robot.lookup("#flame-roots").queryAs(ChoiceBox.class);
        assertEquals(List.of(Roots.values()), Fx.onFx(() -> List.copyOf(roots.getItems())), "several processes: every choice");
        robot.clickOn("#flame-roots");
        robot.clickOn("By process");
        Fx.await("the analysis is by process", () -> Fx.onFx(() -> {
            Analysis a = workspace.model().analysis().analysis();
            return a != null && a.request().roots() == Roots.PROCESS && a.request().selection().includeIdle();
        }));
        CallTree tree = Fx.onFx(() -> workspace.model().analysis().analysis().tree());

        // Three towers, one per process, each as wide as that process's samples.
        int[] towers = tree.children(0);
        assertEquals(3, towers.length, "towers: " + labels(tree, towers));
        long[] samplesOf = new long[3];
        long[] workOf = new long[3];
        for (int i = 0; i < pool.samples().size(); i++) {
            int process = pool.threads().process(pool.samples().thread(i));
            samplesOf[process]++;
            if (runs(pool, pool.samples().stack(i), "work")) workOf[process]++;
        }
        long workers = 0;
        for (int tower : towers) {
            assertTrue(tree.keys().isRoot(tree.key(tower)));
            int process = tree.keys().root(tree.key(tower)).process();
            ProcessInfo info = pool.processes().get(process);
            assertEquals("process " + info.pid() + " \"" + info.commandLine() + "\"", tree.label(tower));
            assertEquals(samplesOf[process], tree.total(tower), tree.label(tower));
            assertEquals(workOf[process], totalUnder(tree, tower, "work"), "work() under " + tree.label(tower));
            if (process > 0 && workOf[process] > 0) workers++;
        }
        assertEquals(0, workOf[0], "the parent never runs work()");
        assertTrue(workers >= 1, "a worker ran work(): " + java.util.Arrays.toString(workOf));
        assertEquals(workOf[1] + workOf[2], totalUnder(tree, 0, "work"), "work() runs in the workers only");

        // The hover card of a worker's tower says who it is.
        Fx.await("the scene is by process", () -> Fx.onFx(() -> flame.scene() != null
            && flame.scene().layout().tree() == workspace.model().analysis().analysis().tree()));
        FlameScene scene = Fx.onFx(flame::scene);
        int workerNode = nodeOfLabel(scene.layout(), "process " + pool.processes().get(1).pid() + " ");
        Fx.runFx(() -> flame.hover(workerNode));
        HoverInfo card = Fx.onFx(() -> flame.hoverInfoProperty().get());
        ProcessInfo worker = pool.processes().get(1);
        assertEquals("every sample of this process", card.location());
        assertTrue(card.notes().contains("process " + worker.pid() + " · parent " + worker.parentPid()), card.notes().toString());
        assertTrue(card.notes().contains("Python " + worker.pythonVersion()), card.notes().toString());
        assertTrue(card.notes().stream().anyMatch(l -> l.startsWith("started ") && l.contains("ended ")), card.notes().toString());

        // Search finds a tower by its pid; its share is the worker's.
        Fx.runFx(() -> flame.searchProperty().set("process " + worker.pid() + " "));
        Fx.await("the search counts the worker's tower", () -> Fx.onFx(() -> flame.searchSummaryProperty().get())
            .startsWith("1 frame"));

        // The graph writes the whole label on the tower; the call tree's towers and the sandwich of a tower follow.
        String workerLabel = "process " + worker.pid() + " \"" + worker.commandLine() + "\"";
        assertEquals(workerLabel, scene.shortLabel(workerNode));
        Fx.await("the call tree is by process", () -> Fx.onFx(() -> {
            CallTree shown = workspace.model().callTree().treeProperty().get();
            return shown != null && shown.children(0).length == 3 && shown.label(shown.children(0)[0]).startsWith("process ");
        }));
        robot.clickOn("#tab-sandwich");
        Fx.runFx(() -> flame.click(workerNode));
        Fx.await("the sandwich is of the worker's tower", () -> Fx.onFx(() -> {
            var summary = workspace.model().sandwich().summaryProperty().get();
            return summary != null && summary.title().equals(workerLabel) && summary.location().equals("every sample of this process");
        }));

        // Focus on the worker's tower: the worker alone; back to merged drops the focus with the towers.
        var ref = tree.ref(towerOf(tree, 1));
        Fx.runFx(() -> workspace.model().analysis().apply(new Transform.Focus(ref)));
        Fx.await("focused on the worker", () -> Fx.onFx(() -> {
            Analysis a = workspace.model().analysis().analysis();
            return a != null && !a.request().transforms().isEmpty() && a.sampleCount() == samplesOf[1]
                && a.tree().children(0).length == 1;
        }));
        robot.clickOn("#flame-roots");
        robot.clickOn("All merged");
        Fx.await("merged again, unfocused", () -> Fx.onFx(() -> {
            Analysis a = workspace.model().analysis().analysis();
            return a != null && a.request().roots() == Roots.MERGED && a.request().transforms().isEmpty()
                && a.sampleCount() == pool.samples().size();
        }));
        Fx.runFx(() -> roots.setValue(Roots.PROCESS_AND_THREAD));
        Fx.runFx(() -> workspace.model().saveTo(file, () -> { }));
        Fx.await("the choice is in the saved view", () -> SavedView.roots(pool) == Roots.PROCESS_AND_THREAD);
    }

    private static boolean runs(Profile profile, int stack, String function) {
        return PoolRecordings.runs(profile, stack, function);
    }

    /** Samples in {@code node}'s subtree passing through a function of that name (it does not recurse). */
    private static long totalUnder(CallTree tree, int node, String function) {
        long total = 0;
        for (int n = node + 1; n < tree.end(node); n++) {
            if (!tree.keys().isRoot(tree.key(n)) && function.equals(tree.keys().function(tree.key(n)))) total += tree.total(n);
        }
        return total;
    }

    private static int towerOf(CallTree tree, int process) {
        for (int c : tree.children(0)) if (tree.keys().root(tree.key(c)).process() == process) return c;
        throw new AssertionError("no tower of process " + process);
    }

    private static int nodeOfLabel(FlameLayout layout, String prefix) {
        for (int i = 0; i < layout.size(); i++) if (!layout.isOther(i) && layout.label(i).startsWith(prefix)) return i;
        throw new AssertionError("no frame " + prefix);
    }

    private static List<String> labels(CallTree tree, int[] nodes) {
        List<String> out = new ArrayList<>();
        for (int n : nodes) out.add(tree.label(n));
        return out;
    }
}
