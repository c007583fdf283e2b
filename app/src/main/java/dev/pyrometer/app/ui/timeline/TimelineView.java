package dev.pyrometer.app.ui.timeline;

import dev.pyrometer.app.ui.common.Controls;
import dev.pyrometer.model.aggregate.TimeRange;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * The timeline pane across the top of a workspace: a header with the selected range, its python / native / system
 * / idle breakdown, what is under the mouse and the zoom buttons, above the {@link TimelineCanvas}.
 */
public final class TimelineView extends BorderPane {
    private final TimelineViewModel model;
    private final TimelineCanvas canvas;
    private final BreakdownBar breakdown;
    private final Label range = new Label();

    public TimelineView(TimelineViewModel model, boolean dark) {
        this.model = model;
        this.canvas = new TimelineCanvas(model, TimelineStyle.of(dark));
        this.breakdown = new BreakdownBar(model.analysis().analysisProperty(), dark);
        getStyleClass().add("timeline-view");
        setId("timeline-view");

        Label title = new Label("Timeline");
        title.getStyleClass().add("pane-title");
        range.setId("timeline-range");
        range.setMinWidth(Region.USE_PREF_SIZE);
        Label hover = new Label();
        hover.setId("timeline-hover");
        hover.getStyleClass().add("muted");
        hover.setMinWidth(0);
        hover.textProperty().bind(model.hoverTextProperty());

        Button zoomIn = button("Zoom to selection", "timeline-zoom-selection", "Show the selected range across the timeline (Enter, or double-click it)");
        zoomIn.setOnAction(e -> model.zoomToSelection());
        zoomIn.disableProperty().bind(model.selectionProperty().isNull());
        Button clear = button("Clear selection", "timeline-clear", "Every view shows the whole recording again (Esc)");
        clear.setOnAction(e -> model.clearSelection());
        clear.disableProperty().bind(model.selectionProperty().isNull());
        Button all = button("Show all", "timeline-show-all", "Zoom the timeline out to the whole recording (0 or Home)");
        all.setOnAction(e -> model.resetZoom());
        all.disableProperty().bind(model.windowProperty().isNull());

        ToggleButton memoryZoom = new ToggleButton("Zoom memory");
        memoryZoom.setId("timeline-memory-zoom");
        memoryZoom.setTooltip(new Tooltip("The memory track's scale: from zero (off: its height is the size), or from its "
            + "lowest to its highest reading (on: small changes fill the track)"));
        memoryZoom.selectedProperty().bindBidirectional(model.memoryZoomedProperty());

        HBox header = new HBox(8, title, Controls.gap(4), range, Controls.gap(8), breakdown, Controls.gap(8), hover,
            Controls.spacer(), memoryZoom, zoomIn, clear, all);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().addAll("pane-header", "timeline-header");
        setTop(header);
        setCenter(canvas);

        model.selectionProperty().addListener(o -> showRange());
        model.analysis().analysisProperty().addListener(o -> showRange());
        showRange();
    }

    public TimelineCanvas canvas() { return canvas; }
    public BreakdownBar breakdown() { return breakdown; }

    public void setDark(boolean dark) {
        canvas.setStyle(TimelineStyle.of(dark));
        breakdown.setDark(dark);
    }

    private void showRange() {
        TimeRange selected = model.selection();
        range.setText(selected == null
            ? "Whole recording  ·  " + TimeLabels.duration(model.endMicros())
            : TimeLabels.at(selected.fromMicros()) + " – " + TimeLabels.at(selected.toMicros()) + "  ·  "
              + TimeLabels.duration(selected.durationMicros()));
    }

    private static Button button(String text, String id, String tip) {
        Button button = new Button(text);
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        return button;
    }
}
