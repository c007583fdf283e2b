package dev.pyrometer.app.ui.flame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.app.ui.analysis.AnalysisViewModel;
import dev.pyrometer.app.ui.analysis.FrameSelection;
import dev.pyrometer.app.ui.common.DirectTaskRunner;
import dev.pyrometer.app.ui.support.DemoProfiles;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.aggregate.FlameLayout;
import dev.pyrometer.model.aggregate.FrameRef;
import dev.pyrometer.model.aggregate.Transform;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

/** Finding the hot spot: left-heavy order, rows fitted to the window, the hottest frame in view, stepping through matches. */
class FlameNavigationViewModelTest {
    private final DirectTaskRunner runner = new DirectTaskRunner();
    private final SimpleObjectProperty<FrameSelection> selection = new SimpleObjectProperty<>();
    private AnalysisViewModel analysis;
    private FlameGraphViewModel flame;

    private void open(Profile profile, double width, double height) {
        analysis = new AnalysisViewModel(profile, runner);
        flame = new FlameGraphViewModel(analysis, selection, runner);
        flame.widthProperty().set(width);
        flame.heightProperty().set(height);
        analysis.rebuild();
    }

    @Test
    void leftHeavyPutsTheHeaviestChildFirst() {
        open(DemoProfiles.cpuDemo(4000), 1200, 600);
        assertEquals(List.of("build_matrix", "one_round.<locals>.<listcomp>", "search"), childrenOf("one_round"),
            "alphabetical by default, as flamegraph.pl draws");
        flame.leftHeavyProperty().set(true);
        assertEquals(List.of("build_matrix", "search", "one_round.<locals>.<listcomp>"), childrenOf("one_round"),
            "65% : 20% : 15%, heaviest on the left");
        flame.leftHeavyProperty().set(false);
        assertEquals("build_matrix", childrenOf("one_round").getFirst());
        assertEquals("one_round.<locals>.<listcomp>", childrenOf("one_round").get(1));
    }

    @Test
    void aShallowGraphKeepsFullRowsAndDoesNotScroll() {
        open(DemoProfiles.cpuDemo(2000), 1200, 600);
        assertEquals(FlameGeometry.MAX_ROW, flame.rowHeightProperty().get());
        assertEquals(0, flame.maxScrollProperty().get());
        assertNull(flame.recursionTargetProperty().get(), "nothing to collapse when everything fits");
        flame.heightProperty().set(110);
        assertEquals(18, flame.rowHeightProperty().get(), "6 levels fitted into 110 pixels");
        assertEquals(0, flame.maxScrollProperty().get());
        flame.heightProperty().set(60);
        assertEquals(FlameGeometry.MIN_ROW, flame.rowHeightProperty().get(), "no smaller than readable...");
        assertEquals(6 * FlameGeometry.MIN_ROW - 60, flame.maxScrollProperty().get(), "...then it scrolls");
    }

    @Test
    void aDeepGraphOpensScrolledToItsHottestFrameAndOffersToCollapseTheRecursion() {
        open(DemoProfiles.deepDemo(3000, 200), 1200, 420);
        FlameScene scene = flame.scene();
        assertEquals(205, scene.layout().depthCount(), "root, <module>, main, 201 descend, checksum");
        assertEquals(FlameGeometry.MIN_ROW, flame.rowHeightProperty().get());
        int hottest = scene.navigation().hottest();
        assertEquals("checksum", function(scene, hottest));
        int depth = scene.layout().depth(hottest);
        assertTrue(FlameGeometry.rowVisible(depth, flame.rowHeightProperty().get(), 420, flame.scrollProperty().get()),
            "the hottest frame's row is on screen");
        assertFalse(FlameGeometry.rowVisible(0, flame.rowHeightProperty().get(), 420, flame.scrollProperty().get()),
            "the root is 200 rows away");

        FrameRef target = flame.recursionTargetProperty().get();
        assertNotNull(target);
        assertEquals("descend", target.function());
        assertEquals(201, scene.navigation().recursionRepeats());
        flame.collapseDeepRecursion();
        assertEquals(new Transform.CollapseRecursion(target), analysis.transformsProperty().get().list().getLast());
        assertEquals(5, flame.scene().layout().depthCount(), "root, <module>, main, descend, checksum");
        assertEquals(0, flame.maxScrollProperty().get());
        assertNull(flame.recursionTargetProperty().get());
    }

    @Test
    void theUsersScrollIsKeptAndTheMinimapCentresADepth() {
        open(DemoProfiles.deepDemo(3000, 200), 1200, 420);
        flame.scrollTo(0);
        assertEquals(0, flame.scrollProperty().get());
        analysis.rebuild();
        assertEquals(0, flame.scrollProperty().get(), "a rebuild leaves the user's scroll where it is");
        flame.centreOn(100);
        double row = flame.rowHeightProperty().get();
        assertEquals(100.5 * row - 210, flame.scrollProperty().get(), 1e-9);
        flame.scrollTo(1e9);
        assertEquals(flame.maxScrollProperty().get(), flame.scrollProperty().get(), "clamped to the range");
    }

    @Test
    void enterStepsThroughTheMatchesHeaviestFirstAndSelectsEach() {
        open(DemoProfiles.cpuDemo(4000), 1200, 600);
        flame.searchProperty().set("listcomp");
        assertTrue(flame.searchSummaryProperty().get().startsWith("2 frames · "), flame.searchSummaryProperty().get());
        flame.nextMatch();
        assertEquals("build_matrix.<locals>.<listcomp>", selection.get().function());
        assertTrue(flame.searchSummaryProperty().get().startsWith("1 of 2 frames · "), flame.searchSummaryProperty().get());
        assertTrue(flame.zoomPathProperty().get().isEmpty(), "wide enough to see: no zoom");
        flame.nextMatch();
        assertEquals("one_round.<locals>.<listcomp>", selection.get().function());
        assertTrue(flame.searchSummaryProperty().get().startsWith("2 of 2 frames · "));
        flame.nextMatch();
        assertEquals("build_matrix.<locals>.<listcomp>", selection.get().function(), "wraps around");
        flame.previousMatch();
        assertEquals("one_round.<locals>.<listcomp>", selection.get().function());
        assertEquals(1, flame.matchIndexProperty().get());
        flame.searchProperty().set("search");
        assertEquals(-1, flame.matchIndexProperty().get(), "a new search starts over");
        assertTrue(flame.searchSummaryProperty().get().startsWith("1 frame · "));
    }

    @Test
    void aNarrowMatchIsZoomedIntoAndScrolledTo() {
        open(DemoProfiles.cpuDemo(4000), 1200, 600);
        flame.searchProperty().set("parse_args");
        flame.nextMatch();
        assertEquals("ArgumentParser.parse_args", selection.get().function());
        List<String> zoom = flame.zoomPathProperty().get().stream().map(FrameRef::function).toList();
        assertEquals(List.of("<module>", "main", "ArgumentParser.parse_args"), zoom, "one sample of 4000 is narrower than a pixel");
        FlameScene zoomed = flame.scene();
        assertEquals("ArgumentParser.parse_args", function(zoomed, zoomed.zoomNode()));
        assertEquals(0, flame.matchIndexProperty().get(), "the match is found again in the zoomed scene");
        assertTrue(flame.searchSummaryProperty().get().startsWith("1 of 1 frame · "), flame.searchSummaryProperty().get());

        open(DemoProfiles.deepDemo(2000, 200), 1200, 420);
        flame.scrollTo(0);
        flame.searchProperty().set("main");
        flame.nextMatch();
        assertEquals("main", selection.get().function());
        flame.searchProperty().set("checksum");
        flame.nextMatch();
        int depth = flame.scene().layout().tree().depth(flame.scene().navigation().matches()[0]);
        assertTrue(FlameGeometry.rowVisible(depth, flame.rowHeightProperty().get(), 420, flame.scrollProperty().get()),
            "scrolled 200 rows up to the match");
    }

    @Test
    void aFramePickedElsewhereIsScrolledIntoView() {
        open(DemoProfiles.deepDemo(3000, 200), 1200, 420);
        FlameScene scene = flame.scene();
        int rank = -1;
        for (int i = 0; i < scene.size(); i++) if ("rank".equals(function(scene, i))) rank = i;
        int depth = scene.layout().depth(rank);
        assertFalse(FlameGeometry.rowVisible(depth, flame.rowHeightProperty().get(), 420, flame.scrollProperty().get()));
        selection.set(FrameSelection.of(scene.layout().tree().keys(), scene.keyOf(rank)));
        assertTrue(FlameGeometry.rowVisible(depth, flame.rowHeightProperty().get(), 420, flame.scrollProperty().get()),
            "picked in a table, shown in the graph");
        double scroll = flame.scrollProperty().get();
        selection.set(FrameSelection.of(scene.layout().tree().keys(), scene.keyOf(scene.navigation().hottest())));
        assertTrue(flame.scrollProperty().get() != scroll, "and back up to checksum");
    }

    @Test
    void aFramePickedElsewhereTooNarrowToSeeIsZoomedInto() {
        open(DemoProfiles.cpuDemo(4000), 1200, 600);
        var keys = flame.scene().layout().tree().keys();
        int parseArgs = -1;
        for (int k = 0; k < keys.size(); k++) if ("ArgumentParser.parse_args".equals(keys.function(k))) parseArgs = k;
        selection.set(FrameSelection.of(keys, parseArgs));
        List<String> zoom = flame.zoomPathProperty().get().stream().map(FrameRef::function).toList();
        assertEquals(List.of("<module>", "main", "ArgumentParser.parse_args"), zoom,
            "one sample of 4000, narrower than a pixel: picked in a table, zoomed into");

        flame.resetZoom();
        FlameScene scene = flame.scene();
        int search = -1;
        for (int i = 0; i < scene.size(); i++) if ("search".equals(function(scene, i))) search = i;
        selection.set(FrameSelection.ofNode(scene.layout().tree(), scene.layout().treeNode(search)));
        assertTrue(flame.zoomPathProperty().get().isEmpty(), "a frame wide enough to see moves nothing");
    }

    private List<String> childrenOf(String function) {
        FlameScene scene = flame.scene();
        FlameLayout layout = scene.layout();
        int parent = -1;
        for (int i = 0; i < scene.size(); i++) if (function.equals(function(scene, i))) parent = layout.treeNode(i);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < scene.size(); i++) {
            int node = layout.treeNode(i);
            if (node > 0 && layout.tree().parent(node) == parent) names.add(function(scene, i));
        }
        return names;
    }

    private static String function(FlameScene scene, int node) {
        int key = scene.keyOf(node);
        return key < 0 ? null : scene.layout().tree().keys().function(key);
    }
}
