package dev.pyrometer.app.ui.sandwich;

import dev.pyrometer.app.ui.analysis.AnalysisViewModel;
import dev.pyrometer.app.ui.analysis.FrameSelection;
import dev.pyrometer.app.ui.common.LatestJob;
import dev.pyrometer.app.ui.common.TaskRunner;
import dev.pyrometer.app.ui.flame.ColorMode;
import dev.pyrometer.app.ui.flame.FlameGraphViewModel;
import dev.pyrometer.model.aggregate.Sandwich;
import java.util.List;
import java.util.Objects;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The sandwich of the selected function: its callers as an inverted flame graph above, its callees as a flame graph
 * below, both merged over every place it is called from (see {@link Sandwich}), and a header with its self and total
 * time and their python / native / system split. Follows the shared selection; a click on a caller or a callee
 * selects that function everywhere, and the sandwich moves to it. Works only while shown ({@link #activeProperty()}):
 * a hidden tab costs nothing.
 */
public final class SandwichViewModel {
    /** Prepares, on the UI thread, the background work that cuts the sandwich of a selection; null when there is nothing to cut. */
    @FunctionalInterface
    public interface Cutter {
        TaskRunner.Work<SandwichHalves> prepare(FrameSelection selected);
    }

    private final ObjectProperty<FrameSelection> selection;
    /** What the halves select when clicked; passed on to the shared selection without its path. */
    private final ObjectProperty<FrameSelection> picked = new SimpleObjectProperty<>(this, "picked");
    private final Cutter cutter;
    private final LatestJob cutting;
    private final FlameGraphViewModel callers;
    private final FlameGraphViewModel callees;
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", false);
    private final ReadOnlyObjectWrapper<SandwichHalves> halves = new ReadOnlyObjectWrapper<>(this, "halves");
    private final ReadOnlyObjectWrapper<SandwichSummary> summary = new ReadOnlyObjectWrapper<>(this, "summary");
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper(this, "placeholder", NOTHING_SELECTED);
    private boolean stale = true;
    private boolean syncing;

    static final String NOTHING_SELECTED = "Select a function in the flame graph or a table (or search for it) to see "
        + "everything that calls it above and everything it calls below.";

    /**
     * @param analysis   where the halves' transforms (focus, merge…) go
     * @param colorModes the halves' colour modes, the first their default
     * @param triggers   what makes the sandwich out of date (a new analysis, a new comparison)
     */
    public SandwichViewModel(AnalysisViewModel analysis, ObjectProperty<FrameSelection> selection, TaskRunner runner,
                             List<ColorMode> colorModes, Cutter cutter, Observable... triggers) {
        this.selection = selection;
        this.cutter = cutter;
        this.cutting = new LatestJob(runner);
        this.callers = new FlameGraphViewModel(analysis, picked, runner, true, colorModes);
        this.callees = new FlameGraphViewModel(analysis, picked, runner, true, colorModes);
        for (FlameGraphViewModel half : List.of(callers, callees)) {
            half.revealHottestProperty().set(false);
            half.leftHeavyProperty().set(true);
        }
        // Callers grow upward from the function, callees downward: the function sits where the two halves meet.
        callees.icicleProperty().set(true);
        callees.colorModeProperty().bindBidirectional(callers.colorModeProperty());
        callees.leftHeavyProperty().bindBidirectional(callers.leftHeavyProperty());
        selection.addListener((o, before, now) -> {
            follow(now);
            refresh();
        });
        picked.addListener((o, before, now) -> {
            if (syncing || now == null) return;
            // A sandwich path means nothing in the call tree: pass the function on, not where it was clicked.
            selection.set(new FrameSelection(now.ref(), now.file(), now.function(), now.firstLine(), now.line(), List.of()));
        });
        active.addListener((o, was, on) -> {
            if (on && stale) refresh();
        });
        for (Observable trigger : triggers) trigger.addListener(o -> refresh());
        follow(selection.get());
    }

    /** True while the sandwich is on screen; it is cut only then. */
    public BooleanProperty activeProperty() { return active; }
    /** The callers: an inverted flame graph whose root (at the bottom) is the function. */
    public FlameGraphViewModel callers() { return callers; }
    /** The callees: an icicle graph whose root (at the top) is the function. */
    public FlameGraphViewModel callees() { return callees; }
    public ReadOnlyObjectProperty<SandwichHalves> halvesProperty() { return halves.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<SandwichSummary> summaryProperty() { return summary.getReadOnlyProperty(); }
    /** What the view says instead of a sandwich, or empty while it shows one. */
    public ReadOnlyStringProperty placeholderProperty() { return placeholder.getReadOnlyProperty(); }

    /** Cuts the sandwich again (the selection or the analysis changed); later, if it is not on screen. */
    public void refresh() {
        if (!active.get()) {
            stale = true;
            return;
        }
        stale = false;
        FrameSelection selected = selection.get();
        if (selected == null) {
            show(null, NOTHING_SELECTED);
            return;
        }
        TaskRunner.Work<SandwichHalves> work = cutter.prepare(selected);
        if (work == null) return;
        cutting.start("Cutting the sandwich of " + selected.ref().label(), work,
            cut -> show(cut, cut == null ? "No samples of " + selected.ref().label() + " among the frames shown." : ""),
            error -> show(null, "The sandwich could not be made: " + error));
    }

    private void show(SandwichHalves cut, String message) {
        SandwichHalves before = halves.get();
        boolean sameFunction = before != null && cut != null
            && Objects.equals(before.sandwich().ref(), cut.sandwich().ref());
        if (!sameFunction) {
            for (FlameGraphViewModel half : List.of(callers, callees)) {
                half.resetZoom();
                half.scrollTo(0);
            }
        }
        halves.set(cut);
        summary.set(cut == null ? null : SandwichSummary.of(cut.sandwich()));
        placeholder.set(message);
        callers.annotationsProperty().set(cut == null ? null : cut.callers());
        callees.annotationsProperty().set(cut == null ? null : cut.callees());
    }

    /** Outlines the selected function in the halves too, without passing it back. */
    private void follow(FrameSelection now) {
        syncing = true;
        try {
            picked.set(now);
        } finally {
            syncing = false;
        }
    }
}
