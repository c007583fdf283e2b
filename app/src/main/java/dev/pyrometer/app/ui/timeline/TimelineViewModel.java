package dev.pyrometer.app.ui.timeline;

import dev.pyrometer.app.ui.analysis.Analysis;
import dev.pyrometer.app.ui.analysis.AnalysisViewModel;
import dev.pyrometer.app.ui.common.Formats;
import dev.pyrometer.app.ui.common.LatestJob;
import dev.pyrometer.app.ui.common.TaskRunner;
import dev.pyrometer.model.SampleState;
import dev.pyrometer.model.aggregate.Snapshot;
import dev.pyrometer.model.aggregate.TimeRange;
import dev.pyrometer.model.aggregate.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * The timeline's state and commands: which window of time it shows (zoom and pan; the whole recording by default,
 * growing with a live one), the time range selected on it (the shared analysis's range, so every view follows),
 * a range being dragged, and the {@link Timeline} buckets of the window, one per pixel.
 *
 * <p>Buckets are recomputed in the background when the analysis lands on a newer snapshot (a live recording grows),
 * when the window moves or the width changes; the newest request wins. Selecting a range does not recompute them:
 * the lanes show every sample, the selection is drawn over them.
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

    /** The mouse is over a row at a time ({@code row} null: off the plot). */
    public void hover(TimelineGeometry.Row row, int lane, long micros) {
        hoverText.set(row == null ? "" : describe(data.get(), row, lane, micros));
    }

    static String describe(Timeline data, TimelineGeometry.Row row, int lane, long micros) {
        String time = TimeLabels.at(micros);
        int b = data == null ? -1 : data.bucketOf(micros);
        if (b < 0) return time;
        return switch (row) {
            case CPU -> String.format(java.util.Locale.ROOT, "%s  ·  CPU %.2f cores (user %.2f, system %.2f)", time,
                data.cores(b), data.userMicros(b) / data.bucketMicros(), data.systemMicros(b) / data.bucketMicros());
            case MEMORY -> data.memoryHigh(b) < 0 ? time : time + "  ·  resident memory "
                + (data.memoryLow(b) == data.memoryHigh(b) ? Formats.bytes(data.memoryHigh(b))
                : Formats.bytes(data.memoryLow(b)) + " – " + Formats.bytes(data.memoryHigh(b)));
            case LANE -> lane < 0 || lane >= data.threads() ? time : time + "  ·  " + lane(data, lane, b);
            case AXIS, NONE -> time;
        };
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

    private void bumpRedraw() {
        redraw.set(redraw.get() + 1);
    }
}
