package dev.pyrometer.app.ui;

import dev.pyrometer.app.ui.common.Dialogs;
import dev.pyrometer.app.ui.common.TaskRunner;
import dev.pyrometer.app.ui.common.Ticker;
import dev.pyrometer.app.ui.common.UiSettings;
import dev.pyrometer.app.ui.picker.ProcessSource;
import dev.pyrometer.app.ui.recording.AttachedTarget;
import dev.pyrometer.app.ui.recording.LaunchSpec;
import dev.pyrometer.app.ui.recording.TargetService;
import dev.pyrometer.app.ui.session.SessionFiles;
import dev.pyrometer.app.ui.shell.Services;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.Progress;
import dev.pyrometer.model.PyrometerException;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/** The services of the real app: the sampler for processes and recording, the model's session files. */
final class RealServices {
    private RealServices() {}

    static Services create(TaskRunner runner, Ticker ticker, Dialogs dialogs, UiSettings settings) {
        return new Services(runner, ticker, PROCESSES, TARGETS, FILES, dialogs, settings, Services.defaultAutosaveDirectory());
    }

    // TODO(ui): replaced by the sampler's ProcessScanner / PythonTarget and the model's session files once they are on main.
    private static final ProcessSource PROCESSES = () -> {
        throw new PyrometerException("this build has no sampler yet, so it cannot list processes");
    };

    private static final TargetService TARGETS = new TargetService() {
        @Override
        public AttachedTarget attach(int pid) {
            throw new PyrometerException("this build has no sampler yet, so it cannot attach to process " + pid);
        }

        @Override
        public AttachedTarget launch(LaunchSpec spec) {
            throw new PyrometerException("this build has no sampler yet, so it cannot launch " + spec.program());
        }
    };

    private static final SessionFiles FILES = new SessionFiles() {
        @Override
        public Opened open(Path file, Progress progress, BooleanSupplier cancelled) {
            throw new PyrometerException("this build cannot read session files yet");
        }

        @Override
        public void save(Profile profile, Path file, Progress progress, BooleanSupplier cancelled) {
            throw new PyrometerException("this build cannot write session files yet");
        }

        @Override
        public Autosave autosave(Profile profile, Path file) {
            throw new PyrometerException("this build cannot write session files yet");
        }
    };
}
