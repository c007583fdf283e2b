package dev.pyrometer.app.ui.flame;

import dev.pyrometer.model.SampleState;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

/**
 * The hover card over the flame graph: function, location, samples and shares, and the python / native / system /
 * idle split as a small stacked bar with a legend. A plain node laid over the canvas rather than a JavaFX
 * {@code Tooltip}, so it follows the mouse at once, without the tooltip delay.
 */
public final class FlameTooltip extends VBox {
    private static final double BAR_WIDTH = 260;

    private final Label title = new Label();
    private final Label location = new Label();
    private final Label samples = new Label();
    private final Label split = new Label();
    private final VBox notes = new VBox(2);
    private final HBox bar = new HBox();
    private final Rectangle[] segments = new Rectangle[SampleState.CATEGORY_COUNT];

    public FlameTooltip(boolean dark) {
        getStyleClass().add("flame-tooltip");
        setId("flame-tooltip");
        title.getStyleClass().add("flame-tooltip-title");
        location.getStyleClass().add("flame-tooltip-location");
        split.getStyleClass().add("flame-tooltip-split");
        for (Label l : new Label[] {title, location, samples, split}) {
            l.setMinWidth(Region.USE_PREF_SIZE);
            l.setMaxWidth(560);
        }
        for (int c = 0; c < segments.length; c++) {
            segments[c] = new Rectangle(0, 6);
            bar.getChildren().add(segments[c]);
        }
        bar.getStyleClass().add("flame-tooltip-bar");
        bar.setMaxWidth(BAR_WIDTH);
        setColors(dark);
        setSpacing(3);
        setPadding(new Insets(8, 10, 8, 10));
        setMouseTransparent(true);
        setManaged(false);
        setVisible(false);
        notes.getStyleClass().add("flame-tooltip-notes");
        getChildren().addAll(title, location, notes, samples, bar, split);
    }

    public void setColors(boolean dark) {
        for (int c = 0; c < segments.length; c++) segments[c].setFill(FlamePalette.categoryColor(c, dark));
    }

    public void show(HoverInfo info) {
        if (info == null) {
            setVisible(false);
            return;
        }
        title.setText(info.title());
        location.setText(info.location());
        samples.setText(info.samplesText());
        split.setText(info.splitText());
        for (int c = 0; c < segments.length; c++) segments[c].setWidth(Math.round(info.split()[c] * BAR_WIDTH));
        notes.getChildren().clear();
        for (String line : info.notes()) {
            Label note = new Label(line);
            note.getStyleClass().add("flame-tooltip-note");
            note.setMinWidth(Region.USE_PREF_SIZE);
            notes.getChildren().add(note);
        }
        notes.setVisible(!info.notes().isEmpty());
        notes.setManaged(!info.notes().isEmpty());
        autosize();
        setVisible(true);
    }
}
