package dev.pyrometer.app.ui.picker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.app.ui.common.DirectTaskRunner;
import dev.pyrometer.app.ui.common.UiSettings;
import dev.pyrometer.app.ui.support.ManualTicker;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PickerViewModelTest {
    private final List<ProcessRow> running = new ArrayList<>();
    private final ManualTicker ticker = new ManualTicker();
    private final List<Integer> attached = new ArrayList<>();
    private final List<Boolean> withSubprocesses = new ArrayList<>();
    private final PickerViewModel model = new PickerViewModel(() -> List.copyOf(running), new DirectTaskRunner(), ticker,
        UiSettings.inMemory(), (pid, subprocesses) -> {
            attached.add(pid);
            withSubprocesses.add(subprocesses);
        });

    private static ProcessRow row(int pid, String command) {
        return new ProcessRow(pid, "me", "3.11.7", command, "/usr/bin/python3", 12.5, Instant.now().minusSeconds(90));
    }

    private static ProcessRow child(int pid, int parent, String command) {
        return new ProcessRow(pid, "me", "3.11.7", command, "/usr/bin/python3", 12.5, Instant.now().minusSeconds(90), parent);
    }

    private List<Integer> shown() {
        return model.processes().stream().map(ProcessRow::pid).toList();
    }

    /** A gunicorn master (5) with two workers, one of which runs a helper; an unrelated script (3). */
    private void gunicorn() {
        running.addAll(List.of(row(3, "python3 etl.py"), row(5, "python -m gunicorn app:server"),
            child(7, 5, "gunicorn: worker [app:server]"), child(8, 5, "gunicorn: worker [app:server]"),
            child(20, 8, "python3 -c 'import helper'")));
    }

    @Test
    void childrenAreListedUnderTheirParentAndCountedAsItsSubprocesses() {
        gunicorn();
        model.activeProperty().set(true);
        assertEquals(List.of(3, 5, 7, 8, 20), shown(), "parents before their children");
        ProcessTree tree = model.treeProperty().get();
        assertEquals(List.of(3, 5), tree.roots().stream().map(ProcessRow::pid).toList());
        assertEquals(List.of(7, 8), tree.children(5).stream().map(ProcessRow::pid).toList());
        assertEquals(2, tree.depth(20));
        assertEquals(3, tree.descendantCount(5));
        assertEquals("5 Python processes", model.statusProperty().get());
    }

    @Test
    void aMatchOnAChildShowsItsParentsAndAMatchOnAParentItsDescendants() {
        gunicorn();
        model.activeProperty().set(true);
        model.filterProperty().set("helper");
        assertEquals(List.of(5, 8, 20), shown(), "the helper with its worker and master, not the other worker");
        assertEquals("5 Python processes, 3 shown", model.statusProperty().get());
        model.filterProperty().set("gunicorn app");
        assertEquals(List.of(5, 7, 8, 20), shown(), "the master and everything under it");
        model.filterProperty().set("");
        assertEquals(5, shown().size());
    }

    @Test
    void theIncludeChoiceIsOnForAParentOffForAWorkerAndTheUsersOnceChosen() {
        gunicorn();
        model.activeProperty().set(true);
        ProcessTree tree = model.treeProperty().get();
        model.selectedProperty().set(tree.row(5));
        assertEquals(3, model.subprocessCountProperty().get());
        assertTrue(model.includeSubprocessesProperty().get());
        model.attach(tree.row(5));
        model.attachFinished(null);

        model.selectedProperty().set(tree.row(7));
        assertEquals(0, model.subprocessCountProperty().get());
        assertFalse(model.includeSubprocessesProperty().get(), "a worker alone: its siblings are not pulled in");
        model.attach(tree.row(7));
        model.attachFinished(null);

        // Chosen off for the master: refreshes (new row objects) keep the choice.
        model.selectedProperty().set(tree.row(5));
        model.includeSubprocessesProperty().set(false);
        ticker.tick();
        model.selectedProperty().set(model.treeProperty().get().row(5));
        assertFalse(model.includeSubprocessesProperty().get());
        model.attach(model.treeProperty().get().row(5));
        model.attachFinished(null);
        assertEquals(List.of(5, 7, 5), attached);
        assertEquals(List.of(true, false, false), withSubprocesses);

        // Native frames read one process: no subprocesses whatever the choice.
        model.includeSubprocessesProperty().set(true);
        model.nativeFramesProperty().set(true);
        model.attach(model.treeProperty().get().row(5));
        assertEquals(false, withSubprocesses.getLast());
    }

    @Test
    void aProcessThatStartsWorkersWhileSelectedGetsTheChoiceUnlessTheUserMadeOne() {
        running.add(row(5, "python3 pool.py"));
        model.activeProperty().set(true);
        model.selectedProperty().set(model.treeProperty().get().row(5));
        assertFalse(model.includeSubprocessesProperty().get());
        running.addAll(List.of(child(6, 5, "python3 pool.py"), child(7, 5, "python3 pool.py")));
        ticker.tick();
        assertEquals(2, model.subprocessCountProperty().get());
        assertTrue(model.includeSubprocessesProperty().get());
    }

    @Test
    void aLoopOfParentsStillListsEveryProcessOnce() {
        running.addAll(List.of(child(1, 2, "a"), child(2, 1, "b"), row(3, "c")));
        model.activeProperty().set(true);
        assertEquals(3, shown().size());
        assertEquals(3, new java.util.HashSet<>(shown()).size());
    }

    @Test
    void listsProcessesWhileShownAndRefreshesOnEveryTick() {
        running.add(row(10, "python3 web.py"));
        model.activeProperty().set(true);
        assertEquals(1, model.processes().size());
        running.add(row(11, "python3 -m worker"));
        ticker.tick();
        assertEquals(2, model.processes().size());
        assertEquals("2 Python processes", model.statusProperty().get());
        model.activeProperty().set(false);
        assertEquals(0, ticker.subscriptions(), "no refreshing while the page is hidden");
    }

    @Test
    void filtersAsTheUserTypes() {
        running.addAll(List.of(row(10, "python3 web.py"), row(11, "python3 -m worker"), row(1234, "python3 etl.py")));
        model.activeProperty().set(true);
        model.filterProperty().set("WORK");
        assertEquals(List.of(11), model.processes().stream().map(ProcessRow::pid).toList());
        model.filterProperty().set("123");
        assertEquals(List.of(1234), model.processes().stream().map(ProcessRow::pid).toList());
        assertEquals("3 Python processes, 1 shown", model.statusProperty().get());
        model.filterProperty().set("");
        assertEquals(3, model.processes().size());
    }

    @Test
    void attachErrorsAreShownInlineAndCleared() {
        model.attach(row(10, "python3 web.py"));
        assertEquals(List.of(10), attached);
        assertTrue(model.attachingProperty().get());
        model.attach(row(11, "x"));
        assertEquals(List.of(10), attached, "one attach at a time");
        model.attachFinished("cannot read the memory of process 10: ptrace is restricted (kernel.yama.ptrace_scope=1)");
        assertTrue(model.errorProperty().get().startsWith("cannot read"));
        model.clearError();
        assertEquals("", model.errorProperty().get());
    }

    @Test
    void uptimeReadsLikeAPerson() {
        Instant now = Instant.now();
        assertEquals("42 s", new ProcessRow(1, "", "", "", "", 0, now.minusSeconds(42)).uptime(now));
        assertEquals("3 h 5 min", new ProcessRow(1, "", "", "", "", 0, now.minusSeconds(3 * 3600 + 5 * 60)).uptime(now));
    }
}
