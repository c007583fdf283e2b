package dev.pyrometer.app.ui.shell;

import dev.pyrometer.app.ui.common.Dialogs;
import dev.pyrometer.app.ui.common.TaskRunner;
import dev.pyrometer.app.ui.common.Ticker;
import dev.pyrometer.app.ui.common.UiSettings;
import dev.pyrometer.app.ui.picker.ProcessSource;
import dev.pyrometer.app.ui.recording.TargetService;
import dev.pyrometer.app.ui.session.SessionFiles;
import java.nio.file.Path;

/**
 * Everything the workbench depends on, in one place: the real app passes sampler- and file-backed services; tests
 * pass doubles (a same-thread task runner, a hand-driven ticker, in-memory processes).
 *
 * @param autosaveDirectory where recordings stream to until the user saves them
 */
public record Services(TaskRunner runner, Ticker ticker, ProcessSource processes, TargetService targets,
                       SessionFiles files, Dialogs dialogs, UiSettings settings, Path autosaveDirectory) {

    /** {@code $XDG_DATA_HOME/pyrometer/recordings}, or {@code ~/.local/share/pyrometer/recordings}. */
    public static Path defaultAutosaveDirectory() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("pyrometer").resolve("recordings");
    }
}
