package dev.pyrometer.app.ui.sandwich;

import dev.pyrometer.app.ui.analysis.FrameSelection;
import dev.pyrometer.app.ui.flame.FlamePalette;
import dev.pyrometer.app.ui.flame.FlameSurface;
import dev.pyrometer.model.SampleState;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

/**
 * The sandwich on screen: a header naming the function with its total and self time and their split, then its
 * callers (growing upward) above its callees (growing downward), the function itself where the two meet. Binds to
 * {@link SandwichViewModel}.
 */
public final class SandwichView extends BorderPane {
    private static final double BAR_WIDTH = 120;

    private final SandwichViewModel model;
    private final FlameSurface callers;
    private final FlameSurface callees;
    private final Label title = new Label();
    private final Label location = new Label();
    private final Label total = new Label();
    private final Label self = new Label();
    private final Label callerCount = new Label();
    private final VBox notes = new VBox(2);
    private final Rectangle[] totalBar = new Rectangle[SampleState.CATEGORY_COUNT];
    private final Rectangle[] selfBar = new Rectangle[SampleState.CATEGORY_COUNT];
    private final Label placeholder = new Label();
    private final SplitPane halves;
    private boolean dark;

    public SandwichView(SandwichViewModel model, boolean dark) {
        this.model = model;
        this.dark = dark;
        getStyleClass().add("sandwich-view");
        setId("sandwich-view");
        callers = new FlameSurface(model.callers(), dark);
        callees = new FlameSurface(model.callees(), dark);
        callers.setId("sandwich-callers");
        callees.setId("sandwich-callees");
        callers.canvas().setId("sandwich-callers-canvas");
        callees.canvas().setId("sandwich-callees-canvas");

        title.getStyleClass().add("pane-title");
        title.setId("sandwich-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        location.getStyleClass().add("muted");
        location.setMinWidth(0);
        callerCount.setMinWidth(0);
        callerCount.getStyleClass().add("muted");
        callerCount.setId("sandwich-callers-count");
        total.setId("sandwich-total");
        self.setId("sandwich-self");
        HBox names = new HBox(8, title, location, spacer(), callerCount);
        names.setAlignment(Pos.BASELINE_LEFT);
        HBox totals = new HBox(8, bar(totalBar), total);
        HBox selfs = new HBox(8, bar(selfBar), self);
        totals.setAlignment(Pos.CENTER_LEFT);
        selfs.setAlignment(Pos.CENTER_LEFT);
        notes.setId("sandwich-notes");
        VBox header = new VBox(3, names, totals, selfs, notes);
        header.getStyleClass().addAll("pane-header", "sandwich-header");
        setColors(dark);

        halves = new SplitPane(labelled(callers, "Callers ↑", Pos.TOP_RIGHT), labelled(callees, "Callees ↓", Pos.BOTTOM_RIGHT));
        halves.setOrientation(Orientation.VERTICAL);
        halves.setDividerPositions(0.5);
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add("placeholder");
        placeholder.setId("sandwich-placeholder");
        placeholder.textProperty().bind(model.placeholderProperty());
        StackPane center = new StackPane(halves, placeholder);
        setTop(header);
        setCenter(center);

        model.summaryProperty().addListener((o, before, now) -> show(now));
        model.halvesProperty().addListener((o, before, now) -> showNotes(now));
        show(model.summaryProperty().get());
        showNotes(model.halvesProperty().get());
        header.visibleProperty().bind(model.summaryProperty().isNotNull());
        header.managedProperty().bind(header.visibleProperty());
        halves.visibleProperty().bind(model.halvesProperty().isNotNull());
        placeholder.visibleProperty().bind(model.halvesProperty().isNull());
    }

    public FlameSurface callers() { return callers; }
    public FlameSurface callees() { return callees; }
    public SandwichViewModel model() { return model; }

    /** Adds "Open in editor" to both halves' context menus. */
    public void setOnOpenInEditor(Consumer<FrameSelection> open) {
        callers.menu().setOnOpenInEditor(open);
        callees.menu().setOnOpenInEditor(open);
    }

    public void setDark(boolean dark) {
        this.dark = dark;
        callers.setDark(dark);
        callees.setDark(dark);
        setColors(dark);
    }

    private void show(SandwichSummary summary) {
        if (summary == null) return;
        title.setText(summary.title());
        location.setText(summary.location());
        total.setText(summary.total());
        self.setText(summary.self());
        callerCount.setText(summary.callers());
        for (int c = 0; c < totalBar.length; c++) {
            totalBar[c].setWidth(Math.round(summary.totalSplit()[c] * BAR_WIDTH));
            selfBar[c].setWidth(Math.round(summary.selfSplit()[c] * BAR_WIDTH));
        }
    }

    private void showNotes(SandwichHalves now) {
        notes.getChildren().clear();
        if (now != null) {
            for (String line : now.notes()) {
                Label note = new Label(line);
                note.getStyleClass().add("sandwich-note");
                notes.getChildren().add(note);
            }
        }
        notes.setVisible(!notes.getChildren().isEmpty());
        notes.setManaged(notes.isVisible());
    }

    private void setColors(boolean dark) {
        for (int c = 0; c < totalBar.length; c++) {
            totalBar[c].setFill(FlamePalette.categoryColor(c, dark));
            selfBar[c].setFill(FlamePalette.categoryColor(c, dark));
        }
    }

    private static HBox bar(Rectangle[] segments) {
        HBox bar = new HBox();
        for (int c = 0; c < segments.length; c++) {
            segments[c] = new Rectangle(0, 8);
            bar.getChildren().add(segments[c]);
        }
        bar.setMinWidth(BAR_WIDTH);
        bar.setMaxWidth(BAR_WIDTH);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("sandwich-bar");
        return bar;
    }

    /** A half with its caption in the corner away from the function's row. */
    private static StackPane labelled(FlameSurface surface, String caption, Pos corner) {
        Label label = new Label(caption);
        label.getStyleClass().add("sandwich-caption");
        label.setMouseTransparent(true);
        StackPane.setAlignment(label, corner);
        StackPane.setMargin(label, new Insets(3, 4, 3, 4));
        StackPane pane = new StackPane(surface, label);
        pane.setMinHeight(60);
        return pane;
    }

    private static Region spacer() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return spacer;
    }
}
