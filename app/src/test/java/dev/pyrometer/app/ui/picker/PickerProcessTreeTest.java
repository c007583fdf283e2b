package dev.pyrometer.app.ui.picker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.app.ui.common.DirectTaskRunner;
import dev.pyrometer.app.ui.common.UiSettings;
import dev.pyrometer.app.ui.support.ManualTicker;
import dev.pyrometer.sampler.Pythons;
import dev.pyrometer.sampler.TargetProcess;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The picker's process trees from the real scanner: a running {@code multiprocessing.Pool(2)}'s workers are listed
 * under their parent, filtering for the parent keeps them, and the include-subprocesses choice follows the
 * selection (on for the parent, off for a worker, which has no descendants of its own).
 */
class PickerProcessTreeTest {
    private final List<String> attached = new ArrayList<>();

    static Stream<Pythons.Python> pythons() {
        return Pythons.oldestNewestAndStatic().stream();
    }

    private PickerViewModel picker() {
        return new PickerViewModel(new SamplerProcessSource(), new DirectTaskRunner(), new ManualTicker(),
            UiSettings.inMemory(), (pid, subprocesses) -> attached.add(pid + (subprocesses ? " with subprocesses" : "")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pythons")
    void aForkPoolsWorkersAreListedUnderTheirParent(Pythons.Python python) throws Exception {
        try (TargetProcess pool = TargetProcess.start(python.executable(), "pool_waits.py", "fork", "{dir}")) {
            try {
                Set<Integer> workers = workers(pool);
                PickerViewModel model = picker();
                model.filterProperty().set(pool.dir().getFileName().toString());
                model.activeProperty().set(true);

                ProcessTree tree = model.treeProperty().get();
                // Fork workers carry the parent's command line: all three match; the tree is what tells them apart.
                assertEquals(List.of(pool.pid()), tree.roots().stream().map(ProcessRow::pid).toList(), "roots: " + tree.rows());
                assertEquals(workers, pids(tree.children(pool.pid())));
                for (int w : workers) assertEquals(1, tree.depth(w));
                assertEquals(pool.pid(), model.processes().getFirst().pid(), "the parent comes before its workers");
                assertEquals(workers, pids(model.processes().subList(1, 3)));

                model.selectedProperty().set(tree.row(pool.pid()));
                assertEquals(2, model.subprocessCountProperty().get());
                assertTrue(model.includeSubprocessesProperty().get(), "on by default for a process with children");
                int worker = workers.iterator().next();
                model.selectedProperty().set(tree.row(worker));
                assertEquals(0, model.subprocessCountProperty().get(), "a worker has no siblings under it");
                assertFalse(model.includeSubprocessesProperty().get());

                model.selectedProperty().set(tree.row(pool.pid()));
                model.attach(tree.row(pool.pid()));
                assertEquals(List.of(pool.pid() + " with subprocesses"), attached);
            } finally {
                stop(pool);
            }
        }
    }

    @Test
    void spawnWorkersAndTheResourceTrackerAreListedUnderTheirParentAndTheFilterKeepsThem() throws Exception {
        Pythons.Python python = Pythons.oldestNewestAndStatic().getFirst();
        try (TargetProcess pool = TargetProcess.start(python.executable(), "pool_waits.py", "spawn", "{dir}")) {
            try {
                Set<Integer> workers = workers(pool);
                PickerViewModel model = picker();
                // Spawned workers' command lines do not name the program: the parent's match keeps its descendants.
                model.filterProperty().set(pool.dir().getFileName().toString());
                model.activeProperty().set(true);
                ProcessTree tree = model.treeProperty().get();
                assertEquals(List.of(pool.pid()), tree.roots().stream().map(ProcessRow::pid).toList(), "roots: " + tree.rows());
                Set<Integer> children = pids(tree.children(pool.pid()));
                assertTrue(children.containsAll(workers), children + " holds the workers " + workers);
                for (int w : workers) assertTrue(tree.row(w).commandLine().contains("spawn_main"), tree.row(w).commandLine());

                // Filtering for a worker's pid shows it with its parent, not its sibling.
                int worker = workers.iterator().next();
                model.filterProperty().set(Integer.toString(worker));
                ProcessTree one = model.treeProperty().get();
                assertTrue(one.row(pool.pid()) != null && one.row(worker) != null, one.rows().toString());
                assertEquals(List.of(worker), one.children(pool.pid()).stream().map(ProcessRow::pid).toList());
            } finally {
                stop(pool);
            }
        }
    }

    @Test
    void aChildRunThroughAShellIsListedUnderThePythonParent() throws Exception {
        Pythons.Python python = Pythons.oldestNewestAndStatic().getFirst();
        try (TargetProcess parent = TargetProcess.start(python.executable(), "shell_child.py", "{dir}")) {
            try {
                int child = Integer.parseInt(Files.readString(parent.awaitFile("child")).strip());
                PickerViewModel model = picker();
                model.activeProperty().set(true);
                ProcessTree tree = model.treeProperty().get();
                ProcessRow row = tree.row(child);
                assertTrue(row != null, "the child is listed");
                assertEquals(parent.pid(), row.parentPid(), "the shell in between is looked through");
                assertEquals(1, tree.descendantCount(parent.pid()));
            } finally {
                Files.writeString(parent.dir().resolve("stop"), "");
                parent.process().waitFor(60, TimeUnit.SECONDS);
            }
        }
    }

    /** Waits until both workers run their task; their pids. */
    static Set<Integer> workers(TargetProcess pool) throws Exception {
        return Files.readAllLines(pool.awaitFile("ready")).stream().map(String::strip).filter(s -> !s.isEmpty())
            .map(Integer::parseInt).collect(Collectors.toSet());
    }

    /** Tells the workers to stop and waits for the pool to end (workers first, so none is left spinning). */
    static void stop(TargetProcess pool) throws Exception {
        Files.writeString(pool.dir().resolve("stop"), "");
        pool.process().waitFor(60, TimeUnit.SECONDS);
    }

    private static Set<Integer> pids(List<ProcessRow> rows) {
        return rows.stream().map(ProcessRow::pid).collect(Collectors.toSet());
    }
}
