package dev.pyrometer.app.ui.picker;

import dev.pyrometer.app.ui.common.TaskRunner;
import dev.pyrometer.app.ui.common.Ticker;
import dev.pyrometer.app.ui.common.UiSettings;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The start page's process picker: the Python processes on this machine as trees (each under the Python process it
 * descends from), refreshed every couple of seconds while the page is shown, filtered as the user types; Attach,
 * with or without the selected process's Python descendants; the recording settings; an inline error when
 * attaching failed (the sampler's sentence, e.g. what to do about ptrace permissions), never a stack trace.
 */
public final class PickerViewModel {
    static final Duration REFRESH = Duration.ofSeconds(2);

    /** Asks the app to attach to a process, and with {@code subprocesses} to follow its Python descendants too. */
    @FunctionalInterface
    public interface Attacher {
        void attach(int pid, boolean subprocesses);
    }

    private final ProcessSource source;
    private final TaskRunner runner;
    private final Ticker ticker;
    private final Attacher attach;
    /** Every process of the last scan, and the ones the filter shows. */
    private ProcessTree all = ProcessTree.EMPTY;
    private final ReadOnlyObjectWrapper<ProcessTree> shown = new ReadOnlyObjectWrapper<>(this, "tree", ProcessTree.EMPTY);
    private final ObservableList<ProcessRow> filtered = FXCollections.observableArrayList();
    private final ObjectProperty<ProcessRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyIntegerWrapper subprocessCount = new ReadOnlyIntegerWrapper(this, "subprocessCount");
    private final BooleanProperty includeSubprocesses = new SimpleBooleanProperty(this, "includeSubprocesses");
    /** The user set the include choice for the selected process: refreshes leave it alone. */
    private boolean includeChosen;
    private int choicePid = -1;
    private boolean settingInclude;
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Looking for Python processes…");
    private final ReadOnlyBooleanWrapper attaching = new ReadOnlyBooleanWrapper(this, "attaching");
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", false);
    private final DoubleProperty rate;
    private final IntegerProperty durationSeconds;
    private final BooleanProperty nativeFrames;
    private final BooleanProperty showPlumbing;
    private Ticker.Subscription refreshing = Ticker.Subscription.NONE;
    private boolean scanning;

    /** @param attach asks the app to attach to a pid (it reports back through {@link #attachFinished}) */
    public PickerViewModel(ProcessSource source, TaskRunner runner, Ticker ticker, UiSettings settings, Attacher attach) {
        this.source = source;
        this.runner = runner;
        this.ticker = ticker;
        this.attach = attach;
        this.rate = new SimpleDoubleProperty(this, "rate", settings.getDouble("record.rate", 100));
        this.durationSeconds = new SimpleIntegerProperty(this, "durationSeconds", (int) settings.getDouble("record.duration", 0));
        rate.addListener((o, b, v) -> settings.putDouble("record.rate", v.doubleValue()));
        durationSeconds.addListener((o, b, v) -> settings.putDouble("record.duration", v.intValue()));
        this.nativeFrames = new SimpleBooleanProperty(this, "nativeFrames", settings.getBoolean("record.native", false));
        this.showPlumbing = new SimpleBooleanProperty(this, "showPlumbing",
            settings.getBoolean("record.native.plumbing", false));
        nativeFrames.addListener((o, b, v) -> settings.putBoolean("record.native", v));
        showPlumbing.addListener((o, b, v) -> settings.putBoolean("record.native.plumbing", v));
        filter.addListener((o, before, text) -> show(all.rows()));
        // The list hands over new rows on each refresh (and may select nothing in between): the choice is the user's
        // until another process is selected.
        selected.addListener((o, before, row) -> {
            if (row != null && row.pid() != choicePid) {
                choicePid = row.pid();
                includeChosen = false;
            }
            updateSubprocesses();
        });
        includeSubprocesses.addListener((o, before, on) -> { if (!settingInclude) includeChosen = true; });
        active.addListener((o, before, on) -> {
            refreshing.close();
            if (on) {
                refresh();
                refreshing = ticker.every(REFRESH, this::refresh);
            } else {
                refreshing = Ticker.Subscription.NONE;
            }
        });
    }

    /** The processes shown (all, or the filter's), parents before their children. */
    public ObservableList<ProcessRow> processes() { return filtered; }
    /** The processes shown as trees. */
    public ReadOnlyObjectProperty<ProcessTree> treeProperty() { return shown.getReadOnlyProperty(); }
    /** The process selected in the list (the view sets it); Attach and the subprocesses choice are about it. */
    public ObjectProperty<ProcessRow> selectedProperty() { return selected; }
    /** How many Python processes descend from the selected one now. */
    public ReadOnlyIntegerProperty subprocessCountProperty() { return subprocessCount.getReadOnlyProperty(); }
    /**
     * Attaching to the selected process also records its Python descendants (those running and those it starts),
     * as Launch… does. On when a newly selected process has descendants, until the user chooses.
     */
    public BooleanProperty includeSubprocessesProperty() { return includeSubprocesses; }
    public StringProperty filterProperty() { return filter; }
    /** Why the last attach failed, in the sampler's words; empty when there is nothing to say. */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    /** "3 Python processes" and the like. */
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty attachingProperty() { return attaching.getReadOnlyProperty(); }
    /** True while the start page is on screen: only then does the list refresh. */
    public BooleanProperty activeProperty() { return active; }
    public DoubleProperty rateProperty() { return rate; }
    /** 0 for "until stopped". */
    public IntegerProperty durationSecondsProperty() { return durationSeconds; }
    /** Record native (C) frames too (see {@link dev.pyrometer.app.ui.recording.RecordingSettings#NATIVE_COST}). */
    public BooleanProperty nativeFramesProperty() { return nativeFrames; }
    /** With native frames, keep the interpreter's own call plumbing. */
    public BooleanProperty showPlumbingProperty() { return showPlumbing; }

    /** Scans now, in the background (skipped while a scan is still running). */
    public void refresh() {
        if (scanning) return;
        scanning = true;
        runner.submit("Listing Python processes", (cancelled, progress) -> source.scan(), rows -> {
            scanning = false;
            show(rows);
        }, failure -> {
            scanning = false;
            status.set("Could not list processes: " + failure.getMessage());
        });
    }

    /**
     * Attach to the process of a row (double-click, Enter, the Attach button), with its descendants when the include
     * choice says so (for a row other than the selected one: when it has descendants).
     */
    public void attach(ProcessRow row) {
        if (row == null || attaching.get()) return;
        ProcessRow chosen = selected.get();
        boolean subprocesses = chosen != null && chosen.pid() == row.pid() ? includeSubprocesses.get()
            : all.descendantCount(row.pid()) > 0;
        error.set("");
        attaching.set(true);
        attach.attach(row.pid(), subprocesses && !nativeFrames.get());
    }

    /** The app reports that attaching ended; a message when it failed. */
    public void attachFinished(String failure) {
        attaching.set(false);
        error.set(failure == null ? "" : failure);
    }

    public void clearError() {
        error.set("");
    }

    private void show(List<ProcessRow> rows) {
        all = ProcessTree.of(rows);
        String needle = filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
        ProcessTree tree = needle.isEmpty() ? all : all.filter(row -> matches(row, needle));
        shown.set(tree);
        filtered.setAll(tree.rows());
        updateSubprocesses();
        int n = all.size();
        status.set(n == 0 ? "No Python processes found. Start one, or use Launch… to start a program under the profiler."
            : n + (n == 1 ? " Python process" : " Python processes") + (tree.size() != n ? ", " + tree.size() + " shown" : ""));
    }

    /** The selected process's descendant count, and the include choice's default when the user has not chosen. */
    private void updateSubprocesses() {
        ProcessRow row = selected.get();
        int count = row == null ? 0 : all.descendantCount(row.pid());
        subprocessCount.set(count);
        if (!includeChosen) {
            settingInclude = true;
            includeSubprocesses.set(count > 0);
            settingInclude = false;
        }
    }

    static boolean matches(ProcessRow row, String needle) {
        return Integer.toString(row.pid()).contains(needle)
            || row.commandLine().toLowerCase(Locale.ROOT).contains(needle)
            || (row.user() != null && row.user().toLowerCase(Locale.ROOT).contains(needle))
            || (row.python() != null && row.python().contains(needle));
    }
}
