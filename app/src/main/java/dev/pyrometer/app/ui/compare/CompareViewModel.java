package dev.pyrometer.app.ui.compare;

import dev.pyrometer.app.source.PathMapping;
import dev.pyrometer.app.ui.analysis.Analysis;
import dev.pyrometer.app.ui.analysis.AnalysisViewModel;
import dev.pyrometer.app.ui.analysis.FrameSelection;
import dev.pyrometer.app.ui.analysis.ProcessChoice;
import dev.pyrometer.app.ui.common.LatestJob;
import dev.pyrometer.app.ui.common.TaskRunner;
import dev.pyrometer.app.ui.common.Ticker;
import dev.pyrometer.app.ui.flame.FlameGraphViewModel;
import dev.pyrometer.app.ui.sandwich.SandwichHalves;
import dev.pyrometer.app.ui.sandwich.SandwichViewModel;
import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.aggregate.CallTree;
import dev.pyrometer.model.aggregate.FrameRef;
import dev.pyrometer.model.aggregate.KeyBy;
import dev.pyrometer.model.aggregate.ProcessThreads;
import dev.pyrometer.model.aggregate.Transforms;
import dev.pyrometer.model.diff.MatchBy;
import dev.pyrometer.model.diff.Normalization;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A comparison of two runs (a tab): each run's analysis, kept in step (same grouping, transforms and samples), the
 * comparison computed from them off the UI thread, and the views over it — the differential flame graph (the new
 * run's shape coloured by change), the two runs' flame graphs side by side, the delta table and the source pane
 * with per-line deltas. Zoom, search and selection are shared: a frame picked anywhere is found in the other run by
 * name. A run that is still recording refreshes the comparison about once a second.
 */
public final class CompareViewModel {
    /** What the upper half shows. */
    public enum Mode {
        DIFFERENTIAL("Differential"),
        SIDE_BY_SIDE("Side by side");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** The choice of every process of a run: the runs are compared merged unless a process is chosen. */
    public static final ProcessChoice ALL_PROCESSES = new ProcessChoice(-1, "All processes");

    /** How often a recording run is re-aggregated; the comparison follows its slower, once-a-second stream. */
    static final Duration LIVE_REFRESH = Duration.ofMillis(200);

    private final RunSource base;
    private final RunSource news;
    private final LatestJob comparing;
    private final AnalysisViewModel baseAnalysis;
    private final AnalysisViewModel newAnalysis;
    private final ObjectProperty<FrameSelection> baseSelection = new SimpleObjectProperty<>(this, "baseSelection");
    private final ObjectProperty<FrameSelection> newSelection = new SimpleObjectProperty<>(this, "newSelection");
    private final FlameGraphViewModel baseFlame;
    private final FlameGraphViewModel newFlame;
    private final FlameGraphViewModel diffFlame;
    private final DeltaTableViewModel table;
    private final CompareSourceViewModel source;
    private final SandwichViewModel sandwich;

    private final ObjectProperty<Normalization> normalization = new SimpleObjectProperty<>(this, "normalization", Normalization.SHARE);
    private final ObjectProperty<MatchBy> matchBy = new SimpleObjectProperty<>(this, "matchBy", MatchBy.RELATIVE_PATH);
    private final ObjectProperty<ChangeMeasure> measure = new SimpleObjectProperty<>(this, "measure", ChangeMeasure.TOTAL);
    private final ObjectProperty<ChangePalette> palette = new SimpleObjectProperty<>(this, "palette", ChangePalette.RED_BLUE);
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.DIFFERENTIAL);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ReadOnlyObjectWrapper<Comparison> comparison = new ReadOnlyObjectWrapper<>(this, "comparison");
    private final ReadOnlyObjectWrapper<ChangeLevels> levels = new ReadOnlyObjectWrapper<>(this, "levels");
    private final ReadOnlyObjectWrapper<Throwable> failure = new ReadOnlyObjectWrapper<>(this, "failure");
    private final ReadOnlyObjectWrapper<RunFacts> baseFacts = new ReadOnlyObjectWrapper<>(this, "baseFacts");
    private final ReadOnlyObjectWrapper<RunFacts> newFacts = new ReadOnlyObjectWrapper<>(this, "newFacts");
    private final ObservableList<VanishedPath> vanished = FXCollections.observableArrayList();
    /** Each run's processes to choose from ("All processes" first); one entry for a run of one process. */
    private final ObservableList<ProcessChoice> baseProcesses = FXCollections.observableArrayList(ALL_PROCESSES);
    private final ObservableList<ProcessChoice> newProcesses = FXCollections.observableArrayList(ALL_PROCESSES);
    private final ObjectProperty<ProcessChoice> baseProcess = new SimpleObjectProperty<>(this, "baseProcess", ALL_PROCESSES);
    private final ObjectProperty<ProcessChoice> newProcess = new SimpleObjectProperty<>(this, "newProcess", ALL_PROCESSES);
    private final List<Ticker.Subscription> refreshers = new ArrayList<>();
    /** Undoes what following a recording registered on its (longer-lived) workspace. */
    private final List<Runnable> unfollow = new ArrayList<>();
    private boolean syncing;
    private boolean disposed;

    public CompareViewModel(RunSource base, RunSource news, TaskRunner runner, Ticker ticker, ObservableList<PathMapping> mappings) {
        this.base = base;
        this.news = news;
        this.comparing = new LatestJob(runner);
        this.baseAnalysis = new AnalysisViewModel(base.profile(), runner);
        this.newAnalysis = new AnalysisViewModel(news.profile(), runner);
        // One choice of grouping and samples for both runs: a comparison only means something like for like.
        newAnalysis.keyByProperty().bindBidirectional(baseAnalysis.keyByProperty());
        newAnalysis.includeIdleProperty().bindBidirectional(baseAnalysis.includeIdleProperty());
        newAnalysis.gilOnlyProperty().bindBidirectional(baseAnalysis.gilOnlyProperty());
        baseAnalysis.transformsProperty().addListener((o, before, t) -> keepTransformsInStep(t));
        newAnalysis.transformsProperty().addListener((o, before, t) -> keepTransformsInStep(t));
        matchBy.addListener(o -> recompare());

        this.baseFlame = new FlameGraphViewModel(baseAnalysis, baseSelection, runner, true);
        this.newFlame = new FlameGraphViewModel(newAnalysis, newSelection, runner, true);
        this.diffFlame = new FlameGraphViewModel(newAnalysis, newSelection, runner, true);
        for (FlameGraphViewModel flame : flames()) {
            flame.searchProperty().bindBidirectional(search);
            flame.zoomPathProperty().addListener((o, before, path) -> followZoom(flame, path));
            if (flame != diffFlame) {
                flame.icicleProperty().bindBidirectional(diffFlame.icicleProperty());
                flame.colorModeProperty().bindBidirectional(diffFlame.colorModeProperty());
                flame.leftHeavyProperty().bindBidirectional(diffFlame.leftHeavyProperty());
            }
        }
        baseSelection.addListener((o, before, selected) -> followSelection(Side.BASE, selected));
        newSelection.addListener((o, before, selected) -> followSelection(Side.NEW, selected));

        this.table = new DeltaTableViewModel(this::pick);
        this.source = new CompareSourceViewModel(comparison.getReadOnlyProperty(), measure, newSelection, runner,
            () -> news.isLive() ? news.pid() : 0, mappings);
        this.sandwich = new SandwichViewModel(newAnalysis, newSelection, runner, diffFlame.colorModes(), this::cutSandwich,
            levels, palette);
        sandwich.callers().colorModeProperty().bindBidirectional(diffFlame.colorModeProperty());

        baseAnalysis.slowAnalysisProperty().addListener(o -> recompare());
        newAnalysis.slowAnalysisProperty().addListener(o -> recompare());
        normalization.addListener(o -> recompare());
        measure.addListener(o -> {
            Comparison c = comparison.get();
            if (c != null) show(Shown.of(c, measure.get()));
        });
        // The levels depend on the comparison and the measure only: a new palette recolours with the same ones.
        palette.addListener(o -> {
            Comparison c = comparison.get();
            if (c != null) annotate(c, levels.get());
        });
        // A process per run: one worker against the other run's worker, say. Only that run's samples change.
        baseProcess.addListener((o, before, chosen) -> restrict(base, baseAnalysis, chosen));
        newProcess.addListener((o, before, chosen) -> restrict(news, newAnalysis, chosen));
        offerProcesses(base, baseProcesses);
        offerProcesses(news, newProcesses);
        baseAnalysis.slowAnalysisProperty().addListener(o -> offerProcesses(base, baseProcesses));
        newAnalysis.slowAnalysisProperty().addListener(o -> offerProcesses(news, newProcesses));
        followLive(base, baseAnalysis, ticker);
        followLive(news, newAnalysis, ticker);
        baseFacts.set(RunFacts.of(base, null));
        newFacts.set(RunFacts.of(news, null));
        baseAnalysis.rebuild();
        newAnalysis.rebuild();
    }

    public RunSource base() { return base; }
    public RunSource news() { return news; }
    public AnalysisViewModel baseAnalysis() { return baseAnalysis; }
    public AnalysisViewModel newAnalysis() { return newAnalysis; }
    /** The new run's shape, coloured by change: the picture a comparison opens on. */
    public FlameGraphViewModel diffFlame() { return diffFlame; }
    public FlameGraphViewModel baseFlame() { return baseFlame; }
    public FlameGraphViewModel newFlame() { return newFlame; }
    public DeltaTableViewModel table() { return table; }
    public CompareSourceViewModel source() { return source; }
    /** The selected function's callers and callees in both runs, coloured by change. */
    public SandwichViewModel sandwich() { return sandwich; }
    public ObjectProperty<KeyBy> keyByProperty() { return baseAnalysis.keyByProperty(); }
    public BooleanProperty includeIdleProperty() { return baseAnalysis.includeIdleProperty(); }
    public ObjectProperty<Normalization> normalizationProperty() { return normalization; }
    /** How frames of the two runs pair: by relative path (the default), absolute path or function name only. */
    public ObjectProperty<MatchBy> matchByProperty() { return matchBy; }
    public ObjectProperty<ChangeMeasure> measureProperty() { return measure; }
    public ObjectProperty<ChangePalette> paletteProperty() { return palette; }
    public ObjectProperty<Mode> modeProperty() { return mode; }
    public StringProperty searchProperty() { return search; }
    /** The frame selected, as the new run names it (the source pane follows this one). */
    public ObjectProperty<FrameSelection> newSelectionProperty() { return newSelection; }
    public ObjectProperty<FrameSelection> baseSelectionProperty() { return baseSelection; }
    public ReadOnlyObjectProperty<Comparison> comparisonProperty() { return comparison.getReadOnlyProperty(); }
    /** The colour levels of the call paths (the legend's scale). */
    public ReadOnlyObjectProperty<ChangeLevels> levelsProperty() { return levels.getReadOnlyProperty(); }
    /** The last comparison's failure (a bug, not a user error), or null. */
    public ReadOnlyObjectProperty<Throwable> failureProperty() { return failure.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<RunFacts> baseFactsProperty() { return baseFacts.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<RunFacts> newFactsProperty() { return newFacts.getReadOnlyProperty(); }
    /** The base run's processes ("All processes" first). */
    public ObservableList<ProcessChoice> baseProcesses() { return baseProcesses; }
    public ObservableList<ProcessChoice> newProcesses() { return newProcesses; }
    /** The process of the base run compared (ALL_PROCESSES: every one, merged). */
    public ObjectProperty<ProcessChoice> baseProcessProperty() { return baseProcess; }
    public ObjectProperty<ProcessChoice> newProcessProperty() { return newProcess; }

    /**
     * Chooses each run's processes by the words of {@code diff --base-process} ({@code null}: leave as is), for
     * {@code pyrometer compare}; a word that names no process of its run is an {@link IllegalArgumentException}.
     */
    public void chooseProcesses(String baseSpec, String newSpec) {
        if (baseSpec != null) baseProcess.set(chosen(base, baseProcesses, baseSpec));
        if (newSpec != null) newProcess.set(chosen(news, newProcesses, newSpec));
    }

    private static ProcessChoice chosen(RunSource run, List<ProcessChoice> choices, String spec) {
        List<Integer> found = ProcessThreads.find(run.profile(), spec);
        if (found.isEmpty()) {
            ProcessThreads.threadsOf(run.profile(), spec); // throws, naming the run's processes; or names the one process
            return ALL_PROCESSES;
        }
        if (found.size() > 1) throw new IllegalArgumentException("'" + spec + "' names " + found.size() + " processes of "
            + run.name() + ": give a pid");
        return choices.stream().filter(c -> c.index() == found.getFirst()).findFirst().orElse(ALL_PROCESSES);
    }

    private static void restrict(RunSource run, AnalysisViewModel analysis, ProcessChoice chosen) {
        boolean all = chosen == null || chosen.index() < 0;
        analysis.threadsProperty().set(all ? null : ProcessThreads.of(run.profile(), java.util.Set.of(chosen.index())));
    }

    /** Brings a run's process choices up to its process table (a recording meets new ones). */
    private static void offerProcesses(RunSource run, ObservableList<ProcessChoice> choices) {
        var table = run.profile().processes();
        for (int p = choices.size() - 1; p < table.size(); p++) {
            choices.add(new ProcessChoice(p, dev.pyrometer.app.ui.analysis.ProcessFilterViewModel.label(table.get(p))));
        }
    }

    /** Call paths of the base run the new run does not have, heaviest first. */
    public ObservableList<VanishedPath> vanished() { return vanished; }

    public Comparison comparison() { return comparison.get(); }

    /** The tab's title: {@code before.pyro → after.pyro}. */
    public String title() {
        return base.name() + " → " + news.name();
    }

    /** Shows a vanished call path: side by side, the base run zoomed to it and the frame selected. */
    public void reveal(VanishedPath path) {
        Comparison c = comparison.get();
        if (c == null) return;
        mode.set(Mode.SIDE_BY_SIDE);
        CallTree tree = c.base().tree();
        int node = FrameSelection.resolve(tree, path.path());
        if (node <= 0) return;
        baseFlame.zoomTo(path.path());
        baseSelection.set(FrameSelection.ofNode(tree, node));
    }

    private TaskRunner.Work<SandwichHalves> cutSandwich(FrameSelection selected) {
        Comparison c = comparison.get();
        ChangeLevels scale = levels.get();
        ChangePalette colours = palette.get();
        if (c == null || scale == null) return null;
        return (cancelled, progress) -> SandwichChanges.cut(c, selected, scale, colours, cancelled);
    }

    /** Stops following recordings and drops work in flight; the runs' profiles are left as they are. */
    public void dispose() {
        if (disposed) return;
        disposed = true;
        refreshers.forEach(Ticker.Subscription::close);
        refreshers.clear();
        unfollow.forEach(Runnable::run);
        unfollow.clear();
        comparing.cancel();
    }

    private List<FlameGraphViewModel> flames() {
        return List.of(diffFlame, baseFlame, newFlame);
    }

    private void followLive(RunSource run, AnalysisViewModel analysis, Ticker ticker) {
        if (!run.isLive()) return;
        analysis.setSlowEvery((int) (Duration.ofSeconds(1).toMillis() / LIVE_REFRESH.toMillis()));
        Ticker.Subscription refresher = ticker.every(LIVE_REFRESH, analysis::refreshIfGrown);
        refreshers.add(refresher);
        javafx.beans.value.ChangeListener<Boolean> ended = (o, was, live) -> {
            if (live) return;
            refresher.close();
            analysis.setSlowEvery(1);
            analysis.refreshIfGrown();
            refreshFacts(comparison.get());
        };
        run.live().addListener(ended);
        unfollow.add(() -> run.live().removeListener(ended));
    }

    private void recompare() {
        if (disposed) return;
        Analysis b = baseAnalysis.slowAnalysisProperty().get();
        Analysis n = newAnalysis.slowAnalysisProperty().get();
        // While the grouping changes the two analyses land one after the other: wait for the pair.
        Comparison last = comparison.get();
        if (!Comparison.comparable(b, n, last == null ? null : last.pairing())) return;
        Normalization by = normalization.get();
        MatchBy match = matchBy.get();
        ChangeMeasure m = measure.get();
        // What the views show of the comparison is made with it, off the UI thread (a wide comparison has a table of
        // a hundred thousand rows); a measure changed meanwhile is shown from the comparison as it lands.
        comparing.start("Comparing runs", (cancelled, progress) -> {
                Comparison c = Comparison.compute(b, n, by, match, cancelled);
                Cancel.check(cancelled);
                return Shown.of(c, m);
            },
            done -> {
                failure.set(null);
                comparison.set(done.comparison());
                show(done.measure() == measure.get() ? done : Shown.of(done.comparison(), measure.get()));
            },
            failure::set);
    }

    /** What the views show of a comparison for one measure: the call paths' colour levels, the table, what vanished. */
    private record Shown(Comparison comparison, ChangeMeasure measure, ChangeLevels levels, DeltaTableViewModel.Rows rows,
                         List<VanishedPath> vanished) {
        static Shown of(Comparison c, ChangeMeasure m) {
            return new Shown(c, m, ChangeLevels.of(c.tree(), m), DeltaTableViewModel.Rows.of(c, m), VanishedPath.of(c));
        }
    }

    private void show(Shown shown) {
        annotate(shown.comparison(), shown.levels());
        table.show(shown.rows());
        vanished.setAll(shown.vanished());
        refreshFacts(shown.comparison());
    }

    private void refreshFacts(Comparison c) {
        baseFacts.set(RunFacts.of(base, c == null ? null : c.base()));
        newFacts.set(RunFacts.of(news, c == null ? null : c.news()));
    }

    private void annotate(Comparison c, ChangeLevels pathLevels) {
        levels.set(pathLevels);
        ChangeAnnotations newSide = new ChangeAnnotations(c, Side.NEW, pathLevels, palette.get());
        baseFlame.annotationsProperty().set(new ChangeAnnotations(c, Side.BASE, pathLevels, palette.get()));
        newFlame.annotationsProperty().set(newSide);
        diffFlame.annotationsProperty().set(newSide);
    }

    /** A row of the delta table was picked: select its frame in the run that has it (the new one if both do). */
    private void pick(DeltaRow row) {
        Comparison c = comparison.get();
        if (c == null) return;
        boolean vanishedRow = row.newRef() == null;
        CallTree tree = vanishedRow ? c.base().tree() : c.news().tree();
        int key = Matching.keyOf(tree.keys(), vanishedRow ? row.baseRef() : row.newRef());
        if (key < 0) return;
        // A frame only the base run has cannot be drawn in the new run's shape: show the runs side by side.
        if (vanishedRow) mode.set(Mode.SIDE_BY_SIDE);
        (vanishedRow ? baseSelection : newSelection).set(FrameSelection.of(tree.keys(), key));
    }

    private void followSelection(Side side, FrameSelection selected) {
        table.follow(side, selected == null ? null : selected.ref());
        if (syncing) return;
        Comparison c = comparison.get();
        Side other = side.other();
        syncing = true;
        try {
            FrameSelection there = c == null ? selected : Matching.selection(c.pairing(), other, c.treeOf(other), side, selected);
            // A frame the new run does not have: the source pane (the new run's) opens where the base run spent its time.
            if (c != null && other == Side.NEW && there == selected) there = Matching.atHottestLine(c.base(), selected);
            (other == Side.BASE ? baseSelection : newSelection).set(there);
        } finally {
            syncing = false;
        }
    }

    private void followZoom(FlameGraphViewModel from, List<FrameRef> path) {
        if (syncing) return;
        Comparison c = comparison.get();
        syncing = true;
        try {
            for (FlameGraphViewModel to : flames()) {
                if (to == from) continue;
                Side side = to == baseFlame ? Side.BASE : Side.NEW;
                Side fromSide = from == baseFlame ? Side.BASE : Side.NEW;
                to.zoomTo(c == null || side == fromSide ? path : Matching.path(c.pairing(), side, c.treeOf(side), fromSide, path));
            }
        } finally {
            syncing = false;
        }
    }

    /** A transform made in either run applies to both, each naming the frame as it names its own files. */
    private void keepTransformsInStep(Transforms changed) {
        Transforms shared = Matching.portable(changed);
        Comparison c = comparison.get();
        baseAnalysis.setTransforms(c == null ? shared : Matching.onSide(c.pairing(), shared, Side.BASE));
        newAnalysis.setTransforms(c == null ? shared : Matching.onSide(c.pairing(), shared, Side.NEW));
    }
}
