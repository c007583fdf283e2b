package dev.pyrometer.app.ui.compare;

import dev.pyrometer.app.source.PathMapping;
import dev.pyrometer.app.ui.analysis.AnalysisBar;
import dev.pyrometer.app.ui.common.Controls;
import dev.pyrometer.app.ui.common.Theme;
import dev.pyrometer.app.ui.common.UiSettings;
import dev.pyrometer.app.ui.flame.FlameGraphView;
import dev.pyrometer.app.ui.sandwich.SandwichView;
import dev.pyrometer.app.ui.source.SourceView;
import dev.pyrometer.model.diff.MatchBy;
import dev.pyrometer.model.diff.Normalization;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SegmentedButton;

/**
 * A comparison on screen: the header naming both runs and what differs, a bar of choices (grouping, values, which
 * change colours measure, differential or side by side), the always-visible colour legend above the flame graphs,
 * and below them the delta table beside the source pane with per-line deltas. Divider positions are remembered.
 */
public final class CompareView extends BorderPane {
    private final CompareViewModel model;
    private final FlameGraphView diff;
    private final FlameGraphView base;
    private final FlameGraphView news;
    private final DeltaTableView table;
    private final SourceView source;
    private final SandwichView sandwich;
    private final javafx.scene.control.TabPane lowerTabs;
    private final ChangeLegend legend;
    private final CompareHeader header;
    private final StackPane upper = new StackPane();
    private final SplitPane sides;
    private boolean dark;

    public CompareView(CompareViewModel model, UiSettings settings, boolean dark, Function<String, Optional<PathMapping>> askMapping) {
        this.model = model;
        this.dark = dark;
        getStyleClass().add("compare-view");
        setId("compare-view");

        diff = new FlameGraphView(model.diffFlame(), dark);
        diff.setId("compare-diff-flame");
        diff.setTitle("Differential: " + model.news().name() + " (shape) vs " + model.base().name());
        base = new FlameGraphView(model.baseFlame(), dark);
        base.setId("compare-base-flame");
        base.setTitle("Base: " + model.base().name());
        news = new FlameGraphView(model.newFlame(), dark);
        news.setId("compare-new-flame");
        news.setTitle("New: " + model.news().name());
        sides = new SplitPane(base, news);
        sides.setOrientation(Orientation.HORIZONTAL);
        sides.setDividerPositions(settings.getDouble("compare.divider.sides", 0.5));
        sides.getDividers().getFirst().positionProperty().addListener((o, b, p) -> settings.putDouble("compare.divider.sides", p.doubleValue()));
        model.modeProperty().addListener(o -> showMode());
        showMode();

        legend = new ChangeLegend(model, dark);
        header = new CompareHeader(model);
        model.paletteProperty().addListener(o -> applyChangeColours());
        applyChangeColours();
        BorderPane graphs = new BorderPane(upper);
        graphs.setTop(legend);

        table = new DeltaTableView(model.table(), model.normalizationProperty()::get, model.paletteProperty()::get, dark);
        source = new SourceView(model.source().source(), askMapping);
        useDeltaGutter();
        for (Observable input : new Observable[] {model.source().deltasProperty(), model.paletteProperty(), model.normalizationProperty()}) {
            input.addListener(o -> useDeltaGutter());
        }
        model.normalizationProperty().addListener(o -> table.setTitles(model.normalizationProperty().get()));
        model.paletteProperty().addListener(o -> table.setDark(this.dark));
        table.setTitles(model.normalizationProperty().get());

        sandwich = new SandwichView(model.sandwich(), dark);
        javafx.scene.control.Tab changesTab = new javafx.scene.control.Tab("Changes", table);
        changesTab.setId("compare-tab-changes");
        javafx.scene.control.Tab sandwichTab = new javafx.scene.control.Tab("Sandwich", sandwich);
        sandwichTab.setId("compare-tab-sandwich");
        sandwichTab.setTooltip(new Tooltip("The selected function's callers above and callees below, coloured by change (Ctrl+Shift+W)"));
        lowerTabs = new javafx.scene.control.TabPane(changesTab, sandwichTab);
        lowerTabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        lowerTabs.getStyleClass().add("tables");
        model.sandwich().activeProperty().bind(sandwichTab.selectedProperty());
        diff.setOnShowSandwich(frame -> showSandwichOf(model.newSelectionProperty(), frame));
        news.setOnShowSandwich(frame -> showSandwichOf(model.newSelectionProperty(), frame));
        base.setOnShowSandwich(frame -> showSandwichOf(model.baseSelectionProperty(), frame));
        SplitPane bottom = new SplitPane(lowerTabs, source);
        bottom.setOrientation(Orientation.HORIZONTAL);
        SplitPane main = new SplitPane(graphs, bottom);
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(settings.getDouble("compare.divider.main", 0.55));
        bottom.setDividerPositions(settings.getDouble("compare.divider.bottom", 0.45));
        main.getDividers().getFirst().positionProperty().addListener((o, b, p) -> settings.putDouble("compare.divider.main", p.doubleValue()));
        bottom.getDividers().getFirst().positionProperty().addListener((o, b, p) -> settings.putDouble("compare.divider.bottom", p.doubleValue()));

        setTop(new VBox(header, choices(), processes()));
        setCenter(main);
    }

    public CompareViewModel model() { return model; }
    /** The differential flame graph (the new run's shape, coloured by change). */
    public FlameGraphView diffFlame() { return diff; }
    public FlameGraphView baseFlame() { return base; }
    public FlameGraphView newFlame() { return news; }
    public javafx.scene.control.TableView<DeltaRow> deltaTable() { return table.table(); }
    public SourceView source() { return source; }
    public SandwichView sandwich() { return sandwich; }

    private void showSandwichOf(ObjectProperty<dev.pyrometer.app.ui.analysis.FrameSelection> side,
                                dev.pyrometer.app.ui.analysis.FrameSelection frame) {
        if (frame != null) side.set(frame);
        showSandwich();
    }

    /** Offers "Open in editor" on the flame graphs, the sandwich and the source gutter. */
    public void setOnOpenInEditor(java.util.function.Consumer<dev.pyrometer.app.ui.analysis.FrameSelection> frames,
                                  java.util.function.ObjIntConsumer<String> lines) {
        for (FlameGraphView graph : List.of(diff, base, news)) graph.setOnOpenInEditor(frames);
        sandwich.setOnOpenInEditor(frames);
        source.setOnOpenInEditor(lines);
    }

    /** Shows the sandwich of the selection (Ctrl+Shift+W). */
    public void showSandwich() {
        lowerTabs.getSelectionModel().select(1);
    }

    /** Moves keyboard focus to the search field of the graph on screen (Ctrl+F). */
    public void focusSearch() {
        (model.modeProperty().get() == CompareViewModel.Mode.DIFFERENTIAL ? diff : news).focusSearch();
    }

    public void setDark(boolean dark) {
        this.dark = dark;
        diff.setDark(dark);
        base.setDark(dark);
        news.setDark(dark);
        sandwich.setDark(dark);
        legend.setDark(dark);
        applyChangeColours();
        table.setDark(dark);
        useDeltaGutter();
    }

    /**
     * The palette's strongest colours as looked-up colours ({@code -pyro-more}, {@code -pyro-less}) for everything
     * inside, so text of changes follows the palette and the theme, and CSS can still override it (selected rows).
     */
    private void applyChangeColours() {
        ChangePalette palette = model.paletteProperty().get();
        setStyle("-pyro-more: " + Theme.css(palette.color(ChangePalette.LEVELS, dark)) + "; -pyro-less: "
            + Theme.css(palette.color(-ChangePalette.LEVELS, dark)) + ";");
    }

    private void showMode() {
        upper.getChildren().setAll(model.modeProperty().get() == CompareViewModel.Mode.DIFFERENTIAL ? diff : sides);
    }

    private void useDeltaGutter() {
        ChangePalette palette = model.paletteProperty().get();
        boolean darkTheme = dark;
        source.setGutter(DeltaGutter.header(model.normalizationProperty().get()), DeltaGutter.BAR_WIDTH,
            (doc, target) -> new DeltaGutter(doc, model.source().deltas(), palette, darkTheme, target));
    }

    private HBox choices() {
        SegmentedButton frames = AnalysisBar.groupings(model.keyByProperty(), "compare-key-");
        SegmentedButton values = segmented(model.normalizationProperty(), Normalization.values(), "compare-values-");
        values.getButtons().get(0).setText("Share");
        values.getButtons().get(0).setTooltip(new Tooltip("Each frame's share of all samples of its run"));
        values.getButtons().get(1).setText("Per second");
        values.getButtons().get(1).setTooltip(new Tooltip(
            "Thread-seconds per second of wall clock: shows work that grew even where its share did not"));
        SegmentedButton measure = segmented(model.measureProperty(), ChangeMeasure.values(), "compare-measure-");
        measure.getButtons().get(0).setTooltip(new Tooltip("Colour and list each frame by the change of its total (with what it calls)"));
        measure.getButtons().get(1).setTooltip(new Tooltip("Colour and list each frame by the change of its own (self) time"));
        SegmentedButton mode = segmented(model.modeProperty(), CompareViewModel.Mode.values(), "compare-mode-");
        ComboBox<MatchBy> match = new ComboBox<>(FXCollections.observableArrayList(MatchBy.values()));
        match.setId("compare-match");
        match.valueProperty().bindBidirectional(model.matchByProperty());
        match.setTooltip(new Tooltip("How a frame of one run is found in the other: by its file's path relative to each run's"
            + " roots (two checkouts, two virtual environments, two hosts), by absolute path (the very same file only),"
            + " or by function name alone, whatever file holds it"));
        CheckBox idle = new CheckBox("Include idle");
        idle.setId("compare-idle");
        idle.selectedProperty().bindBidirectional(model.includeIdleProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("compare-busy");
        busy.setPrefSize(16, 16);
        busy.setMaxSize(16, 16);
        busy.visibleProperty().bind(model.comparisonProperty().isNull().and(model.failureProperty().isNull()));
        Label failed = new Label();
        failed.getStyleClass().add("error-text");
        model.failureProperty().addListener((o, b, error) -> failed.setText(error == null ? "" : "The comparison failed: " + error));

        HBox bar = new HBox(8, new Label("Frames"), frames, Controls.gap(6), new Label("Values"), values, Controls.gap(6),
            new Label("Change in"), measure, Controls.gap(6), new Label("Match by"), match, Controls.gap(6), idle, busy, failed,
            Controls.spacer(), mode);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("analysis-bar");
        bar.setId("compare-bar");
        return bar;
    }

    /**
     * Which process of each run is compared, in a row of its own under the bar, only for runs that followed
     * subprocesses (a run of one process has nothing to choose).
     */
    private HBox processes() {
        HBox row = new HBox(8, new Label("Processes: base"),
            processChoice(model.baseProcesses(), model.baseProcessProperty(), "compare-base-process", "base"),
            new Label("new"), processChoice(model.newProcesses(), model.newProcessProperty(), "compare-new-process", "new"));
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("analysis-bar");
        row.setId("compare-processes");
        row.visibleProperty().bind(javafx.beans.binding.Bindings.size(model.baseProcesses()).greaterThan(1)
            .or(javafx.beans.binding.Bindings.size(model.newProcesses()).greaterThan(1)));
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    /** One run's process choice: "All processes" (merged) or one of them. */
    private static ComboBox<dev.pyrometer.app.ui.analysis.ProcessChoice> processChoice(
            javafx.collections.ObservableList<dev.pyrometer.app.ui.analysis.ProcessChoice> choices,
            ObjectProperty<dev.pyrometer.app.ui.analysis.ProcessChoice> chosen, String id, String run) {
        ComboBox<dev.pyrometer.app.ui.analysis.ProcessChoice> box = new ComboBox<>(choices);
        box.setId(id);
        box.setPrefWidth(420);
        box.valueProperty().bindBidirectional(chosen);
        box.setTooltip(new Tooltip("Compare this process of the " + run + " run (pid and command line), or all of its processes merged"));
        box.disableProperty().bind(javafx.beans.binding.Bindings.size(choices).lessThan(2));
        return box;
    }

    /** A segmented button with one toggle per value, kept in step with the property both ways. */
    private static <E extends Enum<E>> SegmentedButton segmented(ObjectProperty<E> property, E[] values, String idPrefix) {
        return Controls.segmented(property, List.of(values), Object::toString, idPrefix);
    }
}
