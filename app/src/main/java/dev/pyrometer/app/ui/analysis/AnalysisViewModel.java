package dev.pyrometer.app.ui.analysis;

import dev.pyrometer.app.ui.common.LatestJob;
import dev.pyrometer.app.ui.common.TaskRunner;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.aggregate.KeyBy;
import dev.pyrometer.model.aggregate.RootFrames;
import dev.pyrometer.model.aggregate.Roots;
import dev.pyrometer.model.aggregate.Selection;
import dev.pyrometer.model.aggregate.Snapshot;
import dev.pyrometer.model.aggregate.TimeRange;
import dev.pyrometer.model.aggregate.Transform;
import dev.pyrometer.model.aggregate.Transforms;
import java.util.Set;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The shared analysis of one profile: what the user chose to look at (time range, threads, idle, GIL, key, transforms) and the
 * latest {@link Analysis} of it. Every view of a workspace binds to this one view model.
 *
 * <p>Rebuilds run in the background. A change the user made cancels the rebuild in flight (its answer is no longer
 * wanted); a profile that merely grew while recording does not (cancelling would starve a live view), it waits and
 * rebuilds once more when the current one lands. So however fast samples arrive, at most one rebuild runs.
 */
public final class AnalysisViewModel {
    private final Profile profile;
    private final LatestJob rebuilding;

    private final ObjectProperty<KeyBy> keyBy = new SimpleObjectProperty<>(this, "keyBy", KeyBy.FUNCTION);
    private final BooleanProperty includeIdle = new SimpleBooleanProperty(this, "includeIdle", false);
    private final BooleanProperty gilOnly = new SimpleBooleanProperty(this, "gilOnly", false);
    /** Thread indexes to show, or null for all (including threads a live recording has not met yet). */
    private final ObjectProperty<Set<Integer>> threads = new SimpleObjectProperty<>(this, "threads", null);
    /** The time range selected on the timeline, or null for the whole recording. */
    private final ObjectProperty<TimeRange> timeRange = new SimpleObjectProperty<>(this, "timeRange", null);
    /** Whether each stack starts with its process's or thread's frame: a tower per process or thread. */
    private final ObjectProperty<Roots> roots = new SimpleObjectProperty<>(this, "roots", Roots.MERGED);
    private final ReadOnlyObjectWrapper<Transforms> transforms = new ReadOnlyObjectWrapper<>(this, "transforms", Transforms.NONE);
    private final ReadOnlyObjectWrapper<Analysis> analysis = new ReadOnlyObjectWrapper<>(this, "analysis");
    private final ReadOnlyObjectWrapper<Analysis> slowAnalysis = new ReadOnlyObjectWrapper<>(this, "slowAnalysis");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<Throwable> failure = new ReadOnlyObjectWrapper<>(this, "failure");

    private boolean grownMeanwhile;
    private boolean growing;
    private int slowEvery = 1;
    private int growthsSinceSlow;

    public AnalysisViewModel(Profile profile, TaskRunner runner) {
        this.profile = profile;
        this.rebuilding = new LatestJob(runner);
        for (Observable input : new Observable[] {keyBy, includeIdle, gilOnly, threads, timeRange, transforms, roots}) {
            input.addListener(o -> rebuild());
        }
        // Transforms of process or thread frames (focus on one) belong to the towers they were made on.
        roots.addListener(o -> setTransforms(new Transforms(transforms.get().list().stream().filter(t -> !targetsRoot(t)).toList())));
    }

    public Profile profile() { return profile; }

    public ObjectProperty<KeyBy> keyByProperty() { return keyBy; }
    public BooleanProperty includeIdleProperty() { return includeIdle; }
    public BooleanProperty gilOnlyProperty() { return gilOnly; }
    public ObjectProperty<Set<Integer>> threadsProperty() { return threads; }
    public ObjectProperty<Roots> rootsProperty() { return roots; }
    public ObjectProperty<TimeRange> timeRangeProperty() { return timeRange; }
    public ReadOnlyObjectProperty<Transforms> transformsProperty() { return transforms.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Analysis> analysisProperty() { return analysis.getReadOnlyProperty(); }
    /**
     * The same analyses for views that cost more to refresh (tables, the source pane): every one the user caused,
     * but of those a growing profile caused only every n-th (see {@link #setSlowEvery}).
     */
    public ReadOnlyObjectProperty<Analysis> slowAnalysisProperty() { return slowAnalysis.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    /** The last rebuild's failure (a bug, not a user error), or null. */
    public ReadOnlyObjectProperty<Throwable> failureProperty() { return failure.getReadOnlyProperty(); }

    public Analysis analysis() { return analysis.get(); }

    public AnalysisRequest request() {
        TimeRange range = timeRange.get();
        Selection selection = new Selection(range == null ? Selection.START : range.fromMicros(),
            range == null ? Selection.END : range.toMicros(), threads.get(), includeIdle.get(), gilOnly.get());
        return new AnalysisRequest(selection, keyBy.get(), transforms.get(), roots.get());
    }

    /** Adds a transform on top of the stack. */
    public void apply(Transform transform) {
        transforms.set(transforms.get().then(transform));
    }

    private static boolean targetsRoot(Transform t) {
        return switch (t) {
            case Transform.Focus f -> RootFrames.isRootRef(f.target());
            case Transform.Merge m -> RootFrames.isRootRef(m.target());
            case Transform.CollapseRecursion r -> RootFrames.isRootRef(r.target());
            default -> false;
        };
    }

    /** Drops the last transform; false when there was none. */
    public boolean undo() {
        if (transforms.get().isEmpty()) return false;
        transforms.set(transforms.get().undo());
        return true;
    }

    public void clearTransforms() {
        transforms.set(Transforms.NONE);
    }

    /** Replaces the whole stack (another analysis's, to keep two in step); nothing happens when it is the same. */
    public void setTransforms(Transforms stack) {
        if (!stack.equals(transforms.get())) transforms.set(stack);
    }

    /**
     * While recording, the slow analysis follows only every {@code n}-th refresh caused by the profile growing (5 at
     * five refreshes a second: the tables and heat update once a second while the flame graph stays live); 1 when
     * the recording ends, which also publishes the latest analysis at once.
     */
    public void setSlowEvery(int n) {
        slowEvery = Math.max(1, n);
        if (slowEvery == 1 && analysis.get() != slowAnalysis.get()) slowAnalysis.set(analysis.get());
    }

    /** Rebuilds now, replacing any rebuild in flight: the inputs changed. */
    public void rebuild() {
        grownMeanwhile = false;
        growing = false;
        start();
    }

    /** Rebuilds if the profile grew since the analysis shown; cheap to call on every tick of a live recording. */
    public void refreshIfGrown() {
        Analysis shown = analysis.get();
        if (shown != null && shown.snapshot().revision() == profile.revision()) return;
        if (rebuilding.isRunning()) {
            grownMeanwhile = true;
            return;
        }
        growing = true;
        start();
    }

    /** Starts a rebuild; a user's change replaces the one in flight, growth only comes here when none is running. */
    private void start() {
        AnalysisRequest request = request();
        busy.set(true);
        rebuilding.start("Analysing", (cancelled, progress) -> Analysis.compute(Snapshot.of(profile), request, cancelled),
            this::landed, this::failed);
    }

    private void landed(Analysis result) {
        busy.set(false);
        failure.set(null);
        analysis.set(result);
        if (!growing || ++growthsSinceSlow >= slowEvery) {
            growthsSinceSlow = 0;
            slowAnalysis.set(result);
        }
        growing = false;
        if (grownMeanwhile) {
            grownMeanwhile = false;
            refreshIfGrown();
        }
    }

    private void failed(Throwable error) {
        busy.set(false);
        failure.set(error);
    }
}
