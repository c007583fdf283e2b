package dev.pyrometer.app.ui.support;

import dev.pyrometer.app.ui.common.DirectTaskRunner;
import dev.pyrometer.app.ui.common.TaskRunner;
import dev.pyrometer.app.ui.common.UiSettings;
import dev.pyrometer.app.ui.picker.ProcessRow;
import dev.pyrometer.app.ui.picker.ProcessSource;
import dev.pyrometer.app.ui.shell.Services;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Services made of test doubles, each reachable for the test to drive and inspect. */
public final class TestServices {
    public final DirectTaskRunner runner = new DirectTaskRunner();
    public final ManualTicker ticker = new ManualTicker();
    public final List<ProcessRow> processes = new ArrayList<>();
    public final FakeTargets targets = new FakeTargets();
    public final MemorySessionFiles files = new MemorySessionFiles();
    public final ScriptedDialogs dialogs = new ScriptedDialogs();
    public final UiSettings settings = UiSettings.inMemory();

    public Services services(Path autosaveDirectory) {
        return services(runner, autosaveDirectory);
    }

    public Services services(TaskRunner taskRunner, Path autosaveDirectory) {
        ProcessSource source = () -> List.copyOf(processes);
        return new Services(taskRunner, ticker, source, targets, files, dialogs, settings, autosaveDirectory);
    }
}
