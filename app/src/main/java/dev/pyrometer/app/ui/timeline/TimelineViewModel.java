package dev.pyrometer.app.ui.timeline;

import dev.pyrometer.app.ui.analysis.Analysis;
import dev.pyrometer.app.ui.analysis.AnalysisViewModel;
import dev.pyrometer.app.ui.common.Formats;
import dev.pyrometer.app.ui.common.LatestJob;
import dev.pyrometer.app.ui.common.TaskRunner;
import dev.pyrometer.model.ProcessInfo;
import dev.pyrometer.model.SampleState;
import dev.pyrometer.model.ThreadTable;
import dev.pyrometer.model.aggregate.Snapshot;
import dev.pyrometer.model.aggregate.TimeRange;
import dev.pyrometer.model.aggregate.Timeline;
import javafx.beans.property.BooleanProperty;
import java.util.HashSet;
import java.util.Set;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;

/**
 * The timeline's state and commands: which window of time it shows (zoom and pan; the whole recording by default,
 * growing with a live one), the time range selected on it (the shared analysis's range, so every view follows),
 * a range being dragged, and the {@link Timeline} buckets of the window, one per pixel.
 *
 * <p>Buckets are recomputed in the background when the analysis lands on a newer snapshot (a live recording grows),
 * when the window moves or the width changes; the newest request wins. Selecting a range does not recompute them:
 * the lanes show every sample, the selection is drawn over them.
 *
 * <p>A recording of several processes groups the lanes under a header per process ({@link TimelineRows}); headers
 * fold and unfold (by mouse or keyboard: a focused header, moved with the arrow keys), and a header or a lane can
 * show only its process or thread in every view (the analysis's thread set, which the process and thread filters
 * follow).
 */
public final class TimelineViewModel {
    /** The narrowest window the timeline zooms to: a few samples at 10 kHz. */
    static final long MIN_SPAN_MICROS = 500;
    /** A drag narrower than this is a click. */
    static final long MIN_SELECTION_MICROS = 1;

    private final AnalysisViewModel analysis;
    private final LatestJob buckets;
    private final DoubleProperty width = new SimpleDoubleProperty(this, "width", 0);
    private final ReadOnlyObjectWrapper<TimeRange> window = new ReadOnlyObjectWrapper<>(this, "window");
    private final ReadOnlyObjectWrapper<TimeRange> dragging = new ReadOnlyObjectWrapper<>(this, "dragging");
    private final ReadOnlyObjectWrapper<Timeline> data = new ReadOnlyObjectWrapper<>(this, "data");
    private final ReadOnlyLongWrapper redraw = new ReadOnlyLongWrapper(this, "redraw");
    /** The memory track's scale: false (the default) from zero, true zoomed to its readings' min–max. */
    private final BooleanProperty memoryZoomed = new SimpleBooleanProperty(this, "memoryZoomed", false);
    private final ReadOnlyStringWrapper hoverText = new ReadOnlyStringWrapper(this, "hoverText", "");
    /** The processes whose headers are folded (their lanes hidden). */
    private final ReadOnlyObjectWrapper<Set<Integer>> collapsed = new ReadOnlyObjectWrapper<>(this, "collapsed", Set.of());
    private final ReadOnlyObjectWrapper<TimelineRows> rows = new ReadOnlyObjectWrapper<>(this, "rows", TimelineRows.NONE);
    /** The process whose header has the keyboard focus, or -1. */
    private final IntegerProperty focusedProcess = new SimpleIntegerProperty(this, "focusedProcess", -1);
    private long endMicros;

    public TimelineViewModel(AnalysisViewModel analysis, TaskRunner runner) {
        this.analysis = analysis;
        this.buckets = new LatestJob(runner);
        analysis.analysisProperty().addListener((o, before, now) -> {
            Timeline shown = data.get();
            if (now != null && (shown == null || shown.snapshot().revision() != now.snapshot().revision())) rebuild();
        });
        window.addListener(o -> {
            bumpRedraw();
            rebuild();
        });
        width.addListener((o, before, after) -> {
            bumpRedraw();
            if (Math.abs(after.doubleValue() - before.doubleValue()) >= 1) rebuild();
        });
        analysis.timeRangeProperty().addListener(o -> bumpRedraw());
        dragging.addListener(o -> bumpRedraw());
        data.addListener(o -> updateRows());
        collapsed.addListener(o -> updateRows());
        focusedProcess.addListener(o -> bumpRedraw());
    }

    /** The plot's width in pixels (without the label column); 0 until laid out. */
    public DoubleProperty widthProperty() { return width; }
    /** The window zoomed to, or null while the timeline shows the whole recording. */
    public ReadOnlyObjectProperty<TimeRange> windowProperty() { return window.getReadOnlyProperty(); }
    /** The range being dragged out, before the mouse is released; null otherwise. */
    public ReadOnlyObjectProperty<TimeRange> draggingProperty() { return dragging.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Timeline> dataProperty() { return data.getReadOnlyProperty(); }
    /** Counts changes that need a repaint. */
    public ReadOnlyLongProperty redrawProperty() { return redraw.getReadOnlyProperty(); }
    public BooleanProperty memoryZoomedProperty() { return memoryZoomed; }
    /** What is under the mouse: the time and the CPU, memory or thread state there. */
    public ReadOnlyStringProperty hoverTextProperty() { return hoverText.getReadOnlyProperty(); }
    /** The selected range: the analysis's, which every view follows. */
    public ObjectProperty<TimeRange> selectionProperty() { return analysis.timeRangeProperty(); }
    public AnalysisViewModel analysis() { return analysis; }

    /** The rows under the tracks: lanes, grouped under process headers when there are several processes. */
    public ReadOnlyObjectProperty<TimelineRows> rowsProperty() { return rows.getReadOnlyProperty(); }
    public TimelineRows rows() { return rows.get(); }
    public ReadOnlyObjectProperty<Set<Integer>> collapsedProperty() { return collapsed.getReadOnlyProperty(); }
    public IntegerProperty focusedProcessProperty() { return focusedProcess; }

    public Timeline data() { return data.get(); }
    public TimeRange selection() { return analysis.timeRangeProperty().get(); }

    /** The recording's length as last seen (grows while recording). */
    public long endMicros() {
        Analysis current = analysis.analysis();
        // Cheap for samples in time order (the last one's time); other profiles wait for the background's answer.
        if (current != null && current.snapshot().profile().samples().isTimeOrdered()) {
            endMicros = Math.max(endMicros, Timeline.endMicros(current.snapshot()));
        }
        return endMicros;
    }

    /** The window shown: the zoomed one, or the whole recording. */
    public TimeRange shown() {
        TimeRange zoomed = window.get();
        return zoomed != null ? zoomed : new TimeRange(0, Math.max(MIN_SPAN_MICROS, endMicros()));
    }

    /** Zooms by {@code factor} (above 1 zooms in) keeping {@code anchor} where it is on screen. */
    public void zoom(double factor, long anchor) {
        TimeRange now = shown();
        long limit = Math.max(MIN_SPAN_MICROS, endMicros());
        long span = Math.clamp(Math.round(now.durationMicros() / factor), MIN_SPAN_MICROS, limit);
        double at = (double) (anchor - now.fromMicros()) / now.durationMicros();
        long from = anchor - Math.round(at * span);
        setWindow(from, from + span);
    }

    /** Zooms in or out around the middle of the window. */
    public void zoom(double factor) {
        TimeRange now = shown();
        zoom(factor, now.fromMicros() + now.durationMicros() / 2);
    }

    /** Moves the window by a fraction of its width (negative: towards the start). */
    public void pan(double fraction) {
        TimeRange now = shown();
        if (window.get() == null) return; // the whole recording is in view: nowhere to go
        long by = Math.round(fraction * now.durationMicros());
        setWindow(now.fromMicros() + by, now.toMicros() + by);
    }

    /** Moves the window by a time offset. */
    public void panBy(long micros) {
        if (window.get() == null) return;
        TimeRange now = shown();
        setWindow(now.fromMicros() + micros, now.toMicros() + micros);
    }

    /** Back to the whole recording. */
    public void resetZoom() {
        window.set(null);
    }

    /** Zooms to the selected range (with a margin either side); false without a selection. */
    public boolean zoomToSelection() {
        TimeRange selected = selection();
        if (selected == null) return false;
        long margin = Math.max(1, selected.durationMicros() / 20);
        setWindow(selected.fromMicros() - margin, selected.toMicros() + margin);
        return true;
    }

    /** Selects a range (ends in any order, clamped to the recording); every view follows. */
    public void select(long a, long b) {
        long from = Math.max(0, Math.min(a, b));
        long to = Math.min(Math.max(a, b), Math.max(endMicros() + 1, from + 1));
        dragging.set(null);
        if (to - from < MIN_SELECTION_MICROS) return;
        TimeRange range = new TimeRange(from, to);
        if (!range.equals(selection())) analysis.timeRangeProperty().set(range);
    }

    /** Clears the selection: every view shows the whole recording again. */
    public void clearSelection() {
        dragging.set(null);
        analysis.timeRangeProperty().set(null);
    }

    /** Shows a range being dragged out (null ends the preview without selecting). */
    public void preview(long a, long b) {
        long from = Math.min(a, b), to = Math.max(a, b);
        dragging.set(to > from ? new TimeRange(from, to) : null);
    }

    public void endPreview() {
        dragging.set(null);
    }

    /** Folds a process's header (hiding its lanes) or unfolds it. */
    public void toggleCollapsed(int process) {
        Set<Integer> now = new HashSet<>(collapsed.get());
        if (!now.remove(process)) now.add(process);
        collapsed.set(Set.copyOf(now));
    }

    public boolean isCollapsed(int process) {
        return collapsed.get().contains(process);
    }

    /** Moves the keyboard focus to the next (+1) or previous (-1) process header; false when there is none. */
    public boolean focusNextHeader(int direction) {
        int[] headers = rows.get().headerRows();
        if (headers.length == 0) return false;
        int at = -1;
        for (int i = 0; i < headers.length; i++) if (rows.get().index(headers[i]) == focusedProcess.get()) at = i;
        int next = at < 0 ? (direction > 0 ? 0 : headers.length - 1) : Math.clamp(at + direction, 0, headers.length - 1);
        focusedProcess.set(rows.get().index(headers[next]));
        return true;
    }

    /**
     * Shows only this process's threads in every view (as checking it alone in the processes filter does); when it
     * is shown alone already, shows every process again.
     */
    public void showOnlyProcess(int process) {
        ThreadTable threads = analysis.profile().threads();
        Set<Integer> only = new HashSet<>();
        for (int t = 0; t < threads.size(); t++) if (threads.process(t) == process) only.add(t);
        showOnly(only);
    }

    /** Shows only this thread in every view; when it is shown alone already, every thread again. */
    public void showOnlyThread(int thread) {
        showOnly(Set.of(thread));
    }

    private void showOnly(Set<Integer> threads) {
        Set<Integer> now = analysis.threadsProperty().get();
        analysis.threadsProperty().set(threads.isEmpty() || threads.equals(now) ? null : Set.copyOf(threads));
    }

    /** The mouse is over a row at a time ({@code row} null: off the plot); {@code index} a lane's thread, a header's process. */
    public void hover(TimelineGeometry.Row row, int index, long micros) {
        hoverText.set(row == null ? "" : describe(data.get(), row, index, micros));
    }

    static String describe(Timeline data, TimelineGeometry.Row row, int lane, long micros) {
        String time = TimeLabels.at(micros);
        if (row == TimelineGeometry.Row.HEADER && data != null && lane >= 0 && lane < data.processes()) {
            return time + "  ·  " + process(data, lane, data.bucketOf(micros));
        }
        int b = data == null ? -1 : data.bucketOf(micros);
        if (b < 0) return time;
        return switch (row) {
            case CPU -> String.format(java.util.Locale.ROOT, "%s  ·  CPU %.2f cores (user %.2f, system %.2f)", time,
                data.cores(b), data.userMicros(b) / data.bucketMicros(), data.systemMicros(b) / data.bucketMicros());
            case MEMORY -> data.memoryHigh(b) < 0 ? time : time + "  ·  resident memory "
                + (data.memoryLow(b) == data.memoryHigh(b) ? Formats.bytes(data.memoryHigh(b))
                : Formats.bytes(data.memoryLow(b)) + " – " + Formats.bytes(data.memoryHigh(b)))
                + (data.processes() > 1 ? " (of " + data.process(0).pid() + ", the first process)" : "");
            case LANE -> lane < 0 || lane >= data.threads() ? time : time + "  ·  " + lane(data, lane, b);
            case AXIS, HEADER, NONE -> time;
        };
    }

    /** A process header's text: who it is, its life and, at a bucket of the window, its CPU. */
    static String process(Timeline data, int process, int bucket) {
        ProcessInfo info = data.process(process);
        StringBuilder text = new StringBuilder(title(info));
        if (!info.commandLine().isEmpty()) text.append("  ").append(info.commandLine());
        text.append("  ·  ").append(life(info));
        long from = bucket < 0 ? 0 : data.bucketStart(bucket);
        if (bucket >= 0 && alive(info, from, from + (long) Math.ceil(data.bucketMicros()))) {
            text.append(String.format(java.util.Locale.ROOT, "  ·  CPU %.2f cores", data.processCores(process, bucket)));
        }
        return text.toString();
    }

    /** {@code 4242  ·  Python 3.13}. */
    static String title(ProcessInfo info) {
        String version = shortVersion(info.pythonVersion());
        return info.pid() + (version.isEmpty() ? "" : "  ·  Python " + version);
    }

    /** {@code 3.13} of {@code 3.13.1}. */
    static String shortVersion(String version) {
        int second = version.indexOf('.', version.indexOf('.') + 1);
        return second > 0 ? version.substring(0, second) : version;
    }

    /** A command line with its paths cut to their last part ({@code python3.11 pool.py 2}): what a header fits. */
    static String shortCommand(String commandLine) {
        StringBuilder text = new StringBuilder();
        for (String word : commandLine.strip().split("\\s+")) {
            if (!text.isEmpty()) text.append(' ');
            boolean path = !word.startsWith("-") && !word.endsWith("/") && !word.contains("://");
            text.append(path ? word.substring(word.lastIndexOf('/') + 1) : word);
        }
        return text.toString();
    }

    /** {@code started 0.52 s, ended 3.40 s}, or {@code running since the start}. */
    static String life(ProcessInfo info) {
        String start = info.startMicros() > 0 ? "started " + TimeLabels.at(info.startMicros()) : "running from the start";
        return start + (info.ended() ? ", ended " + TimeLabels.at(info.endMicros()) : "");
    }

    /** Whether a process lived during some of {@code [from, to)}. */
    static boolean alive(ProcessInfo info, long from, long to) {
        return to > info.startMicros() && (!info.ended() || from <= info.endMicros());
    }

    private static String lane(Timeline data, int thread, int bucket) {
        String name = data.snapshot().profile().threads().label(thread);
        int all = data.samples(thread, bucket);
        if (all == 0) return name + ": not sampled";
        StringBuilder text = new StringBuilder(name).append(':');
        for (int c = 0; c < SampleState.CATEGORY_COUNT; c++) {
            int n = data.samplesIn(thread, bucket, c);
            if (n > 0) text.append(' ').append(SampleState.categoryName(c)).append(' ').append(Formats.percent(n, all));
        }
        if (data.gilSamples(thread, bucket) > 0) text.append("  ·  GIL ").append(Formats.percent(data.gilSamples(thread, bucket), all));
        return text.toString();
    }

    private void setWindow(long from, long to) {
        long end = Math.max(MIN_SPAN_MICROS, endMicros());
        long span = to - from;
        // Keep the window over the recording: a pan stops at either end.
        if (from < 0) {
            from = 0;
            to = span;
        }
        if (to > end && span <= end) {
            to = end;
            from = end - span;
        }
        if (from <= 0 && to >= end) {
            window.set(null);
            return;
        }
        TimeRange next = new TimeRange(from, Math.max(from + 1, to));
        if (!next.equals(window.get())) window.set(next);
    }

    private void rebuild() {
        Analysis current = analysis.analysis();
        int pixels = (int) Math.floor(width.get());
        if (current == null || pixels <= 0) return;
        Snapshot snapshot = current.snapshot();
        TimeRange zoomed = window.get();
        buckets.start("Drawing the timeline", (cancelled, progress) -> {
            TimeRange range = zoomed != null ? zoomed : new TimeRange(0, Math.max(MIN_SPAN_MICROS, Timeline.endMicros(snapshot)));
            return Timeline.of(snapshot, range.fromMicros(), range.toMicros(), pixels, cancelled);
        }, built -> {
            endMicros = Math.max(endMicros, built.endMicros());
            data.set(built);
            bumpRedraw();
        }, error -> { });
    }

    private void updateRows() {
        rows.set(TimelineRows.of(data.get(), collapsed.get()));
        bumpRedraw();
    }

    private void bumpRedraw() {
        redraw.set(redraw.get() + 1);
    }
}
