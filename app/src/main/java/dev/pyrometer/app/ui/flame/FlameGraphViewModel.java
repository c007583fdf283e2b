package dev.pyrometer.app.ui.flame;

import dev.pyrometer.app.ui.analysis.Analysis;
import dev.pyrometer.app.ui.analysis.AnalysisViewModel;
import dev.pyrometer.app.ui.analysis.FrameSelection;
import dev.pyrometer.app.ui.common.Formats;
import dev.pyrometer.app.ui.common.LatestJob;
import dev.pyrometer.app.ui.common.TaskRunner;
import dev.pyrometer.model.aggregate.CallTree;
import dev.pyrometer.model.aggregate.FlameLayout;
import dev.pyrometer.model.aggregate.FrameRef;
import dev.pyrometer.model.aggregate.Transform;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The flame graph's state and commands: zoom (as a path of frame names, so it survives a live profile growing),
 * search, colour mode, orientation, the frame under the mouse, and transforms from the context menu.
 *
 * <p>Scenes are built in the background whenever the analysis, the zoom, the search, the colour mode or the width
 * change; the newest request wins. An annotated flame graph (a comparison's) draws the tree of its
 * {@link FrameAnnotations} instead of the analysis's, and follows them rather than the analysis. {@link #redrawProperty()} counts changes that need a repaint, so the canvas
 * repaints at most once per pulse however many arrive.
 */
public final class FlameGraphViewModel {
    private final AnalysisViewModel analysis;
    private final ObjectProperty<FrameSelection> selection;
    private final LatestJob layout;
    private final boolean annotated;
    private final List<ColorMode> colorModes;

    /** The canvas width in pixels; 0 until the canvas has been laid out (nothing is built before: it would be redone). */
    private final DoubleProperty width = new SimpleDoubleProperty(this, "width", 0);
    private final ObjectProperty<ColorMode> colorMode = new SimpleObjectProperty<>(this, "colorMode", ColorMode.MODULE);
    private final BooleanProperty icicle = new SimpleBooleanProperty(this, "icicle", false);
    /** The view mode: the merged flame graph (false) or the time-order flame chart (true). */
    private final BooleanProperty timeOrder = new SimpleBooleanProperty(this, "timeOrder", false);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ReadOnlyObjectWrapper<List<FrameRef>> zoomPath = new ReadOnlyObjectWrapper<>(this, "zoomPath", List.of());
    private final ReadOnlyObjectWrapper<FlameScene> scene = new ReadOnlyObjectWrapper<>(this, "scene");
    private final ReadOnlyObjectWrapper<List<Crumb>> crumbs = new ReadOnlyObjectWrapper<>(this, "crumbs", List.of(new Crumb("all", 0)));
    private final ReadOnlyIntegerWrapper hovered = new ReadOnlyIntegerWrapper(this, "hovered", -1);
    private final ReadOnlyObjectWrapper<HoverInfo> hoverInfo = new ReadOnlyObjectWrapper<>(this, "hoverInfo");
    private final ReadOnlyStringWrapper searchSummary = new ReadOnlyStringWrapper(this, "searchSummary", "");
    private final ReadOnlyLongWrapper redraw = new ReadOnlyLongWrapper(this, "redraw");
    private final ObjectProperty<FrameAnnotations> annotations = new SimpleObjectProperty<>(this, "annotations");

    public FlameGraphViewModel(AnalysisViewModel analysis, ObjectProperty<FrameSelection> selection, TaskRunner runner) {
        this(analysis, selection, runner, false);
    }

    /**
     * @param annotated true for a graph that draws its {@link #annotationsProperty() annotations}' tree (nothing until
     *                  they are set) and starts coloured by them; transforms still go to {@code analysis}
     */
    public FlameGraphViewModel(AnalysisViewModel analysis, ObjectProperty<FrameSelection> selection, TaskRunner runner,
                               boolean annotated) {
        this.analysis = analysis;
        this.selection = selection;
        this.layout = new LatestJob(runner);
        this.annotated = annotated;
        this.colorModes = annotated ? List.of(ColorMode.CHANGE, ColorMode.MODULE, ColorMode.CATEGORY)
            : List.of(ColorMode.MODULE, ColorMode.CATEGORY);
        if (annotated) colorMode.set(ColorMode.CHANGE);
        for (Observable input : new Observable[] {annotated ? annotations : analysis.analysisProperty(), colorMode, search, zoomPath}) {
            input.addListener(o -> rebuild());
        }
        // A resize repaints at once with the old scene stretched, and relayouts only when a pixel's worth changed.
        width.addListener((o, before, after) -> {
            bumpRedraw();
            if (Math.abs(after.doubleValue() - before.doubleValue()) >= 1) rebuild();
        });
        icicle.addListener(o -> bumpRedraw());
        selection.addListener(o -> reselect());
        // Transforms change what the frames mean: a zoom into the old picture no longer applies.
        analysis.transformsProperty().addListener(o -> zoomPath.set(List.of()));
    }

    public DoubleProperty widthProperty() { return width; }
    public ObjectProperty<ColorMode> colorModeProperty() { return colorMode; }
    public BooleanProperty icicleProperty() { return icicle; }
    /** True while the pane shows the time-order flame chart instead of the flame graph. */
    public BooleanProperty timeOrderProperty() { return timeOrder; }
    public StringProperty searchProperty() { return search; }
    public ReadOnlyObjectProperty<List<FrameRef>> zoomPathProperty() { return zoomPath.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<FlameScene> sceneProperty() { return scene.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<List<Crumb>> crumbsProperty() { return crumbs.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty hoveredProperty() { return hovered.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<HoverInfo> hoverInfoProperty() { return hoverInfo.getReadOnlyProperty(); }
    public ReadOnlyStringProperty searchSummaryProperty() { return searchSummary.getReadOnlyProperty(); }
    public ReadOnlyLongProperty redrawProperty() { return redraw.getReadOnlyProperty(); }
    public AnalysisViewModel analysis() { return analysis; }
    /** What a comparison lays over the frames; only an annotated graph draws them. */
    public ObjectProperty<FrameAnnotations> annotationsProperty() { return annotations; }
    /** The colour modes this graph offers, the first being its default. */
    public List<ColorMode> colorModes() { return colorModes; }

    public FlameScene scene() { return scene.get(); }

    /** The mouse is over a layout node (-1: over nothing). */
    public void hover(int node) {
        FlameScene s = scene.get();
        if (s == null || node >= s.size()) node = -1;
        if (node == hovered.get()) return;
        hovered.set(node);
        hoverInfo.set(node < 0 ? null : HoverInfo.of(s, node));
        bumpRedraw();
    }

    /** A click on a layout node: zoom into it and select it (the root zooms all the way out). */
    public void click(int node) {
        FlameScene s = scene.get();
        if (s == null || node < 0 || node >= s.size()) return;
        int treeNode = s.layout().treeNode(node);
        if (treeNode == FlameLayout.OTHER) return;
        if (treeNode == 0) {
            zoomPath.set(List.of());
            return;
        }
        CallTree tree = s.layout().tree();
        List<FrameRef> path = new ArrayList<>();
        for (int n : tree.path(treeNode)) path.add(tree.ref(n));
        zoomPath.set(List.copyOf(path));
        selection.set(FrameSelection.ofNode(tree, treeNode));
    }

    /** Back to a breadcrumb: keep the first {@code level} frames of the zoom path. */
    public void zoomOutTo(int level) {
        List<FrameRef> path = zoomPath.get();
        if (level < path.size()) zoomPath.set(List.copyOf(path.subList(0, Math.max(0, level))));
    }

    /** One step out; false when already at the root. */
    public boolean zoomOut() {
        List<FrameRef> path = zoomPath.get();
        if (path.isEmpty()) return false;
        zoomPath.set(List.copyOf(path.subList(0, path.size() - 1)));
        return true;
    }

    public void resetZoom() {
        zoomPath.set(List.of());
    }

    /** Zooms to a frame given by its path of names (another graph's zoom, say); the longest prefix found is shown. */
    public void zoomTo(List<FrameRef> path) {
        if (!path.equals(zoomPath.get())) zoomPath.set(List.copyOf(path));
    }

    /** The frame a context menu on this node acts on, or null (the root and "other" nodes have none). */
    public FrameRef refAt(int node) {
        FlameScene s = scene.get();
        if (s == null || node < 0 || node >= s.size()) return null;
        int treeNode = s.layout().treeNode(node);
        return treeNode <= 0 ? null : s.layout().tree().ref(treeNode);
    }

    public void focusOn(int node) {
        FrameRef ref = refAt(node);
        if (ref != null) analysis.apply(new Transform.Focus(ref));
    }

    public void mergeIntoCallers(int node) {
        FrameRef ref = refAt(node);
        if (ref != null) analysis.apply(new Transform.Merge(ref));
    }

    public void collapseRecursion(int node) {
        FrameRef ref = refAt(node);
        if (ref != null) analysis.apply(new Transform.CollapseRecursion(ref));
    }

    private void rebuild() {
        FrameAnnotations over = annotations.get();
        Analysis current = analysis.analysis();
        CallTree tree = annotated ? (over == null ? null : over.tree()) : current == null ? null : current.tree();
        if (tree == null || width.get() <= 0) return;
        List<FrameRef> path = zoomPath.get();
        double px = width.get();
        ColorMode mode = colorMode.get();
        String query = search.get();
        FrameSelection selected = selection.get();
        layout.start("Laying out the flame graph",
            (cancelled, progress) -> FlameSceneBuilder.build(tree, path, px, mode, query, selected, annotated ? over : null, cancelled),
            built -> landed(built, path), error -> { });
    }

    private void landed(FlameScene built, List<FrameRef> path) {
        int key = FlameSceneBuilder.selectedKey(built.layout().tree().keys(), selection.get());
        scene.set(key == built.selectedKey() ? built : built.withSelectedKey(key));
        List<Crumb> trail = crumbsOf(built, path);
        if (!trail.equals(crumbs.get())) crumbs.set(trail); // rebuilding the bar's buttons costs; skip when unchanged
        searchSummary.set(built.hasSearch()
            ? built.matchKeys() == 0 ? "no match"
                : Formats.count(built.matchKeys(), "frame") + " · " + Formats.percent(built.matchShare())
            : "");
        int h = hovered.get();
        hovered.set(-1);
        hover(h < built.size() ? h : -1);
        bumpRedraw();
    }

    private void reselect() {
        FlameScene s = scene.get();
        if (s == null) return;
        int key = FlameSceneBuilder.selectedKey(s.layout().tree().keys(), selection.get());
        if (key != s.selectedKey()) {
            scene.set(s.withSelectedKey(key));
            bumpRedraw();
        }
    }

    private static List<Crumb> crumbsOf(FlameScene built, List<FrameRef> path) {
        List<Crumb> list = new ArrayList<>();
        list.add(new Crumb("all", 0));
        CallTree tree = built.layout().tree();
        FlameSceneBuilder.ZoomTarget target = FlameSceneBuilder.resolve(tree, path);
        if (target.treeNode() == 0) return list;
        int[] nodes = tree.path(target.treeNode());
        for (int i = 0; i < nodes.length; i++) {
            list.add(new Crumb(built.keyLabels()[tree.key(nodes[i])], i + 1));
        }
        return list;
    }

    private void bumpRedraw() {
        redraw.set(redraw.get() + 1);
    }
}
