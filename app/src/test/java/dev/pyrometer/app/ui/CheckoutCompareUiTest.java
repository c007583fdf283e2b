package dev.pyrometer.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.app.desktop.DesktopRequest;
import dev.pyrometer.app.ui.common.FxTaskRunner;
import dev.pyrometer.app.ui.common.FxTicker;
import dev.pyrometer.app.ui.common.UiSettings;
import dev.pyrometer.app.ui.compare.ChangePalette;
import dev.pyrometer.app.ui.compare.CompareView;
import dev.pyrometer.app.ui.compare.CompareViewModel;
import dev.pyrometer.app.ui.compare.DeltaRow;
import dev.pyrometer.app.ui.compare.LineDeltas;
import dev.pyrometer.app.ui.flame.FlameScene;
import dev.pyrometer.app.ui.picker.SamplerProcessSource;
import dev.pyrometer.app.ui.recording.SamplerTargetService;
import dev.pyrometer.app.ui.session.ModelSessionFiles;
import dev.pyrometer.app.ui.shell.Services;
import dev.pyrometer.app.ui.shell.WorkbenchView;
import dev.pyrometer.app.ui.shell.WorkbenchViewModel;
import dev.pyrometer.app.ui.support.Checkouts;
import dev.pyrometer.app.ui.support.Fx;
import dev.pyrometer.app.ui.support.ScriptedDialogs;
import dev.pyrometer.app.ui.support.Workbenches;
import dev.pyrometer.model.diff.DiffValues.Presence;
import dev.pyrometer.model.diff.MatchBy;
import dev.pyrometer.sampler.Pythons;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.TableRow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The comparison of one program in two checkouts ({@code v1/proj/app.py}, {@code v2/proj/app.py}: v2 moves time from
 * hot_a to hot_b), each recorded by {@code pyrometer record} with the real sampler: the delta table, the differential
 * graph and the source gutter pair the checkouts' frames; the header names both roots and the rule; "Match by" splits
 * them by absolute path and joins them again by name.
 */
@ExtendWith(ApplicationExtension.class)
class CheckoutCompareUiTest {
    @TempDir
    static Path dir;
    private static Path v1;
    private static Path v2;
    private static Path base;
    private static Path news;
    private WorkbenchView view;

    @BeforeAll
    static void record() throws Exception {
        String python = Pythons.all().stream().max(Comparator.comparing(p -> p.version().minor())).orElseThrow()
            .executable().toString();
        v1 = Checkouts.app(dir.resolve("v1/proj"), 0.8);
        v2 = Checkouts.app(dir.resolve("v2/proj"), 0.2);
        base = Checkouts.record(dir.resolve("v1.pyro"), python, v1.toString(), "2");
        news = Checkouts.record(dir.resolve("v2.pyro"), python, v2.toString(), "2");
    }

    @Start
    void start(Stage stage) {
        Services services = new Services(new FxTaskRunner(), new FxTicker(), new SamplerProcessSource(),
            new SamplerTargetService(), new ModelSessionFiles(), new ScriptedDialogs(), UiSettings.inMemory(),
            dir.resolve("autosave"));
        view = Workbenches.show(stage, services, 1500, 950);
    }

    @AfterEach
    void close() {
        WorkbenchViewModel model = view.model();
        Fx.runFx(() -> List.copyOf(model.comparisons()).forEach(model::closeComparison));
    }

    @Test
    void twoCheckoutsPairInTheTableTheGraphAndTheGutterAndMatchByChangesThat(FxRobot robot) {
        WorkbenchViewModel workbench = view.model();
        Fx.runFx(() -> workbench.handle(DesktopRequest.compare(base, news)));
        Fx.await("the comparison is painted", () -> view.selectedCompareView() != null
            && view.selectedCompareView().model().comparison() != null
            && view.selectedCompareView().diffFlame().canvas().paintedScene() == view.selectedCompareView().model().diffFlame().scene());
        CompareView compare = Fx.onFx(view::selectedCompareView);
        CompareViewModel vm = compare.model();

        // The delta table: one row each, both runs' time, the shift.
        DeltaRow hotA = only(vm, "hot_a"), hotB = only(vm, "hot_b");
        assertEquals(Presence.BOTH, hotA.presence());
        assertEquals("app.py", hotA.location());
        assertTrue(hotA.delta() < -0.3 && hotA.beyondNoise(), hotA.toString());
        assertTrue(hotB.delta() > 0.3 && hotB.beyondNoise(), hotB.toString());
        assertTrue(robot.lookup(".top-change").queryLabeled().getText().matches("[▲▼] hot_[ab] .*"),
            "the biggest change is a hot function, not <module>");

        // The differential graph colours both and hatches nothing of the program.
        FlameScene diff = Fx.onFx(() -> vm.diffFlame().scene());
        for (int node = 0; node < diff.size(); node++) {
            int key = diff.keyOf(node);
            if (key < 0 || !v2.toString().equals(diff.layout().tree().keys().file(key))) continue;
            assertFalse(diff.isMarked(node), "app.py's " + diff.layout().tree().keys().function(key) + " is in both runs");
        }
        assertTrue(colourOf(diff, "hot_b") > ChangePalette.NEUTRAL, "hot_b in the colours of more time");

        // The header: both roots, and the rule that paired the frames.
        String pairing = robot.lookup("#compare-pairing").queryLabeled().getText();
        assertTrue(pairing.contains("Roots: " + v1.getParent() + " → " + v2.getParent()), pairing);
        assertTrue(pairing.contains("Frames paired by relative path"), pairing);
        assertTrue(robot.lookup("#compare-differs").queryLabeled().getText().contains("command's folders"));

        // The gutter of app.py: v2's file, against v1's own copy.
        robot.clickOn(rowOf(robot, "hot_b"));
        Fx.await("the source shows app.py with per-line deltas", () -> vm.source().deltas() != null
            && compare.source().codeArea().getText().contains("def hot_b"));
        LineDeltas lines = Fx.onFx(() -> vm.source().deltas());
        int hotBLine = Checkouts.line("# HOT_B"), hotALine = Checkouts.line("# HOT_A");
        assertEquals(v2.toString(), lines.file());
        assertTrue(lines.baseSamples(hotALine) > 0, "the base side of the gutter is read from v1's app.py");
        assertTrue(lines.delta(hotALine) < -0.2 && lines.level(hotALine) < 0, "hot_a's line fell: " + lines.delta(hotALine));
        assertTrue(lines.delta(hotBLine) > 0.2 && lines.level(hotBLine) > 0, "hot_b's line rose: " + lines.delta(hotBLine));
        assertTrue(CompareUiTest.gutterClasses(compare, hotBLine).contains("delta-more"));
        assertTrue(CompareUiTest.gutterClasses(compare, hotALine).contains("delta-less"));

        // Match by absolute path: the checkouts no longer pair.
        choose(robot, vm, MatchBy.ABSOLUTE_PATH);
        List<DeltaRow> split = rows(vm, "hot_a");
        assertEquals(2, split.size(), split.toString());
        assertTrue(split.stream().anyMatch(r -> r.presence() == Presence.VANISHED));
        assertTrue(robot.lookup("#compare-pairing").queryLabeled().getText().contains("Frames paired by absolute path"));
        Fx.await("the gutter follows", () -> vm.source().deltas() != null && vm.source().deltas().baseSamples(hotALine) == 0);

        // By function name only: together again.
        choose(robot, vm, MatchBy.FUNCTION_NAME);
        assertEquals(Presence.BOTH, only(vm, "hot_a").presence());
        assertTrue(robot.lookup("#compare-pairing").queryLabeled().getText().contains("function name only"));
        choose(robot, vm, MatchBy.RELATIVE_PATH);
        assertNull(rows(vm, "hot_a").stream().filter(r -> r.presence() != Presence.BOTH).findAny().orElse(null));
    }

    @Test
    void compareMatchOpensTheComparisonPairedThatWay(FxRobot robot) {
        WorkbenchViewModel workbench = view.model();
        Fx.runFx(() -> workbench.handle(DesktopRequest.compare(base, news, MatchBy.ABSOLUTE_PATH)));
        Fx.await("the comparison by absolute path is made", () -> view.selectedCompareView() != null
            && view.selectedCompareView().model().comparison() != null
            && view.selectedCompareView().model().comparison().pairing().matchBy() == MatchBy.ABSOLUTE_PATH);
        CompareViewModel vm = Fx.onFx(() -> view.selectedCompareView().model());
        assertEquals(MatchBy.ABSOLUTE_PATH, Fx.onFx(() -> vm.matchByProperty().get()));
        assertEquals(2, rows(vm, "hot_a").size(), "by absolute path the two checkouts' hot_a stay apart");
        assertTrue(robot.lookup("#compare-pairing").queryLabeled().getText().contains("Frames paired by absolute path"));
    }

    /** Picks a "Match by" choice with the mouse and waits for the comparison made with it. */
    private static void choose(FxRobot robot, CompareViewModel vm, MatchBy match) {
        robot.clickOn("#compare-match");
        robot.clickOn(robot.lookup(".list-cell").match((Node n) -> n instanceof javafx.scene.control.ListCell<?> cell
            && match.toString().equals(cell.getText())).<Node>query());
        Fx.await("the comparison by " + match, () -> vm.comparison().pairing().matchBy() == match
            && vm.table().allRows().stream().anyMatch(r -> r.name().equals("hot_a")));
        assertEquals(match, Fx.onFx(() -> vm.matchByProperty().get()));
    }

    private static List<DeltaRow> rows(CompareViewModel vm, String name) {
        return Fx.onFx(() -> vm.table().allRows().stream().filter(r -> r.name().equals(name)).toList());
    }

    private static DeltaRow only(CompareViewModel vm, String name) {
        List<DeltaRow> found = rows(vm, name);
        assertEquals(1, found.size(), "one row for " + name + ": " + found);
        return found.getFirst();
    }

    @SuppressWarnings("unchecked")
    private static Node rowOf(FxRobot robot, String name) {
        return robot.lookup("#delta-table .table-row-cell").match((Node n) -> n instanceof TableRow<?> row
            && row.getItem() instanceof DeltaRow r && r.name().equals(name)).query();
    }

    private static int colourOf(FlameScene scene, String function) {
        for (int i = 0; i < scene.size(); i++) {
            int key = scene.keyOf(i);
            if (key >= 0 && function.equals(scene.layout().tree().keys().function(key))) return scene.colors()[i];
        }
        throw new AssertionError("no frame " + function);
    }
}
