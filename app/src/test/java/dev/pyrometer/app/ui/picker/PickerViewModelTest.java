package dev.pyrometer.app.ui.picker;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    private final PickerViewModel model = new PickerViewModel(() -> List.copyOf(running), new DirectTaskRunner(), ticker,
        UiSettings.inMemory(), (pid, subprocesses) -> attached.add(pid));

    private static ProcessRow row(int pid, String command) {
        return new ProcessRow(pid, "me", "3.11.7", command, "/usr/bin/python3", 12.5, Instant.now().minusSeconds(90));
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
