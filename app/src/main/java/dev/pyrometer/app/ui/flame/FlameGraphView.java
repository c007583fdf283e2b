package dev.pyrometer.app.ui.flame;

import dev.pyrometer.app.ui.common.Controls;
import dev.pyrometer.model.aggregate.FrameRef;
import dev.pyrometer.model.aggregate.Transforms;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.controlsfx.control.BreadCrumbBar;
import org.controlsfx.control.SegmentedButton;

/**
 * The flame graph pane: a header with search (Enter / Shift+Enter step through the matches), sibling order, colour
 * mode and orientation, "Collapse recursion" when the graph is deeper than the window, the zoom breadcrumb, the
 * canvas with its hover card and, for deep graphs, a minimap; a context menu with the transforms. Binds to
 * {@link FlameGraphViewModel}; holds no state of its own.
 */
public final class FlameGraphView extends BorderPane {
    private final FlameGraphViewModel model;
    private final FlameCanvas canvas;
    private final FlameTooltip tooltip;
    private final FlameMinimap minimap;
    private final TextField search = new TextField();
    private final Label title = new Label("Flame graph");
    /** Crumbs shown at the end of a long zoom trail, after "all" and one for the levels between. */
    static final int SHOWN_CRUMBS = 3;

    private final BreadCrumbBar<Crumb> breadcrumb = new BreadCrumbBar<>();
    private final StackPane graph;
    private final HBox breadcrumbRow;
    private javafx.scene.Node timeOrderView;
    private final javafx.scene.shape.Rectangle[] swatches = new javafx.scene.shape.Rectangle[dev.pyrometer.model.SampleState.CATEGORY_COUNT];
    private boolean dark;
    private SegmentedButton modes;
    private final FlameContextMenu menu;

    public FlameGraphView(FlameGraphViewModel model, boolean dark) {
        this.model = model;
        this.dark = dark;
        this.canvas = new FlameCanvas(model, dark ? FlameStyle.dark() : FlameStyle.light());
        this.tooltip = new FlameTooltip(dark);
        this.minimap = new FlameMinimap(model, dark ? FlameStyle.dark() : FlameStyle.light());
        getStyleClass().add("flame-view");
        setId("flame-view");

        breadcrumbRow = breadcrumbRow();
        setTop(new VBox(header(), breadcrumbRow));
        Pane overlay = new Pane(tooltip);
        overlay.setMouseTransparent(true);
        StackPane drawing = new StackPane(canvas, overlay);
        HBox.setHgrow(drawing, Priority.ALWAYS);
        // The minimap only when there is somewhere to go: a graph deeper than the window.
        minimap.visibleProperty().bind(model.maxScrollProperty().greaterThan(0));
        minimap.managedProperty().bind(minimap.visibleProperty());
        graph = new StackPane(new HBox(drawing, minimap));
        graph.getStyleClass().add("flame-surface");
        setCenter(graph);
        model.timeOrderProperty().addListener(o -> showMode());

        HoverCardPlacement placement = new HoverCardPlacement(tooltip, overlay, canvas.canvas());
        model.hoverInfoProperty().addListener((o, before, info) -> {
            tooltip.show(info);
            placement.place();
        });
        menu = new FlameContextMenu(model, canvas);
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE && model.zoomOut()) e.consume();
        });
    }

    /** Moves keyboard focus to the search field (Ctrl+F). */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    public FlameCanvas canvas() {
        return canvas;
    }

    public FlameMinimap minimap() {
        return minimap;
    }

    /** Adds "Open in editor" to the context menu: {@code open} gets the frame right-clicked. */
    public void setOnOpenInEditor(java.util.function.Consumer<dev.pyrometer.app.ui.analysis.FrameSelection> open) {
        menu.setOnOpenInEditor(open);
    }

    /** Adds "Sandwich of …" to the context menu: {@code show} gets the frame right-clicked. */
    public void setOnShowSandwich(java.util.function.Consumer<dev.pyrometer.app.ui.analysis.FrameSelection> show) {
        menu.setOnShowSandwich(show);
    }

    /** The pane shown in "Time order" mode (the flame chart); the mode switch appears once there is one. */
    public void setTimeOrderView(javafx.scene.Node view) {
        this.timeOrderView = view;
        modes.setVisible(view != null);
        modes.setManaged(view != null);
        showMode();
    }

    private void showMode() {
        boolean chart = model.timeOrderProperty().get() && timeOrderView != null;
        setCenter(chart ? timeOrderView : graph);
        breadcrumbRow.setVisible(!chart);
        breadcrumbRow.setManaged(!chart);
        if (chart) model.hover(-1);
    }

    public void setDark(boolean dark) {
        this.dark = dark;
        canvas.setStyle(dark ? FlameStyle.dark() : FlameStyle.light());
        minimap.setStyle(dark ? FlameStyle.dark() : FlameStyle.light());
        tooltip.setColors(dark);
        for (int c = 0; c < swatches.length; c++) swatches[c].setFill(FlamePalette.categoryColor(c, dark));
    }

    /** Names the graph in its header ("Flame graph" unless told otherwise). */
    public void setTitle(String text) {
        title.setText(text);
    }

    private HBox header() {
        title.getStyleClass().add("pane-title");
        title.setMinWidth(Region.USE_PREF_SIZE);

        search.setId("flame-search");
        search.setPromptText("Search frames");
        search.setPrefColumnCount(18);
        search.textProperty().bindBidirectional(model.searchProperty());
        search.setTooltip(new javafx.scene.control.Tooltip("Enter / F3: next match · Shift+Enter / Shift+F3: previous · Esc: clear"));
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                search.clear();
                canvas.requestFocus();
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER) {
                if (e.isShiftDown()) model.previousMatch();
                else model.nextMatch();
                e.consume();
            }
        });
        Label summary = new Label();
        summary.setId("flame-search-summary");
        summary.getStyleClass().add("muted");
        summary.textProperty().bind(model.searchSummaryProperty());
        summary.setMinWidth(Region.USE_PREF_SIZE);

        ChoiceBox<ColorMode> colors = new ChoiceBox<>();
        colors.setId("flame-colors");
        colors.getItems().setAll(model.colorModes());
        colors.valueProperty().bindBidirectional(model.colorModeProperty());

        ToggleButton flame = new ToggleButton("Flame");
        ToggleButton icicle = new ToggleButton("Icicle");
        flame.setId("flame-orientation-flame");
        icicle.setId("flame-orientation-icicle");
        SegmentedButton orientation = new SegmentedButton(flame, icicle);
        Controls.bindToggle(orientation, icicle, flame, model.icicleProperty());

        HBox legend = legend();
        legend.visibleProperty().bind(model.colorModeProperty().isEqualTo(ColorMode.CATEGORY));
        legend.managedProperty().bind(legend.visibleProperty());

        ToggleButton merged = new ToggleButton("Merged");
        ToggleButton timeOrder = new ToggleButton("Time order");
        merged.setId("flame-mode-merged");
        timeOrder.setId("flame-mode-time-order");
        merged.setTooltip(new javafx.scene.control.Tooltip("Identical stacks merged, wherever in time they ran"));
        timeOrder.setTooltip(new javafx.scene.control.Tooltip("One thread's stacks in the order they ran: phases side by side"));
        modes = new SegmentedButton(merged, timeOrder);
        Controls.bindToggle(modes, timeOrder, merged, model.timeOrderProperty());
        modes.setVisible(false);
        modes.setManaged(false);
        colors.disableProperty().bind(model.timeOrderProperty());
        orientation.disableProperty().bind(model.timeOrderProperty());

        ToggleButton leftHeavy = new ToggleButton("Left heavy");
        leftHeavy.setId("flame-left-heavy");
        leftHeavy.setTooltip(new javafx.scene.control.Tooltip(
            "Children sorted by weight, heaviest on the left, instead of by name: the same shapes line up run after run"));
        leftHeavy.selectedProperty().bindBidirectional(model.leftHeavyProperty());
        leftHeavy.disableProperty().bind(model.timeOrderProperty());

        javafx.scene.control.Button collapse = new javafx.scene.control.Button("Collapse recursion");
        collapse.setId("flame-collapse-recursion");
        collapse.setOnAction(e -> model.collapseDeepRecursion());
        collapse.visibleProperty().bind(model.recursionTargetProperty().isNotNull().and(model.timeOrderProperty().not()));
        collapse.managedProperty().bind(collapse.visibleProperty());
        model.recursionTargetProperty().addListener((o, before, target) -> {
            FlameScene s = model.scene();
            if (target != null && s != null) {
                collapse.setTooltip(new javafx.scene.control.Tooltip("The graph is deeper than the window: " + shortName(target)
                    + " repeats " + s.navigation().recursionRepeats() + " times on the deepest stack. Collapse its recursion "
                    + "(Ctrl+Z undoes)."));
            }
        });

        ChoiceBox<dev.pyrometer.model.aggregate.Roots> roots = new ChoiceBox<>(model.rootChoices());
        roots.setId("flame-roots");
        roots.valueProperty().bindBidirectional(model.analysis().rootsProperty());
        javafx.scene.control.Tooltip rootsTip = new javafx.scene.control.Tooltip();
        rootsTip.textProperty().bind(model.rootsNoteProperty());
        roots.setTooltip(rootsTip);
        roots.disableProperty().bind(model.timeOrderProperty());
        // Only where there is a choice: a comparison's graphs and a sandwich's halves have none.
        roots.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.rootChoices()));
        roots.managedProperty().bind(roots.visibleProperty());
        Label rootsLabel = new Label("Roots");
        rootsLabel.setMinWidth(Region.USE_PREF_SIZE);
        rootsLabel.visibleProperty().bind(roots.visibleProperty());
        rootsLabel.managedProperty().bind(roots.visibleProperty());

        HBox header = new HBox(8, title, Controls.gap(8), legend, Controls.spacer(), collapse, search, summary,
            Controls.gap(6), modes, rootsLabel, roots, leftHeavy, colors, orientation);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("pane-header");
        return header;
    }

    /** What the category colours mean. */
    private HBox legend() {
        HBox legend = new HBox(10);
        legend.setAlignment(Pos.CENTER_LEFT);
        legend.getStyleClass().add("flame-legend");
        for (int c = 0; c < dev.pyrometer.model.SampleState.CATEGORY_COUNT; c++) {
            javafx.scene.shape.Rectangle swatch = new javafx.scene.shape.Rectangle(10, 10, FlamePalette.categoryColor(c, dark));
            swatch.getStyleClass().add("legend-swatch");
            swatches[c] = swatch;
            Label name = new Label(dev.pyrometer.model.SampleState.categoryName(c), swatch);
            name.getStyleClass().add("muted");
            legend.getChildren().add(name);
        }
        return legend;
    }

    private HBox breadcrumbRow() {
        breadcrumb.setId("flame-breadcrumb");
        breadcrumb.setAutoNavigationEnabled(false);
        breadcrumb.setOnCrumbAction(e -> model.zoomOutTo(e.getSelectedCrumb().getValue().level()));
        // However long the trail, it never widens the window: what does not fit is cut off at the right.
        breadcrumb.setMinWidth(0);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(breadcrumb.widthProperty());
        clip.heightProperty().bind(breadcrumb.heightProperty());
        breadcrumb.setClip(clip);
        model.crumbsProperty().addListener((o, before, crumbs) -> showCrumbs(crumbs));
        showCrumbs(model.crumbsProperty().get());

        Label transforms = new Label();
        transforms.setId("flame-transforms");
        transforms.getStyleClass().add("transforms-label");
        model.analysis().transformsProperty().addListener((o, before, list) -> transforms.setText(describe(list)));
        transforms.setMinWidth(0);
        HBox row = new HBox(8, breadcrumb, Controls.spacer(), transforms);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("breadcrumb-row");
        HBox.setHgrow(breadcrumb, Priority.SOMETIMES);
        return row;
    }

    private void showCrumbs(List<Crumb> crumbs) {
        TreeItem<Crumb> last = BreadCrumbBar.buildTreeModel(shortened(crumbs).toArray(new Crumb[0]));
        breadcrumb.setSelectedCrumb(last);
    }

    /**
     * A zoom far down a deep stack (a search match, a table pick) has a crumb per level: keep "all", the last few,
     * and one crumb for the levels between that zooms out to the deepest of them.
     */
    static List<Crumb> shortened(List<Crumb> crumbs) {
        if (crumbs.size() <= SHOWN_CRUMBS + 2) return crumbs;
        List<Crumb> tail = crumbs.subList(crumbs.size() - SHOWN_CRUMBS, crumbs.size());
        int hidden = crumbs.size() - 1 - SHOWN_CRUMBS;
        Crumb between = new Crumb("… " + hidden + " more", tail.getFirst().level() - 1);
        List<Crumb> shown = new java.util.ArrayList<>(List.of(crumbs.getFirst(), between));
        shown.addAll(tail);
        return shown;
    }

    private static String describe(Transforms list) {
        if (list.isEmpty()) return "";
        StringBuilder text = new StringBuilder();
        list.list().forEach(t -> text.append(text.isEmpty() ? "" : "  ›  ").append(t.describe()));
        return text + "   (Ctrl+Z undoes)";
    }

    private static String shortName(FrameRef ref) {
        return FlameContextMenu.shortName(ref);
    }
}
