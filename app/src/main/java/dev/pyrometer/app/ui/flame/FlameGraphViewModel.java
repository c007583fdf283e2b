package dev.pyrometer.app.ui.flame;

import dev.pyrometer.app.ui.analysis.Analysis;
import dev.pyrometer.app.ui.analysis.AnalysisRequest;
import dev.pyrometer.app.ui.analysis.AnalysisViewModel;
import dev.pyrometer.app.ui.analysis.FrameSelection;
import dev.pyrometer.app.ui.common.Formats;
import dev.pyrometer.app.ui.common.LatestJob;
import dev.pyrometer.app.ui.common.TaskRunner;
import dev.pyrometer.model.aggregate.CallTree;
import dev.pyrometer.model.aggregate.FlameLayout;
import dev.pyrometer.model.aggregate.FrameRef;
import dev.pyrometer.model.aggregate.Roots;
import dev.pyrometer.model.aggregate.Transform;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
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
 * search and stepping through its matches, colour mode, orientation, sibling order (alphabetical or left heavy), the
 * vertical scroll with rows fitted to the window, the frame under the mouse, and transforms from the context menu.
 *
 * <p>Scenes are built in the background whenever the analysis, the zoom, the search, the colour mode or the width
 * change; the newest request wins. An annotated flame graph (a comparison's) draws the tree of its
 * {@link FrameAnnotations} instead of the analysis's, and follows them rather than the analysis. {@link #redrawProperty()} counts changes that need a repaint, so the canvas
 * repaints at most once per pulse however many arrive.
 */
public final class FlameGraphViewModel {
    /** A match narrower than this many pixels at the current zoom is zoomed into when stepped to. */
    static final double MATCH_PIXELS = 40;
    /** Rows left between the hottest frame and the far edge when the graph scrolls to it. */
    static final double HOT_MARGIN_ROWS = 2;
    /** A frame picked elsewhere counts as on screen when this many pixels of it are. */
    static final double SEEN_PIXELS = 3;

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
    /** Siblings heaviest first ("left heavy") instead of alphabetical. */
    private final BooleanProperty leftHeavy = new SimpleBooleanProperty(this, "leftHeavy", false);
    /** The canvas height in pixels. */
    private final DoubleProperty height = new SimpleDoubleProperty(this, "height", 0);
    private final ReadOnlyDoubleWrapper rowHeight = new ReadOnlyDoubleWrapper(this, "rowHeight", FlameGeometry.MAX_ROW);
    /** Pixels scrolled away from the root's edge: 0 shows the root row. */
    private final ReadOnlyDoubleWrapper scroll = new ReadOnlyDoubleWrapper(this, "scroll", 0);
    private final ReadOnlyDoubleWrapper maxScroll = new ReadOnlyDoubleWrapper(this, "maxScroll", 0);
    /** Whether the graph opens (and stays, until the user moves it) scrolled to its hottest frame. */
    private final BooleanProperty revealHottest = new SimpleBooleanProperty(this, "revealHottest", true);
    private final ReadOnlyIntegerWrapper matchIndex = new ReadOnlyIntegerWrapper(this, "matchIndex", -1);
    private final javafx.collections.ObservableList<Roots> rootChoices = javafx.collections.FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper rootsNote = new ReadOnlyStringWrapper(this, "rootsNote", "");
    private final ReadOnlyObjectWrapper<FrameRef> recursionTarget = new ReadOnlyObjectWrapper<>(this, "recursionTarget");
    /** True until the user scrolls or zooms: new scenes keep the hottest frame in view meanwhile. */
    private boolean autoReveal = true;
    /** The match stepped to, by path, so it is found again in a rebuilt scene. */
    private List<FrameRef> matchPath;
    /** A depth to centre once the scene being built lands (a match zoomed into). */
    private int pendingReveal = -1;
    private boolean selectingHere;
    private AnalysisRequest shownRequest;

    public FlameGraphViewModel(AnalysisViewModel analysis, ObjectProperty<FrameSelection> selection, TaskRunner runner) {
        this(analysis, selection, runner, false);
    }

    /**
     * @param annotated true for a graph that draws its {@link #annotationsProperty() annotations}' tree (nothing until
     *                  they are set) and starts coloured by them; transforms still go to {@code analysis}
     */
    public FlameGraphViewModel(AnalysisViewModel analysis, ObjectProperty<FrameSelection> selection, TaskRunner runner,
                               boolean annotated) {
        this(analysis, selection, runner, annotated, annotated
            ? List.of(ColorMode.CHANGE, ColorMode.MODULE, ColorMode.CATEGORY) : List.of(ColorMode.MODULE, ColorMode.CATEGORY));
    }

    /**
     * A graph offering these colour modes, the first its default: an annotated graph that draws a tree of its own
     * (a sandwich's half) may colour it by module like the analysis's graph.
     */
    public FlameGraphViewModel(AnalysisViewModel analysis, ObjectProperty<FrameSelection> selection, TaskRunner runner,
                               boolean annotated, List<ColorMode> colorModes) {
        this.analysis = analysis;
        this.selection = selection;
        this.layout = new LatestJob(runner);
        this.annotated = annotated;
        this.colorModes = List.copyOf(colorModes);
        colorMode.set(this.colorModes.getFirst());
        // A new search starts stepping from its first match (before the rebuild below looks for the old one).
        search.addListener(o -> {
            matchIndex.set(-1);
            matchPath = null;
        });
        for (Observable input : new Observable[] {annotated ? annotations : analysis.analysisProperty(), colorMode, search, zoomPath, leftHeavy}) {
            input.addListener(o -> rebuild());
        }
        height.addListener(o -> fitRows());
        // Another orientation: show where the work is again.
        icicle.addListener(o -> {
            autoReveal = true;
            fitRows();
        });
        // A resize repaints at once with the old scene stretched, and relayouts only when a pixel's worth changed.
        width.addListener((o, before, after) -> {
            bumpRedraw();
            if (Math.abs(after.doubleValue() - before.doubleValue()) >= 1) rebuild();
        });
        icicle.addListener(o -> bumpRedraw());
        selection.addListener(o -> reselect());
        // Transforms change what the frames mean: a zoom into the old picture no longer applies.
        analysis.transformsProperty().addListener(o -> zoomPath.set(List.of()));
        analysis.rootsProperty().addListener(o -> zoomPath.set(List.of()));
        if (!annotated) {
            analysis.analysisProperty().addListener((o, before, now) -> offerRoots(now));
            offerRoots(analysis.analysis());
        }
    }

    /**
     * The root choices that make a difference to this profile: per process only in a recording of several processes
     * (a live one may meet its second process later); the note says why the others are not offered.
     */
    private void offerRoots(Analysis now) {
        int processes = now == null ? analysis.profile().processes().size() : now.snapshot().profile().processes().size();
        List<Roots> offered = processes > 1 ? List.of(Roots.values()) : List.of(Roots.MERGED, Roots.THREAD);
        Roots chosen = analysis.rootsProperty().get();
        if (!rootChoices.equals(offered)) rootChoices.setAll(offered);
        // A choice box whose items change may clear its value: keep the user's choice while it is still offered.
        Roots kept = chosen != null && offered.contains(chosen) ? chosen : Roots.MERGED;
        if (analysis.rootsProperty().get() != kept) analysis.rootsProperty().set(kept);
        rootsNote.set(processes > 1
            ? "Start each stack with its process's frame, its thread's, or both: a tower per process or thread"
            : "Start each stack with its thread's frame: a tower per thread (a tower per process needs a recording of "
                + "several processes: record with subprocesses)");
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
    /** The root choices this graph offers ("Roots" in the toolbar): none in an annotated graph (a comparison's). */
    public javafx.collections.ObservableList<Roots> rootChoices() { return rootChoices; }
    /** Why the root choices are what they are: the toolbar's tooltip. */
    public ReadOnlyStringProperty rootsNoteProperty() { return rootsNote.getReadOnlyProperty(); }
    /** What a comparison lays over the frames; only an annotated graph draws them. */
    public ObjectProperty<FrameAnnotations> annotationsProperty() { return annotations; }
    /** The colour modes this graph offers, the first being its default. */
    public List<ColorMode> colorModes() { return colorModes; }
    public BooleanProperty leftHeavyProperty() { return leftHeavy; }
    public DoubleProperty heightProperty() { return height; }
    /** The height of a row: as tall as fits the window, from {@link FlameGeometry#MIN_ROW} to {@link FlameGeometry#MAX_ROW}. */
    public ReadOnlyDoubleProperty rowHeightProperty() { return rowHeight.getReadOnlyProperty(); }
    /** Pixels scrolled away from the root's edge (0: the root row is on screen). */
    public ReadOnlyDoubleProperty scrollProperty() { return scroll.getReadOnlyProperty(); }
    /** How far the graph scrolls: 0 when it fits the window. */
    public ReadOnlyDoubleProperty maxScrollProperty() { return maxScroll.getReadOnlyProperty(); }
    public BooleanProperty revealHottestProperty() { return revealHottest; }
    /** The match stepped to (0-based, in {@link FlameNavigation#matches()} order), or -1. */
    public ReadOnlyIntegerProperty matchIndexProperty() { return matchIndex.getReadOnlyProperty(); }
    /**
     * The function that repeats most on the deepest stack, offered for "Collapse recursion" while the graph is deeper
     * than the window; null otherwise.
     */
    public ReadOnlyObjectProperty<FrameRef> recursionTargetProperty() { return recursionTarget.getReadOnlyProperty(); }

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
        autoReveal = false;
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
        selectHere(FrameSelection.ofNode(tree, treeNode));
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

    /** The frame a layout node draws as a selection (for the context menu's commands), or null. */
    public FrameSelection selectionAt(int node) {
        FlameScene s = scene.get();
        if (s == null || node < 0 || node >= s.size()) return null;
        int treeNode = s.layout().treeNode(node);
        CallTree tree = s.layout().tree();
        if (treeNode == 0 && tree.rootKey() >= 0) return FrameSelection.of(tree.keys(), tree.rootKey());
        return treeNode <= 0 ? null : FrameSelection.of(tree.keys(), tree.key(treeNode));
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

    /** The user scrolled to this many pixels from the root's edge. */
    public void scrollTo(double pixels) {
        autoReveal = false;
        setScroll(pixels);
    }

    /** The user scrolled by a wheel's or a key's delta (positive: toward the root). */
    public void scrollBy(double deltaTowardRoot) {
        scrollTo(scroll.get() - deltaTowardRoot);
    }

    /** The user asked to see a depth in the middle of the window (from the minimap). */
    public void centreOn(double depth) {
        autoReveal = false;
        setScroll((depth + 0.5) * rowHeight.get() - height.get() / 2);
    }

    /** Scrolls so a depth's row is on screen, centred, unless it is already (a match stepped to). */
    public void reveal(int depth) {
        if (FlameGeometry.rowVisible(depth, rowHeight.get(), height.get(), scroll.get())) return;
        setScroll(FlameGeometry.scrollCentring(depth, rowHeight.get(), height.get()));
    }

    /** Enter, F3: the next match, heaviest first; it is selected, scrolled to, and zoomed into when too narrow. */
    public void nextMatch() {
        step(1);
    }

    /** Shift+Enter, Shift+F3: the previous match. */
    public void previousMatch() {
        step(-1);
    }

    /** "Collapse recursion" from the toolbar: collapses the recursion of {@link #recursionTargetProperty()}. */
    public void collapseDeepRecursion() {
        FrameRef target = recursionTarget.get();
        if (target != null) analysis.apply(new Transform.CollapseRecursion(target));
    }

    private void step(int direction) {
        FlameScene s = scene.get();
        if (s == null || !s.hasSearch()) return;
        int[] matches = s.navigation().matches();
        if (matches.length == 0) return;
        int at = matchIndex.get();
        int next = at < 0 ? (direction > 0 ? 0 : matches.length - 1) : Math.floorMod(at + direction, matches.length);
        CallTree tree = s.layout().tree();
        int node = matches[next];
        autoReveal = false;
        matchIndex.set(next);
        List<FrameRef> path = pathOf(tree, node);
        matchPath = path;
        selectHere(FrameSelection.ofNode(tree, node));
        summarize(s);
        bringIntoView(s, node);
    }

    /** Selects a frame this graph itself brings into view (a click, a match), so the selection does not move it. */
    private void selectHere(FrameSelection frame) {
        selectingHere = true;
        try {
            selection.set(frame);
        } finally {
            selectingHere = false;
        }
    }

    private static List<FrameRef> pathOf(CallTree tree, int node) {
        List<FrameRef> path = new ArrayList<>();
        for (int n : tree.path(node)) path.add(tree.ref(n));
        return List.copyOf(path);
    }

    private void setScroll(double pixels) {
        double clamped = Math.clamp(pixels, 0, Math.max(0, maxScroll.get()));
        if (clamped != scroll.get()) {
            scroll.set(clamped);
            bumpRedraw();
        }
    }

    /** Rows as tall as fit, the scroll range to match, and the hottest frame kept in view until the user moves. */
    private void fitRows() {
        FlameScene s = scene.get();
        int depths = s == null ? 0 : s.layout().depthCount();
        double h = height.get();
        double row = FlameGeometry.fitRow(depths, h);
        rowHeight.set(row);
        maxScroll.set(s == null ? 0 : FlameGeometry.maxScroll(s.layout(), h, row));
        setScroll(scroll.get());
        recursionTarget.set(maxScroll.get() > 0 && s != null ? s.navigation().recursionTarget() : null);
        if (s != null && autoReveal && revealHottest.get() && h > 0) showHottest(s);
        bumpRedraw();
    }

    private void showHottest(FlameScene s) {
        int hottest = s.navigation().hottest();
        if (hottest < 0) return;
        int depth = s.layout().depth(hottest);
        if (FlameGeometry.rowVisible(depth, rowHeight.get(), height.get(), scroll.get())) return;
        setScroll(FlameGeometry.scrollShowing(depth, rowHeight.get(), height.get(), HOT_MARGIN_ROWS));
    }

    private void summarize(FlameScene built) {
        if (!built.hasSearch()) {
            searchSummary.set("");
            return;
        }
        int count = built.navigation().matches().length;
        if (count == 0) {
            searchSummary.set("no match");
            return;
        }
        int at = matchIndex.get();
        String frames = Formats.count(count, "frame");
        searchSummary.set((at >= 0 ? (at + 1) + " of " + frames : frames) + " · " + Formats.percent(built.matchShare()));
    }

    private void rebuild() {
        FrameAnnotations over = annotations.get();
        Analysis current = analysis.analysis();
        if (!annotated && current != null) {
            // Frames keyed otherwise or transformed: a new shape, so show where the work is again.
            AnalysisRequest request = current.request();
            if (shownRequest != null && (request.keyBy() != shownRequest.keyBy() || request.roots() != shownRequest.roots()
                || !request.transforms().equals(shownRequest.transforms()))) {
                autoReveal = true;
            }
            shownRequest = request;
        }
        CallTree tree = annotated ? (over == null ? null : over.tree()) : current == null ? null : current.tree();
        if (tree == null || width.get() <= 0) return;
        List<FrameRef> path = zoomPath.get();
        double px = width.get();
        ColorMode mode = colorMode.get();
        String query = search.get();
        FrameSelection selected = selection.get();
        FlameLayout.Order order = leftHeavy.get() ? FlameLayout.Order.HEAVIEST_FIRST : FlameLayout.Order.ALPHABETICAL;
        layout.start("Laying out the flame graph",
            (cancelled, progress) -> FlameSceneBuilder.build(tree, path, px, mode, order, query, selected, annotated ? over : null, cancelled),
            built -> landed(built, path), error -> { });
    }

    private void landed(FlameScene built, List<FrameRef> path) {
        int key = FlameSceneBuilder.selectedKey(built.layout().tree().keys(), selection.get());
        scene.set(key == built.selectedKey() ? built : built.withSelectedKey(key));
        List<Crumb> trail = crumbsOf(built, path);
        if (!trail.equals(crumbs.get())) crumbs.set(trail); // rebuilding the bar's buttons costs; skip when unchanged
        if (matchPath != null) {
            CallTree tree = built.layout().tree();
            int node = FrameSelection.resolve(tree, matchPath);
            matchIndex.set(tree.depth(node) == matchPath.size() ? built.navigation().indexOf(node) : -1);
        }
        summarize(built);
        fitRows();
        if (pendingReveal >= 0) {
            reveal(pendingReveal);
            pendingReveal = -1;
        }
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
        if (key >= 0 && revealHottest.get() && !selectingHere) showSelected(s, key);
    }

    /**
     * A frame picked elsewhere (a table, the sandwich): unless some of it is on screen wide enough to see, bring its
     * place (the call tree row's own path, or its heaviest occurrence) into view, zooming in when it is too narrow.
     */
    private void showSelected(FlameScene s, int key) {
        FlameLayout layout = s.layout();
        double row = rowHeight.get(), h = height.get(), scale = width.get() / s.zoomWidth();
        for (int i = 1; i < layout.size(); i++) {
            if (s.keyOf(i) != key || !FlameGeometry.rowVisible(layout.depth(i), row, h, scroll.get())) continue;
            double left = Math.max(s.zoomX(), layout.x(i));
            double right = Math.min(s.zoomX() + s.zoomWidth(), layout.x(i) + layout.width(i));
            if ((right - left) * scale >= SEEN_PIXELS) return;
        }
        CallTree tree = layout.tree();
        FrameSelection picked = selection.get();
        int node = picked.path().isEmpty() ? -1 : FrameSelection.resolve(tree, picked.path());
        if (node <= 0 || tree.key(node) != key) node = heaviest(tree, key);
        if (node <= 0) return;
        autoReveal = false;
        bringIntoView(s, node);
    }

    /** The node of a key with the most samples under it, or -1. */
    private static int heaviest(CallTree tree, int key) {
        int best = -1;
        for (int n = 1; n < tree.size(); n++) {
            if (tree.key(n) == key && (best < 0 || tree.total(n) > tree.total(best))) best = n;
        }
        return best;
    }

    /** Scrolls to a tree node's row, first zooming into it when, at the current zoom, it is off to the side or narrow. */
    private void bringIntoView(FlameScene s, int node) {
        CallTree tree = s.layout().tree();
        int zoomTree = s.layout().treeNode(s.zoomNode());
        boolean under = node >= zoomTree && node < tree.end(zoomTree);
        boolean above = zoomTree >= node && zoomTree < tree.end(node);
        double pixels = (double) tree.total(node) / Math.max(1, tree.total(zoomTree)) * width.get();
        if (above || under && pixels >= MATCH_PIXELS) {
            reveal(tree.depth(node));
        } else {
            pendingReveal = tree.depth(node);
            zoomPath.set(pathOf(tree, node));
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
