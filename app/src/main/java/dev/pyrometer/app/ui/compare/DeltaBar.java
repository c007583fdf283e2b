package dev.pyrometer.app.ui.compare;

import javafx.geometry.Insets;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * A change drawn from a centre line: to the right for more time, to the left for less, as long as the change is
 * against the largest one around it, in the change's colour (grey within noise). Used by the delta table and the
 * source gutter, so a line and its function read the same.
 */
final class DeltaBar extends Region {
    private final Region bar = new Region();
    private final Region axis = new Region();
    private double relative;

    DeltaBar(double width) {
        getStyleClass().add("delta-bar");
        axis.getStyleClass().add("delta-axis");
        getChildren().addAll(axis, bar);
        setMinWidth(width);
        setPrefWidth(width);
        setMaxWidth(width);
    }

    /** @param relative the change over the largest change shown, -1 to 1 (clamped) */
    void set(double relative, Color color) {
        this.relative = Double.isFinite(relative) ? Math.max(-1, Math.min(1, relative)) : 0;
        bar.setBackground(new Background(new BackgroundFill(color, new CornerRadii(2), Insets.EMPTY)));
        bar.setVisible(this.relative != 0);
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth(), h = getHeight();
        double mid = Math.round(w / 2);
        double barH = Math.max(4, h - 8);
        // Any change at all gets a sliver, so "changed a little" differs from "did not change".
        double len = relative == 0 ? 0 : Math.max(2, Math.round(Math.abs(relative) * (w / 2 - 2)));
        bar.resizeRelocate(relative > 0 ? mid : mid - len, (h - barH) / 2, len, barH);
        axis.resizeRelocate(mid - 0.5, 2, 1, Math.max(0, h - 4));
    }
}
