package dev.pyrometer.app.ui.session;

import dev.pyrometer.app.source.PathMapping;
import dev.pyrometer.app.ui.common.Dialogs;
import dev.pyrometer.app.ui.common.TaskRunner;
import dev.pyrometer.app.ui.common.Ticker;
import javafx.collections.ObservableList;

/** What every workspace shares with the rest of the app: background work, timers, files, dialogs, settings. */
public record WorkspaceContext(TaskRunner runner, Ticker ticker, SessionFiles files, Dialogs dialogs, RecentFiles recent,
                               ObservableList<PathMapping> mappings) {}
