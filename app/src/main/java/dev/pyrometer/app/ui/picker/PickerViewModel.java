package dev.pyrometer.app.ui.picker;

import dev.pyrometer.app.ui.common.TaskRunner;
import dev.pyrometer.app.ui.common.Ticker;
import dev.pyrometer.app.ui.common.UiSettings;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The start page's process picker: the Python processes on this machine, refreshed every couple of seconds while
 * the page is shown, filtered as the user types; Attach; the recording settings; an inline error when attaching
 * failed (the sampler's sentence, e.g. what to do about ptrace permissions), never a stack trace.
 */
public final class PickerViewModel {
    static final Duration REFRESH = Duration.ofSeconds(2);

    private final ProcessSource source;
    private final TaskRunner runner;
    private final Ticker ticker;
    private final IntConsumer attach;
    private final ObservableList<ProcessRow> processes = FXCollections.observableArrayList();
    private final FilteredList<ProcessRow> filtered = new FilteredList<>(processes);
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

    /** @param attach asks the app to attach to a pid (it reports back through {@link #attachFailed}) */
    public PickerViewModel(ProcessSource source, TaskRunner runner, Ticker ticker, UiSettings settings, IntConsumer attach) {
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
        filter.addListener((o, before, text) -> applyFilter(text));
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

    public ObservableList<ProcessRow> processes() { return filtered; }
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

    /** Attach to the process of a row (double-click, Enter, the Attach button). */
    public void attach(ProcessRow row) {
        if (row == null || attaching.get()) return;
        error.set("");
        attaching.set(true);
        attach.accept(row.pid());
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
        processes.setAll(rows);
        int n = rows.size();
        status.set(n == 0 ? "No Python processes found. Start one, or use Launch… to start a program under the profiler."
            : n + (n == 1 ? " Python process" : " Python processes") + (filtered.size() != n ? ", " + filtered.size() + " shown" : ""));
    }

    private void applyFilter(String text) {
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        filtered.setPredicate(needle.isEmpty() ? null : row -> matches(row, needle));
        show(List.copyOf(processes));
    }

    static boolean matches(ProcessRow row, String needle) {
        return Integer.toString(row.pid()).contains(needle)
            || row.commandLine().toLowerCase(Locale.ROOT).contains(needle)
            || (row.user() != null && row.user().toLowerCase(Locale.ROOT).contains(needle))
            || (row.python() != null && row.python().contains(needle));
    }
}
