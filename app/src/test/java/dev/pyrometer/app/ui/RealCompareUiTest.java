package dev.pyrometer.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.app.Main;
import dev.pyrometer.app.desktop.DesktopRequest;
import dev.pyrometer.app.ui.common.FxTaskRunner;
import dev.pyrometer.app.ui.common.FxTicker;
import dev.pyrometer.app.ui.common.UiSettings;
import dev.pyrometer.app.ui.compare.ChangePalette;
import dev.pyrometer.app.ui.compare.CompareView;
import dev.pyrometer.app.ui.compare.CompareViewModel;
import dev.pyrometer.app.ui.compare.DeltaRow;
import dev.pyrometer.app.ui.compare.LineDeltas;
import dev.pyrometer.app.ui.compare.RunFacts;
import dev.pyrometer.app.ui.flame.FlameScene;
import dev.pyrometer.app.ui.picker.SamplerProcessSource;
import dev.pyrometer.app.ui.recording.LaunchSpec;
import dev.pyrometer.app.ui.recording.SamplerTargetService;
import dev.pyrometer.app.ui.session.ModelSessionFiles;
import dev.pyrometer.app.ui.session.WorkspaceViewModel;
import dev.pyrometer.app.ui.shell.Services;
import dev.pyrometer.app.ui.shell.WorkbenchView;
import dev.pyrometer.app.ui.shell.WorkbenchViewModel;
import dev.pyrometer.app.ui.support.CompareProfiles;
import dev.pyrometer.app.ui.support.Fx;
import dev.pyrometer.app.ui.support.ScriptedDialogs;
import dev.pyrometer.app.ui.support.Workbenches;
import dev.pyrometer.sampler.Pythons;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Comparisons of real recordings: {@code moving_hot.py} recorded by the sampler twice, its hot function moved by a
 * flag and run by two different Pythons, and a live recording compared with a saved baseline as it grows.
 */
@ExtendWith(ApplicationExtension.class)
class RealCompareUiTest {
    @TempDir
    static Path dir;
    private static CompareProfiles program;
    private static Pythons.Python older;
    private static Pythons.Python newer;
    private static Path base;
    private static Path news;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private WorkbenchView view;

    /** Records run "a" under the oldest Python and run "b" under the newest, with the real sampler. */
    @BeforeAll
    static void record() throws Exception {
        program = CompareProfiles.in(dir);
        List<Pythons.Python> pythons = Pythons.all();
        older = pythons.stream().min(Comparator.comparing(p -> p.version().minor())).orElseThrow();
        newer = pythons.stream().max(Comparator.comparing(p -> p.version().minor())).orElseThrow();
        base = dir.resolve("before.pyro");
        news = dir.resolve("after.pyro");
        record(older, "a", base);
        record(newer, "b", news);
    }

    private static void record(Pythons.Python python, String which, Path out) {
        int exit = Main.run("record", "-r", "250", "-o", out.toString(), "--", python.executable().toString(),
            program.script.toString(), which, "2");
        assertEquals(0, exit, "recording " + which + " with " + python);
    }

    @Start
    void start(Stage stage) {
        Services services = new Services(new FxTaskRunner(), new FxTicker(), new SamplerProcessSource(),
            new SamplerTargetService(), new ModelSessionFiles(), dialogs, UiSettings.inMemory(), dir.resolve("autosave"));
        view = Workbenches.show(stage, services, 1400, 900);
    }

    @AfterEach
    void stopPrograms() {
        WorkbenchViewModel model = view.model();
        Fx.runFx(() -> {
            List.copyOf(model.comparisons()).forEach(model::closeComparison);
            model.workspaces().forEach(w -> w.dispose(true));
        });
    }

    @Test
    void twoRecordingsOfAMovedHotFunctionUnderTwoPythons() {
        WorkbenchViewModel model = view.model();
        Fx.runFx(() -> model.handle(DesktopRequest.compare(base, news)));
        Fx.await("the comparison is painted", () -> view.selectedCompareView() != null
            && view.selectedCompareView().model().comparison() != null
            && view.selectedCompareView().diffFlame().canvas().paintedScene() == view.selectedCompareView().model().diffFlame().scene());
        CompareView compare = Fx.onFx(view::selectedCompareView);
        CompareViewModel vm = compare.model();

        List<DeltaRow> rows = Fx.onFx(() -> List.copyOf(vm.table().allRows()));
        DeltaRow hotB = rows.stream().filter(r -> r.name().equals("hot_b")).findFirst().orElseThrow();
        DeltaRow hotA = rows.stream().filter(r -> r.name().equals("hot_a")).findFirst().orElseThrow();
        assertTrue(hotB.delta() > 0.3 && hotB.beyondNoise(), hotB.toString());
        assertTrue(hotA.delta() < -0.3 && hotA.beyondNoise(), hotA.toString());
        assertTrue(rows.indexOf(hotB) < 2 && rows.indexOf(hotA) < 2, "the two biggest changes lead the table: " + rows);

        FlameScene diff = Fx.onFx(() -> vm.diffFlame().scene());
        assertTrue(colourOf(diff, "hot_b") > ChangePalette.NEUTRAL + ChangePalette.LEVELS, "hot_b is drawn in the colours of more time");
        int a = colourOf(diff, "hot_a");
        assertTrue(a > ChangePalette.NEUTRAL && a <= ChangePalette.NEUTRAL + ChangePalette.LEVELS, "hot_a in the colours of less time");
        int[] painted = Fx.onFx(() -> CompareUiTest.count(compare.diffFlame().canvas(),
            ChangePalette.RED_BLUE.color(ChangePalette.LEVELS, false)));
        assertTrue(painted[0] > 1000, "the biggest change is painted in the strongest red: " + painted[0]);

        Fx.runFx(() -> vm.table().select(hotB));
        Fx.await("the source shows the per-line deltas", () -> vm.source().deltas() != null
            && compare.source().codeArea().getText().contains("def hot_b"));
        LineDeltas lines = Fx.onFx(() -> vm.source().deltas());
        assertTrue(lines.delta(program.hotBLine) > 0.2 && lines.beyondNoise(program.hotBLine) && lines.level(program.hotBLine) > 0);
        assertTrue(lines.delta(program.hotALine) < -0.2 && lines.beyondNoise(program.hotALine) && lines.level(program.hotALine) < 0);
        assertTrue(CompareUiTest.gutterClasses(compare, program.hotBLine).contains("delta-more"), "the gutter shows hot_b's line rose");
        assertTrue(CompareUiTest.gutterClasses(compare, program.hotALine).contains("delta-less"), "and hot_a's line fell");

        RunFacts before = Fx.onFx(() -> vm.baseFactsProperty().get()), after = Fx.onFx(() -> vm.newFactsProperty().get());
        assertEquals(older.version().toString(), before.python());
        assertEquals(newer.version().toString(), after.python());
        List<String> differ = RunFacts.differences(before, after);
        assertTrue(differ.contains("command"), differ.toString());
        assertEquals(older.version().minor() != newer.version().minor(), differ.contains("Python"), differ.toString());
        assertTrue(before.seconds() > 1 && after.seconds() > 1, "durations come from the recordings");
    }

    @Test
    void aLiveRecordingIsComparedWithItsBaselineAsItGrows() {
        WorkbenchViewModel model = view.model();
        Fx.runFx(() -> model.launch(new LaunchSpec(newer.executable().toString(), List.of(program.script.toString(), "b", "120"),
            null, Map.of())));
        Fx.await("the program is recording", () -> model.selected() != null && model.selected().liveProperty().get());
        WorkspaceViewModel recording = Fx.onFx(model::selected);
        dialogs.toOpen = List.of(base);
        Fx.runFx(model::compareWithBaseline);
        Fx.await("a live comparison", () -> model.selectedComparison() != null && model.selectedComparison().comparison() != null);
        CompareViewModel vm = Fx.onFx(model::selectedComparison);
        assertTrue(Fx.onFx(() -> vm.newFactsProperty().get().live()));
        assertEquals(recording.profile(), vm.news().profile());
        int first = Fx.onFx(() -> vm.comparison().news().sampleCount());
        Fx.await("the comparison follows the recording", () -> vm.comparison().news().sampleCount() > first + 100);
        Fx.await("hot_b's rise is beyond noise", () -> vm.table().allRows().stream()
            .anyMatch(r -> r.name().equals("hot_b") && r.beyondNoise() && r.delta() > 0.2));

        Fx.runFx(() -> recording.recording().stop());
        Fx.await("the recording ended", () -> !recording.liveProperty().get());
        Fx.await("the header says it ended", () -> !vm.newFactsProperty().get().live());
        int last = Fx.onFx(() -> vm.comparison().news().sampleCount());
        assertEquals(Fx.onFx(() -> recording.profile().samples().size()), last, "the final comparison holds every sample");
        assertFalse(Fx.onFx(() -> vm.newFactsProperty().get().live()));
    }

    private static int colourOf(FlameScene scene, String function) {
        for (int i = 0; i < scene.size(); i++) {
            int key = scene.keyOf(i);
            if (key >= 0 && function.equals(scene.layout().tree().keys().function(key))) return scene.colors()[i];
        }
        throw new AssertionError("no frame " + function);
    }
}
