package dev.pyrometer.app.ui.flame;

import dev.pyrometer.app.ui.analysis.Analysis;
import dev.pyrometer.app.ui.analysis.AnalysisRequest;
import dev.pyrometer.app.ui.analysis.AnalysisViewModel;
import dev.pyrometer.app.ui.analysis.FrameSelection;
import dev.pyrometer.app.ui.analysis.ThreadChoice;
import dev.pyrometer.app.ui.common.Formats;
import dev.pyrometer.app.ui.common.LatestJob;
import dev.pyrometer.app.ui.common.TaskRunner;
import dev.pyrometer.model.aggregate.Keys;
import dev.pyrometer.model.aggregate.Snapshot;
import dev.pyrometer.model.aggregate.TimeOrder;
import dev.pyrometer.model.aggregate.TimeRange;
import java.util.Locale;
import javafx.beans.Observable;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The time-order flame chart's state: one thread's stacks over the selected time range (the whole recording when
 * none), keyed and transformed like the flame graph, with the flame graph's search. Built in the background only
 * while the chart is shown ({@link FlameGraphViewModel#timeOrderProperty()}); the newest request wins. A click
 * selects a frame for every view; a double click selects the frame's time on the timeline.
 */
public final class TimeOrderViewModel {
    private final AnalysisViewModel analysis;
    private final ObjectProperty<FrameSelection> selection;
    private final FlameGraphViewModel flame;
    private final LatestJob layout;
    private final DoubleProperty width = new SimpleDoubleProperty(this, "width", 0);
    private final IntegerProperty thread = new SimpleIntegerProperty(this, "thread", TimeOrder.BUSIEST_THREAD);
    private final ObservableList<ThreadChoice> threads = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<TimeOrderScene> scene = new ReadOnlyObjectWrapper<>(this, "scene");
    private final ReadOnlyIntegerWrapper hovered = new ReadOnlyIntegerWrapper(this, "hovered", -1);
    private final ReadOnlyStringWrapper hoverText = new ReadOnlyStringWrapper(this, "hoverText", "");
    private final ReadOnlyLongWrapper redraw = new ReadOnlyLongWrapper(this, "redraw");

    public TimeOrderViewModel(AnalysisViewModel analysis, ObjectProperty<FrameSelection> selection,
                              FlameGraphViewModel flame, TaskRunner runner) {
        this.analysis = analysis;
        this.selection = selection;
        this.flame = flame;
        this.layout = new LatestJob(runner);
        threads.add(new ThreadChoice(TimeOrder.BUSIEST_THREAD, "Busiest thread"));
        for (Observable input : new Observable[] {analysis.analysisProperty(), flame.timeOrderProperty(), thread, flame.searchProperty()}) {
            input.addListener(o -> rebuild());
        }
        width.addListener((o, before, after) -> {
            bumpRedraw();
            if (Math.abs(after.doubleValue() - before.doubleValue()) >= 1) rebuild();
        });
        selection.addListener(o -> reselect());
        analysis.analysisProperty().addListener((o, before, now) -> {
            if (now != null) ThreadChoice.follow(threads, 1, now.snapshot());
        });
    }

    public DoubleProperty widthProperty() { return width; }
    /** The thread shown: an index, or {@link TimeOrder#BUSIEST_THREAD}. */
    public IntegerProperty threadProperty() { return thread; }
    /** "Busiest thread", then every thread of the profile. */
    public ObservableList<ThreadChoice> threads() { return threads; }
    public ReadOnlyObjectProperty<TimeOrderScene> sceneProperty() { return scene.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty hoveredProperty() { return hovered.getReadOnlyProperty(); }
    /** What the hover card says about the rectangle under the mouse; empty over nothing. */
    public ReadOnlyStringProperty hoverTextProperty() { return hoverText.getReadOnlyProperty(); }
    public ReadOnlyLongProperty redrawProperty() { return redraw.getReadOnlyProperty(); }
    public TimeOrderScene scene() { return scene.get(); }

    /** The mouse is over a rectangle (-1: over nothing). */
    public void hover(int rect) {
        TimeOrderScene s = scene.get();
        if (s == null || rect >= s.chart().size()) rect = -1;
        if (rect == hovered.get()) return;
        hovered.set(rect);
        hoverText.set(rect < 0 ? "" : describe(s, rect));
        bumpRedraw();
    }

    /** A click on a rectangle: select its frame everywhere. */
    public void click(int rect) {
        TimeOrderScene s = scene.get();
        if (s == null || rect < 0 || rect >= s.chart().size()) return;
        selection.set(FrameSelection.of(s.chart().keys(), s.chart().key(rect)));
    }

    /** A double click: select the rectangle's time on the timeline, which every view follows. */
    public void selectTimeOf(int rect) {
        TimeOrderScene s = scene.get();
        if (s == null || rect < 0 || rect >= s.chart().size()) return;
        analysis.timeRangeProperty().set(new TimeRange(s.chart().start(rect), s.chart().end(rect)));
    }

    static String describe(TimeOrderScene s, int rect) {
        TimeOrder chart = s.chart();
        Keys keys = chart.keys();
        int key = chart.key(rect);
        String where = switch (keys.by()) {
            case MODULE -> "module or package";
            case FILE -> keys.file(key);
            case FUNCTION -> keys.file(key) + (keys.line(key) > 0 ? ":" + keys.line(key) : "");
            case LINE -> keys.file(key) + ":" + keys.line(key);
        };
        long duration = chart.end(rect) - chart.start(rect);
        return keys.label(key) + "\n" + where + "\n" + String.format(Locale.ROOT, "%.3f s → %.3f s  ·  %s  ·  %s samples",
            chart.start(rect) / 1e6, chart.end(rect) / 1e6, duration >= 1_000_000
                ? String.format(Locale.ROOT, "%.2f s", duration / 1e6) : String.format(Locale.ROOT, "%.1f ms", duration / 1e3),
            Formats.count(chart.samples(rect)));
    }

    private void rebuild() {
        Analysis current = analysis.analysis();
        if (current == null || width.get() <= 0 || !flame.timeOrderProperty().get()) return;
        AnalysisRequest request = current.request();
        Snapshot snapshot = current.snapshot();
        int chosen = thread.get();
        double px = width.get();
        String search = flame.searchProperty().get();
        FrameSelection selected = selection.get();
        layout.start("Laying out the flame chart", (cancelled, progress) -> {
            // Calls narrower than a pixel of the span shown are left out as they are laid out.
            long span = spanOf(snapshot, request);
            long minMicros = (long) Math.floor(span / Math.max(1, px) * FlameSceneBuilder.MIN_PIXELS);
            TimeOrder chart = TimeOrder.of(snapshot, request.selection(), chosen, request.keyBy(), request.transforms(),
                minMicros, cancelled);
            return TimeOrderScene.of(chart, search, selected);
        }, result -> {
            scene.set(result);
            int h = hovered.get();
            hovered.set(-1);
            hover(h < result.chart().size() ? h : -1);
            bumpRedraw();
        }, error -> { });
    }

    /** The time span the chart will cover: the selected range, or the recording. */
    private static long spanOf(Snapshot snapshot, AnalysisRequest request) {
        TimeRange range = TimeRange.of(request.selection());
        if (range != null) return range.durationMicros();
        return Math.max(1, dev.pyrometer.model.aggregate.Timeline.endMicros(snapshot));
    }

    private void reselect() {
        TimeOrderScene s = scene.get();
        if (s == null) return;
        int key = FlameSceneBuilder.selectedKey(s.chart().keys(), selection.get());
        if (key != s.selectedKey()) {
            scene.set(s.withSelectedKey(key));
            bumpRedraw();
        }
    }

    private void bumpRedraw() {
        redraw.set(redraw.get() + 1);
    }
}
