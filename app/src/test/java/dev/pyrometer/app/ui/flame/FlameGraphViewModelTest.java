package dev.pyrometer.app.ui.flame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.app.ui.analysis.AnalysisViewModel;
import dev.pyrometer.app.ui.analysis.FrameSelection;
import dev.pyrometer.app.ui.common.DirectTaskRunner;
import dev.pyrometer.app.ui.support.DemoProfiles;
import dev.pyrometer.model.aggregate.FlameLayout;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FlameGraphViewModelTest {
    private final DirectTaskRunner runner = new DirectTaskRunner();
    private final SimpleObjectProperty<FrameSelection> selection = new SimpleObjectProperty<>();
    private AnalysisViewModel analysis;
    private FlameGraphViewModel flame;

    @BeforeEach
    void setUp() {
        analysis = new AnalysisViewModel(DemoProfiles.cpuDemo(4000), runner);
        flame = new FlameGraphViewModel(analysis, selection, runner);
        flame.widthProperty().set(1200);
        analysis.rebuild();
    }

    @Test
    void aSceneIsLaidOutForEveryAnalysis() {
        FlameScene scene = flame.scene();
        assertNotNull(scene);
        assertEquals(0, scene.zoomNode());
        assertEquals(1.0, scene.zoomWidth());
        assertTrue(scene.layout().depthCount() >= 6);
    }

    @Test
    void clickingAFrameZoomsIntoItAndSelectsIt() {
        int search = nodeLabelled("search");
        long redraws = flame.redrawProperty().get();
        flame.click(search);
        FlameScene zoomed = flame.scene();
        assertEquals("search", zoomed.layout().tree().keys().function(zoomed.keyOf(zoomed.zoomNode())));
        assertEquals(4, flame.zoomPathProperty().get().size(), "<module> → main → one_round → search");
        assertEquals(5, flame.crumbsProperty().get().size(), "all plus the four frames");
        assertEquals("search", selection.get().function());
        assertEquals(DemoProfiles.demoFile().toString(), selection.get().file());
        assertTrue(flame.redrawProperty().get() > redraws);
        assertEquals(zoomed.keyOf(zoomed.zoomNode()), zoomed.selectedKey(), "the selected frame is outlined");

        flame.zoomOutTo(2);
        assertEquals(2, flame.zoomPathProperty().get().size());
        flame.click(0);
        assertTrue(flame.zoomPathProperty().get().isEmpty(), "clicking the root zooms all the way out");
    }

    @Test
    void aRecordingOfOneProcessOffersTowersPerThreadOnly() {
        assertEquals(java.util.List.of(dev.pyrometer.model.aggregate.Roots.MERGED, dev.pyrometer.model.aggregate.Roots.THREAD),
            java.util.List.copyOf(flame.rootChoices()));
        assertTrue(flame.rootsNoteProperty().get().contains("several processes"), flame.rootsNoteProperty().get());
        analysis.rootsProperty().set(dev.pyrometer.model.aggregate.Roots.THREAD);
        FlameScene scene = flame.scene();
        int[] towers = scene.layout().tree().children(0);
        var samples = analysis.profile().samples();
        java.util.Set<Integer> running = new java.util.HashSet<>();
        for (int i = 0; i < samples.size(); i++) {
            if (!dev.pyrometer.model.SampleState.isIdle(samples.state(i))) running.add(samples.thread(i));
        }
        assertEquals(running.size(), towers.length, "one tower per thread that ran");
        assertTrue(scene.layout().tree().label(towers[0]).startsWith("thread "));
        int tower = nodeLabelled(scene.layout().tree().label(towers[0]));
        flame.hover(tower);
        assertEquals("every sample of this thread", flame.hoverInfoProperty().get().location());
        assertEquals(scene.layout().tree().total(0), analysis.analysis().sampleCount());
    }

    @Test
    void aRecordingThatMeetsASecondProcessOffersTowersPerProcessAndKeepsTheChoice() {
        var profile = new dev.pyrometer.model.Profile();
        var parentInfo = new dev.pyrometer.model.ProcessInfo(10, 1, -1, "python3 app.py", "3.12.1", 0,
            dev.pyrometer.model.ProcessInfo.RUNNING);
        int parent = profile.process(parentInfo);
        int main = profile.thread(parent, 10, "MainThread");
        int[] stack = {profile.frame("app.py", "main", 1, 1)};
        int running = dev.pyrometer.model.SampleState.RUNNING;
        profile.sample(0, main, stack, 1, running, 1000, 0);
        AnalysisViewModel live = new AnalysisViewModel(profile, runner);
        FlameGraphViewModel graph = new FlameGraphViewModel(live, selection, runner);
        graph.widthProperty().set(800);
        live.rebuild();
        assertEquals(2, graph.rootChoices().size(), "one process: merged or by thread");
        live.rootsProperty().set(dev.pyrometer.model.aggregate.Roots.THREAD);
        int worker = profile.process(new dev.pyrometer.model.ProcessInfo(11, 10, parent, "python3 app.py", "3.12.1", 1000,
            dev.pyrometer.model.ProcessInfo.RUNNING));
        profile.sample(1_000_000, profile.thread(worker, 11, "MainThread"), stack, 1, running, 1000, 0);
        live.refreshIfGrown();
        assertEquals(java.util.List.of(dev.pyrometer.model.aggregate.Roots.values()), java.util.List.copyOf(graph.rootChoices()));
        assertEquals(dev.pyrometer.model.aggregate.Roots.THREAD, live.rootsProperty().get(), "the choice stays");
        assertEquals(2, live.analysis().tree().children(0).length, "a tower per thread of both processes");
    }

    @Test
    void searchHighlightsMatchesAndReportsTheirShare() {
        flame.searchProperty().set("SEARCH");
        FlameScene scene = flame.scene();
        int matched = 0;
        for (int i = 0; i < scene.size(); i++) if (scene.isMatch(i)) matched++;
        assertEquals(1, matched);
        assertEquals(1, scene.matchKeys());
        double share = (double) scene.layout().total(nodeLabelled("search")) / scene.layout().tree().total(0);
        assertEquals(share, scene.matchShare(), 1e-9);
        assertTrue(flame.searchSummaryProperty().get().startsWith("1 frame · "), flame.searchSummaryProperty().get());
        flame.searchProperty().set("");
        assertTrue(!flame.scene().hasSearch());
    }

    @Test
    void hoveringDescribesTheFrame() {
        int search = nodeLabelled("search");
        flame.hover(search);
        HoverInfo info = flame.hoverInfoProperty().get();
        assertEquals("search", info.title());
        assertTrue(info.location().endsWith("cpu_demo.py:23"), info.location());
        assertTrue(info.samples() > 0);
        assertEquals(1.0, info.split()[0] + info.split()[1] + info.split()[2] + info.split()[3], 1e-9);
        flame.hover(-1);
        assertNull(flame.hoverInfoProperty().get());
    }

    @Test
    void transformsFromTheContextMenuApplyAndResetTheZoom() {
        int search = nodeLabelled("search");
        flame.click(nodeLabelled("one_round"));
        flame.focusOn(nodeLabelled("search"));
        assertTrue(flame.zoomPathProperty().get().isEmpty());
        assertEquals(1, analysis.transformsProperty().get().list().size());
        FlameLayout layout = flame.scene().layout();
        assertEquals("search", layout.tree().keys().function(layout.tree().key(layout.treeNode(layout.levelStart(1)))),
            "after a focus, the focused function is the only child of the root");
        assertTrue(search >= 0);
        analysis.undo();
        assertTrue(analysis.transformsProperty().get().isEmpty());
    }

    @Test
    void aNarrowerCanvasPrunesMoreFrames() {
        int wide = realFrames(flame.scene());
        flame.widthProperty().set(5);
        assertTrue(realFrames(flame.scene()) < wide, "frames narrower than a pixel gather into \"other\" nodes");
    }

    private static int realFrames(FlameScene scene) {
        int n = 0;
        for (int i = 0; i < scene.size(); i++) if (!scene.layout().isOther(i)) n++;
        return n;
    }

    private int nodeLabelled(String function) {
        FlameScene scene = flame.scene();
        for (int i = 0; i < scene.size(); i++) {
            int key = scene.keyOf(i);
            if (key >= 0 && function.equals(scene.layout().tree().keys().function(key))) return i;
        }
        throw new AssertionError("no frame " + function);
    }
}
