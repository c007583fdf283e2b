package dev.pyrometer.app.ui;

import dev.pyrometer.app.ui.common.Dialogs;
import dev.pyrometer.app.ui.common.TaskRunner;
import dev.pyrometer.app.ui.common.Ticker;
import dev.pyrometer.app.ui.common.UiSettings;
import dev.pyrometer.app.ui.picker.SamplerProcessSource;
import dev.pyrometer.app.ui.recording.SamplerTargetService;
import dev.pyrometer.app.ui.session.ModelSessionFiles;
import dev.pyrometer.app.ui.shell.Services;

/** The services of the real app: the sampler for processes and recording, the model for session files. */
final class RealServices {
    private RealServices() {}

    static Services create(TaskRunner runner, Ticker ticker, Dialogs dialogs, UiSettings settings) {
        return new Services(runner, ticker, new SamplerProcessSource(), new SamplerTargetService(), new ModelSessionFiles(),
            dialogs, settings, Services.defaultAutosaveDirectory());
    }
}
