package dev.pyrometer.app.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.app.source.PathMapping;
import dev.pyrometer.app.ui.common.DirectTaskRunner;
import dev.pyrometer.app.ui.flame.FlameGraphViewModel;
import dev.pyrometer.app.ui.flame.FlamePalette;
import dev.pyrometer.app.ui.flame.FlameScene;
import dev.pyrometer.app.ui.support.CompareProfiles;
import dev.pyrometer.app.ui.support.DemoProfiles;
import dev.pyrometer.app.ui.support.ManualTicker;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.RunRoots;
import dev.pyrometer.model.aggregate.KeyBy;
import dev.pyrometer.model.aggregate.Transform;
import dev.pyrometer.model.diff.DiffTree;
import dev.pyrometer.model.diff.DiffValues.Presence;
import dev.pyrometer.model.diff.Normalization;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The comparison's view model without a window: same-thread background work, a hand-driven ticker. */
class CompareViewModelTest {
    @TempDir
    Path dir;
    private final DirectTaskRunner runner = new DirectTaskRunner();
    private final ManualTicker ticker = new ManualTicker();
    private CompareProfiles programs;

    @BeforeEach
    void setUp() throws Exception {
        programs = CompareProfiles.in(dir);
    }

    private CompareViewModel compare(Profile base, Profile news) {
        CompareViewModel model = new CompareViewModel(RunSource.saved(base, dir.resolve("base.pyro")),
            RunSource.saved(news, dir.resolve("new.pyro")), runner, ticker, FXCollections.<PathMapping>observableArrayList());
        for (FlameGraphViewModel flame : List.of(model.diffFlame(), model.baseFlame(), model.newFlame())) flame.widthProperty().set(1200);
        return model;
    }

    /** The moved hot function: 74% in hot_a before, 75% in hot_b after. */
    private CompareViewModel moved() {
        return compare(programs.run("a", 740, 230, 30, "3.11.7", 0), programs.run("b", 230, 750, 20, "3.11.7", 0));
    }

    @Test
    void aProfileAgainstItselfShowsNoChangeAnywhere() {
        for (Profile other : List.of(DemoProfiles.cpuDemo(4000), copyOfDemo())) {
            CompareViewModel model = compare(DemoProfiles.cpuDemo(4000), other);
            for (KeyBy by : KeyBy.values()) {
                for (Normalization n : Normalization.values()) {
                    for (ChangeMeasure m : ChangeMeasure.values()) {
                        model.keyByProperty().set(by);
                        model.normalizationProperty().set(n);
                        model.measureProperty().set(m);
                        assertNoChange(model, by + " " + n + " " + m);
                    }
                }
            }
            assertTrue(model.vanished().isEmpty());
            assertTrue(RunFacts.differences(model.baseFactsProperty().get(), model.newFactsProperty().get()).isEmpty());
        }
    }

    @Test
    void theSandwichOfAFunctionIsColouredByHowEachCallerAndCalleeChanged() {
        // parse is called from load, save and a worker; only the path through save grew (300 → 900 samples).
        CompareViewModel model = compare(DemoProfiles.threeCallers(100, 1), DemoProfiles.threeCallers(100, 3));
        var sandwich = model.sandwich();
        Comparison c = model.comparison();
        var keys = c.news().tree().keys();
        int parse = -1;
        for (int k = 0; k < keys.size(); k++) if ("parse".equals(keys.function(k))) parse = k;
        model.newSelectionProperty().set(dev.pyrometer.app.ui.analysis.FrameSelection.of(keys, parse));
        assertEquals(null, sandwich.halvesProperty().get(), "nothing is cut while the tab is hidden");
        sandwich.activeProperty().set(true);
        var halves = sandwich.halvesProperty().get();
        assertNotNull(halves);
        assertEquals("parse", halves.sandwich().ref().function());
        var callers = halves.callers();
        var tree = callers.tree();
        int save = -1, load = -1;
        for (int child : tree.children(0)) {
            String f = tree.keys().function(tree.key(child));
            if (f.equals("save")) save = child;
            if (f.equals("load")) load = child;
        }
        assertTrue(callers.color(save) > ChangePalette.NEUTRAL + ChangePalette.LEVELS, "the caller whose path grew reads as more time");
        assertTrue(callers.color(load) > ChangePalette.NEUTRAL && callers.color(load) <= ChangePalette.NEUTRAL + ChangePalette.LEVELS,
            "the others' share fell: less time");
        assertTrue(callers.notes(save).getFirst().startsWith("Total  base "), callers.notes(save).toString());
        var callees = halves.callees();
        int scan = -1;
        for (int child : callees.tree().children(0)) if ("scan".equals(callees.tree().keys().function(callees.tree().key(child)))) scan = child;
        assertTrue(callees.color(scan) > ChangePalette.NEUTRAL + ChangePalette.LEVELS, "scan, under the grown path, grew too");
        assertFalse(halves.notes().isEmpty(), "the header says how the function itself changed");
        assertEquals(model.sandwich().callers().colorModeProperty().get(), model.diffFlame().colorModeProperty().get());
    }

    private static Profile copyOfDemo() {
        return DemoProfiles.cpuDemo(4000); // built again: equal content, other ids and objects
    }

    private static void assertNoChange(CompareViewModel model, String what) {
        Comparison c = model.comparison();
        assertNotNull(c, what);
        DiffTree tree = c.tree();
        for (int d = 0; d < tree.size(); d++) {
            assertEquals(0, tree.totalDelta(d), 1e-12, what);
            assertEquals(0, tree.selfDelta(d), 1e-12, what);
            assertFalse(tree.beyondNoise(d), what);
            assertEquals(Presence.BOTH, tree.presence(d), what);
            assertEquals(0, model.levelsProperty().get().level(d), what);
        }
        assertFalse(model.table().allRows().isEmpty(), what);
        for (DeltaRow row : model.table().allRows()) {
            assertEquals(0, row.delta(), 1e-12, what + " " + row);
            assertFalse(row.beyondNoise(), what + " " + row);
            assertEquals(0, row.level(), what + " " + row);
        }
        assertTrue(model.table().summaryProperty().get().startsWith("0 of "), model.table().summaryProperty().get());
        for (FlameGraphViewModel flame : List.of(model.diffFlame(), model.baseFlame(), model.newFlame())) {
            FlameScene scene = flame.scene();
            assertNotNull(scene, what);
            assertEquals(flame.annotationsProperty().get().tree(), scene.layout().tree(), "the graph draws the compared tree");
            for (int i = 0; i < scene.size(); i++) {
                byte colour = scene.colors()[i];
                assertTrue(colour == FlamePalette.OTHER || colour == FlamePalette.ROOT || colour == ChangePalette.NEUTRAL,
                    what + ": frame " + scene.shortLabel(i) + " has change colour " + colour);
                assertFalse(scene.isMarked(i), what + ": " + scene.shortLabel(i) + " is marked");
            }
        }
    }

    @Test
    void aHotFunctionThatMovedStandsOutInTheTableAndTheColours() {
        CompareViewModel model = moved();
        List<DeltaRow> rows = model.table().allRows();
        DeltaRow first = rows.get(0), second = rows.get(1);
        assertEquals("hot_b", first.name());
        assertEquals(0.23, first.base(), 1e-9);
        assertEquals(0.75, first.news(), 1e-9);
        assertEquals(0.52, first.delta(), 1e-9);
        assertTrue(first.beyondNoise());
        assertEquals(ChangePalette.LEVELS, first.level(), "the biggest change has the strongest colour");
        assertEquals("hot_a", second.name());
        assertTrue(second.delta() < 0 && second.beyondNoise());
        assertEquals(-ChangePalette.LEVELS, second.level());
        DeltaRow onlyB = rows.stream().filter(r -> r.name().equals("only_in_b")).findFirst().orElseThrow();
        assertEquals(Presence.NEW, onlyB.presence());
        DeltaRow main = rows.stream().filter(r -> r.name().equals("main")).findFirst().orElseThrow();
        assertEquals(0, main.delta(), 1e-12);
        assertFalse(main.beyondNoise());
        assertEquals("4 of 6 beyond noise", model.table().summaryProperty().get(), "all but main and <module>");

        FlameScene diff = model.diffFlame().scene();
        assertEquals(ChangePalette.index(ChangePalette.LEVELS), diff.colors()[node(diff, "hot_b")]);
        assertEquals(ChangePalette.index(-ChangePalette.LEVELS), diff.colors()[node(diff, "hot_a")]);
        assertEquals(ChangePalette.NEUTRAL, diff.colors()[node(diff, "main")], "a frame whose share did not change is neutral");
        assertTrue(diff.isMarked(node(diff, "only_in_b")), "a frame new in the new run is hatched");
        assertFalse(diff.isMarked(node(diff, "hot_b")));
        FlameScene base = model.baseFlame().scene();
        assertTrue(base.isMarked(node(base, "only_in_a")), "in the base run's graph, what vanished is hatched");
        assertEquals(ChangePalette.index(-ChangePalette.LEVELS), base.colors()[node(base, "hot_a")]);

        model.diffFlame().hover(node(diff, "hot_b"));
        List<String> notes = model.diffFlame().hoverInfoProperty().get().notes();
        assertEquals("Total  base 23.0%  →  new 75.0%   +52.0 pp  ×3.26", notes.get(0));
        assertTrue(notes.get(2).startsWith("Beyond noise: "), notes.toString());
        model.diffFlame().hover(node(diff, "only_in_b"));
        assertTrue(model.diffFlame().hoverInfoProperty().get().notes().contains("New: this call path is not in the base run"));

        assertEquals(1, model.vanished().size());
        assertEquals("only_in_a (moving_hot.py:" + programs.lineOf("def only_in_a") + ")", model.vanished().getFirst().label(),
            "named as the comparison names the file: from its folder");
    }

    @Test
    void pickingARowSelectsItsFrameInEveryGraphAndOpensItsSourceWithLineDeltas() {
        CompareViewModel model = moved();
        DeltaRow hotB = model.table().allRows().getFirst();
        model.table().select(hotB);
        assertEquals("hot_b", model.newSelectionProperty().get().function());
        assertEquals("hot_b", model.baseSelectionProperty().get().function(), "the base run follows by name");
        for (FlameGraphViewModel flame : List.of(model.diffFlame(), model.baseFlame(), model.newFlame())) {
            FlameScene scene = flame.scene();
            assertEquals(scene.keyOf(node(scene, "hot_b")), scene.selectedKey(), "hot_b is outlined");
        }
        var doc = model.source().source().document();
        assertNotNull(doc);
        assertEquals(programs.script.toString(), doc.recordedPath());
        assertEquals(programs.hotBLine, doc.targetLine(), "the source opens at hot_b's hottest line");
        LineDeltas lines = model.source().deltas();
        assertEquals(programs.script.toString(), lines.file());
        assertEquals(0.52, lines.delta(programs.hotBLine), 1e-9);
        assertTrue(lines.beyondNoise(programs.hotBLine));
        assertEquals(ChangePalette.LEVELS, lines.level(programs.hotBLine));
        assertEquals(-0.51, lines.delta(programs.hotALine), 1e-9);
        assertEquals(-ChangePalette.LEVELS, lines.level(programs.hotALine));
        assertEquals(0.03, lines.baseValue(programs.onlyALine), 1e-9);
        assertEquals(0, lines.newValue(programs.onlyALine));
        assertFalse(lines.hasData(programs.lineOf("import sys")));

        // A vanished function is found in the base run, which the view then shows side by side.
        DeltaRow gone = model.table().allRows().stream().filter(r -> r.presence() == Presence.VANISHED).findFirst().orElseThrow();
        model.table().select(gone);
        assertEquals(CompareViewModel.Mode.SIDE_BY_SIDE, model.modeProperty().get());
        assertEquals("only_in_a", model.baseSelectionProperty().get().function());
        FlameScene base = model.baseFlame().scene();
        assertEquals(base.keyOf(node(base, "only_in_a")), base.selectedKey());
        assertEquals(programs.onlyALine, model.source().source().document().targetLine());
    }

    @Test
    void zoomSearchAndTransformsAreShared() {
        CompareViewModel model = moved();
        FlameScene diff = model.diffFlame().scene();
        model.diffFlame().click(node(diff, "main"));
        assertEquals(2, model.baseFlame().zoomPathProperty().get().size(), "<module> → main");
        assertEquals(model.diffFlame().zoomPathProperty().get(), model.newFlame().zoomPathProperty().get());
        assertEquals("main", model.baseFlame().scene().shortLabel(model.baseFlame().scene().zoomNode()).split(" ")[0]);
        model.baseFlame().zoomOut();
        assertEquals(1, model.diffFlame().zoomPathProperty().get().size());

        model.newFlame().searchProperty().set("hot_");
        assertEquals("hot_", model.baseFlame().searchProperty().get());
        assertTrue(model.diffFlame().scene().hasSearch());

        model.diffFlame().focusOn(node(model.diffFlame().scene(), "hot_a"));
        assertEquals(model.newAnalysis().transformsProperty().get(), model.baseAnalysis().transformsProperty().get());
        Transform focus = model.baseAnalysis().transformsProperty().get().list().getFirst();
        assertEquals(-1, ((Transform.Focus) focus).target().line(), "functions are matched by name across runs");
        assertEquals(1.0, model.comparison().base().tree().share(1), 1e-12, "the base run is focused too");
        model.diffFlame().analysis().undo();
        assertTrue(model.baseAnalysis().transformsProperty().get().isEmpty());
    }

    @Test
    void twoCheckoutsShareZoomSelectionAndTransformsThroughThePairing() throws Exception {
        CompareProfiles v1 = CompareProfiles.in(java.nio.file.Files.createDirectories(dir.resolve("v1")));
        CompareProfiles v2 = CompareProfiles.in(java.nio.file.Files.createDirectories(dir.resolve("v2")));
        Profile base = v1.run("a", 740, 230, 30, "3.11.7", 0), news = v2.run("b", 230, 750, 20, "3.11.7", 0);
        for (var run : List.of(java.util.Map.entry(base, v1.script), java.util.Map.entry(news, v2.script))) {
            Path script = run.getValue();
            new RunRoots(List.of(script.getParent().toString()), script.toString(), script.getParent().toString(), "/usr", "/usr", "/usr")
                .metadata().forEach(run.getKey()::metadata);
        }
        CompareViewModel model = compare(base, news);
        assertEquals(Presence.BOTH, model.table().allRows().stream().filter(r -> r.name().equals("hot_a")).findFirst().orElseThrow().presence());

        model.diffFlame().click(node(model.diffFlame().scene(), "main"));
        assertEquals(2, model.baseFlame().zoomPathProperty().get().size(), "the zoom crosses to the other checkout");
        assertEquals(v1.script.toString(), model.baseFlame().zoomPathProperty().get().getLast().file());

        DeltaRow hotB = model.table().allRows().stream().filter(r -> r.name().equals("hot_b")).findFirst().orElseThrow();
        model.table().select(hotB);
        FlameScene baseScene = model.baseFlame().scene();
        assertEquals(baseScene.keyOf(node(baseScene, "hot_b")), baseScene.selectedKey(), "selected in the base run too");
        assertEquals(v1.script.toString(), model.baseSelectionProperty().get().file());
        model.sandwich().activeProperty().set(true);
        var callers = model.sandwich().halvesProperty().get().callers();
        int main = callers.tree().children(0)[0];
        assertEquals("main", callers.tree().keys().function(callers.tree().key(main)));
        assertFalse(callers.marked(main), "the sandwich pairs hot_b's callers with the other checkout's: not new");
        model.reveal(model.vanished().getFirst());
        assertEquals("only_in_a", model.sandwich().halvesProperty().get().sandwich().ref().function(),
            "a function only the base checkout has gets that run's sandwich");

        model.diffFlame().focusOn(node(model.diffFlame().scene(), "hot_a"));
        Transform.Focus inBase = (Transform.Focus) model.baseAnalysis().transformsProperty().get().list().getFirst();
        Transform.Focus inNew = (Transform.Focus) model.newAnalysis().transformsProperty().get().list().getFirst();
        assertEquals(v1.script.toString(), inBase.target().file(), "each run focuses on its own copy");
        assertEquals(v2.script.toString(), inNew.target().file());
        assertEquals(1.0, model.comparison().base().tree().share(1), 1e-12, "the base run is focused too");
        assertEquals(inBase, model.comparison().base().request().transforms().list().getFirst(), "and compared focused");
    }

    @Test
    void editedCodeStillMatchesFunctionsByName() {
        // hot_b starts two lines lower in the new run (code was added above it): the first line differs.
        Profile base = programs.run("a", 750, 230, 20, "3.11.7", 0);
        Profile news = new Profile();
        String file = programs.script.toString();
        int module = news.frame(file, "<module>", 50, 1);
        int b = news.frame(file, "hot_b", programs.hotBLine + 2, programs.lineOf("def hot_b") + 2);
        int t = news.thread(1, "MainThread");
        for (int i = 0; i < 500; i++) news.sample(i * 1000L, t, new int[] {b, module}, 2, 1, 0, 0);
        CompareViewModel model = compare(base, news);
        DeltaRow hotB = model.table().allRows().stream().filter(r -> r.name().equals("hot_b")).findFirst().orElseThrow();
        assertEquals(Presence.BOTH, hotB.presence());
        model.table().select(hotB);
        FlameScene baseScene = model.baseFlame().scene();
        assertEquals(baseScene.keyOf(node(baseScene, "hot_b")), baseScene.selectedKey(), "selected in the base run by name");
    }

    @Test
    void groupingNormalisationAndMeasureRecomputeTheComparison() {
        CompareViewModel model = moved();
        model.keyByProperty().set(KeyBy.LINE);
        assertEquals(KeyBy.LINE, model.newAnalysis().keyByProperty().get());
        assertEquals(KeyBy.LINE, model.comparison().table().keyBy());
        DeltaRow top = model.table().allRows().getFirst();
        assertEquals("moving_hot.py:" + programs.hotBLine, top.location());
        model.normalizationProperty().set(Normalization.PER_SECOND);
        assertEquals(Normalization.PER_SECOND, model.comparison().normalization());
        assertEquals(0.52, model.table().allRows().getFirst().delta(), 1e-9, "one thread sampled every tick: s/s equals share");
        model.measureProperty().set(ChangeMeasure.SELF);
        assertEquals(ChangeMeasure.SELF, model.levelsProperty().get().measure());
        model.keyByProperty().set(KeyBy.FUNCTION);
        DeltaRow main = model.table().allRows().stream().filter(r -> r.name().equals("main")).findFirst().orElseThrow();
        assertEquals(0, main.base(), "main never runs itself");
    }

    @Test
    void differentPythonsThreadsAndLengthsCompareAndTheHeaderSaysSo() {
        CompareViewModel model = compare(programs.run("a", 740, 230, 30, "3.11.7", 0),
            programs.run("b", 115, 375, 10, "3.12.1", 3));
        RunFacts base = model.baseFactsProperty().get(), news = model.newFactsProperty().get();
        assertEquals(List.of("command", "Python", "duration", "samples", "threads"), RunFacts.differences(base, news));
        String sentence = CompareHeader.sentence(base, news, RunFacts.differences(base, news));
        assertTrue(sentence.startsWith("Differs: command, Python 3.11.7 → 3.12.1, duration 999 ms → 499 ms, samples 1,000 → 2,000, threads 1 → 4."),
            sentence);
        assertTrue(sentence.contains("normalised"), sentence);
        assertEquals("hot_b", model.table().allRows().getFirst().name(), "shares compare runs of different lengths");
        assertEquals(0.75, model.table().allRows().getFirst().news(), 1e-9, "idle threads are not counted by default");
        assertEquals("python3 moving_hot.py a 2", RunFacts.shortCommand(base.command()));
    }

    @Test
    void aVanishedPathIsRevealedInTheBaseRun() {
        CompareViewModel model = moved();
        VanishedPath gone = model.vanished().getFirst();
        model.reveal(gone);
        assertEquals(CompareViewModel.Mode.SIDE_BY_SIDE, model.modeProperty().get());
        assertEquals(gone.path(), model.baseFlame().zoomPathProperty().get());
        assertEquals(2, model.newFlame().zoomPathProperty().get().size(), "the new run zooms as far as it has the path");
        assertEquals("only_in_a", model.baseSelectionProperty().get().function());
        model.sandwich().activeProperty().set(true);
        var halves = model.sandwich().halvesProperty().get();
        assertEquals("only_in_a", halves.sandwich().ref().function(), "the sandwich of a vanished function is the base run's");
        assertTrue(halves.notes().getFirst().startsWith("Only in the base run"), halves.notes().toString());
    }

    @Test
    void aRecordingBeingComparedRefreshesUntilItEnds() {
        Profile base = programs.run("a", 750, 230, 20, "3.11.7", 0);
        Profile growing = programs.run("b", 23, 75, 2, "3.11.7", 0);
        SimpleBooleanProperty live = new SimpleBooleanProperty(true);
        CompareViewModel model = new CompareViewModel(RunSource.saved(base, dir.resolve("a.pyro")),
            new RunSource(growing, "moving_hot.py (pid 42)", null, live, 42), runner, ticker, FXCollections.observableArrayList());
        assertEquals(1, ticker.subscriptions());
        assertTrue(model.newFactsProperty().get().live());
        assertEquals(100, model.comparison().news().sampleCount());
        for (int i = 0; i < 5; i++) {
            // The comparison follows the once-a-second stream: every fifth refresh of a growing profile.
            programs.feed(growing, "b", 46, 150, 4, 0);
            ticker.tick();
        }
        assertEquals(1100, model.comparison().news().sampleCount());
        live.set(false);
        assertEquals(0, ticker.subscriptions(), "a finished recording is no longer polled");
        model.dispose();
    }

    private static int node(FlameScene scene, String function) {
        for (int i = 0; i < scene.size(); i++) {
            int key = scene.keyOf(i);
            if (key >= 0 && function.equals(scene.layout().tree().keys().function(key))) return i;
        }
        throw new AssertionError("no frame " + function);
    }
}
