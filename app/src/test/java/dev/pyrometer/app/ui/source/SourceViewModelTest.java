package dev.pyrometer.app.ui.source;

import dev.pyrometer.app.source.SourceLocator;
import dev.pyrometer.app.source.PathMapping;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.app.ui.analysis.AnalysisViewModel;
import dev.pyrometer.app.ui.analysis.FrameSelection;
import dev.pyrometer.app.ui.common.DirectTaskRunner;
import dev.pyrometer.app.ui.support.DemoProfiles;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.SampleState;
import dev.pyrometer.model.aggregate.FrameRef;
import dev.pyrometer.model.aggregate.KeyBy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceViewModelTest {
    private final DirectTaskRunner runner = new DirectTaskRunner();
    private final SimpleObjectProperty<FrameSelection> selection = new SimpleObjectProperty<>();

    private SourceViewModel model(Profile profile) {
        AnalysisViewModel analysis = new AnalysisViewModel(profile, runner);
        analysis.rebuild();
        return new SourceViewModel(analysis.analysisProperty(), selection, runner, () -> 0, FXCollections.observableArrayList());
    }

    @Test
    void selectingAFunctionOpensItsFileAtItsHottestLine() {
        SourceViewModel source = model(DemoProfiles.cpuDemo(4000));
        String demo = DemoProfiles.demoFile().toString();
        selection.set(new FrameSelection(FrameRef.function(demo, "search", 23), demo, "search", 23, -1, List.of()));
        SourceDocument doc = source.document();
        assertNotNull(doc);
        assertFalse(doc.missing());
        assertTrue(doc.text().contains("def search(haystack, needles):"));
        assertEquals(DemoProfiles.SEARCH_HOT_LINE, doc.targetLine());
        assertEquals(DemoProfiles.SEARCH_HOT_LINE, source.jumpProperty().get().line());
        assertTrue(doc.heat().self(DemoProfiles.SEARCH_HOT_LINE) > 0);
        assertTrue(doc.gutterText(DemoProfiles.SEARCH_HOT_LINE).contains("%"));
        assertEquals(DemoProfiles.BUILD_MATRIX_HOT_LINE, doc.hotLines().getFirst().line(), "the file's hottest line leads the list");
        assertNotNull(doc.highlighting());
    }

    @Test
    void theHottestLinesSplitThreeToOne() {
        SourceViewModel source = model(DemoProfiles.cpuDemo(20_000));
        String demo = DemoProfiles.demoFile().toString();
        selection.set(new FrameSelection(FrameRef.file(demo), demo, null, -1, -1, List.of()));
        SourceDocument doc = source.document();
        double build = doc.heat().total(DemoProfiles.BUILD_MATRIX_HOT_LINE);
        double search = doc.heat().total(DemoProfiles.SEARCH_HOT_LINE);
        assertEquals(3.0, build / search, 0.5, "the demo's 60% : 18% split");
        assertEquals(DemoProfiles.BUILD_MATRIX_HOT_LINE, doc.targetLine(), "a file opens at its hottest line");
    }

    @Test
    void aMissingFileShowsLineNumbersAndCountsAndAPathMappingFindsIt(@TempDir Path dir) throws Exception {
        Profile profile = new Profile();
        int frame = profile.frame("/srv/app/main.py", "work", 3, 1);
        int thread = profile.thread(1, "MainThread");
        for (int i = 0; i < 10; i++) profile.sample(i * 1000L, thread, new int[] {frame}, 1, SampleState.RUNNING, 0, 0);
        SourceViewModel source = model(profile);
        selection.set(new FrameSelection(FrameRef.line("/srv/app/main.py", "work", 3), "/srv/app/main.py", "work", 1, 3, List.of()));
        SourceDocument missing = source.document();
        assertTrue(missing.missing());
        assertEquals(3, missing.lineCount(), "placeholder lines up to the last line with samples");
        assertTrue(missing.gutterText(3).contains("10"));
        assertTrue(missing.missingMessage().contains("/srv/app/main.py"));

        Files.writeString(dir.resolve("main.py"), "def work():\n    x = 1\n    return sum(range(10**6))\n");
        source.addMapping(new PathMapping("/srv/app", dir.toString()));
        SourceDocument found = source.document();
        assertFalse(found.missing());
        assertEquals(dir.resolve("main.py"), found.foundAt());
        assertTrue(found.text().contains("sum(range"));
        assertEquals(3, source.jumpProperty().get().line());
    }

    @Test
    void heatFollowsAGrowingProfileWithoutJumping() {
        Profile profile = DemoProfiles.cpuDemo(1000);
        AnalysisViewModel analysis = new AnalysisViewModel(profile, runner);
        analysis.rebuild();
        SourceViewModel source = new SourceViewModel(analysis.analysisProperty(), selection, runner, () -> 0,
            FXCollections.observableArrayList());
        String demo = DemoProfiles.demoFile().toString();
        selection.set(new FrameSelection(FrameRef.line(demo, "search", 26), demo, "search", 23, 26, List.of()));
        var jump = source.jumpProperty().get();
        int before = source.document().heat().total(26);
        DemoProfiles.feed(profile, 1000, 1000);
        analysis.refreshIfGrown();
        assertTrue(source.document().heat().total(26) > before);
        assertEquals(jump, source.jumpProperty().get(), "a refresh keeps the reader where they are");
    }

    @Test
    void locatorPrefersMappingsThenTheTargetsRootThenThePath(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("x.py"), "pass\n");
        assertEquals(file, SourceLocator.locate(file.toString(), 0, List.of()).path());
        var viaProc = SourceLocator.locate(file.toString(), (int) ProcessHandle.current().pid(), List.of());
        assertEquals(file, viaProc.path(), "the target's view of the file is ours: the plain path is shown");
        assertEquals("/proc/" + ProcessHandle.current().pid() + "/root" + file, viaProc.tried().getFirst());
        var missing = SourceLocator.locate("/nowhere/x.py", 0, List.of(new PathMapping("/nowhere", "/also/nowhere")));
        assertFalse(missing.found());
        assertEquals(List.of("/also/nowhere/x.py", "/nowhere/x.py"), missing.tried());
        assertFalse(SourceLocator.locate("<frozen importlib._bootstrap>", 0, List.of()).found());
    }

    @Test
    void pathMappingsReplaceWholeDirectoriesOnly() {
        PathMapping mapping = new PathMapping("/srv/app/", "/home/me/app");
        assertEquals("/home/me/app/x.py", mapping.apply("/srv/app/x.py"));
        assertEquals(null, mapping.apply("/srv/application/x.py"));
        assertEquals(mapping, PathMapping.decode(mapping.encode()));
        assertEquals(KeyBy.LINE, FrameRef.line("a", "b", 1).level());
    }
}
