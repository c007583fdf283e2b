package dev.pyrometer.app.ui.calltree;

import dev.pyrometer.app.ui.common.Formats;
import javafx.geometry.Pos;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/** A percentage with a thin bar behind it, shared by the call tree and the hot functions table. */
final class ShareCell extends StackPane {
    private final Region bar = new Region();
    private final Label text = new Label();
    private double share;

    ShareCell() {
        getStyleClass().add("share-cell");
        bar.getStyleClass().add("share-bar");
        bar.setManaged(false);
        text.setContentDisplay(ContentDisplay.TEXT_ONLY);
        setAlignment(Pos.CENTER_RIGHT);
        getChildren().addAll(bar, text);
    }

    void set(double value) {
        share = value;
        text.setText(Formats.percent(value));
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        double h = getHeight() - 6;
        bar.resizeRelocate(1, 3, Math.max(0, (getWidth() - 2) * Math.min(1, share)), Math.max(2, h));
    }
}
