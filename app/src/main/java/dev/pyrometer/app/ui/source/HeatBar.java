package dev.pyrometer.app.ui.source;

import javafx.scene.layout.Region;

/** A line's heat in the gutter: a light bar for its total samples with a dark bar for its self samples over it. */
final class HeatBar extends Region {
    static final double WIDTH = 44;
    private final Region total = new Region();
    private final Region self = new Region();
    private final double totalFraction;
    private final double selfFraction;

    HeatBar(double totalFraction, double selfFraction) {
        this.totalFraction = totalFraction;
        this.selfFraction = selfFraction;
        getStyleClass().add("heat-bar");
        total.getStyleClass().add("heat-total");
        self.getStyleClass().add("heat-self");
        getChildren().addAll(total, self);
        setMinWidth(WIDTH);
        setPrefWidth(WIDTH);
        setMaxWidth(WIDTH);
    }

    @Override
    protected void layoutChildren() {
        double h = Math.max(4, getHeight() - 6);
        double y = (getHeight() - h) / 2;
        double full = getWidth() - 4;
        // A line with any samples gets at least a sliver, so "cold but not zero" stays visible.
        double tw = totalFraction > 0 ? Math.max(2, Math.round(full * totalFraction)) : 0;
        double sw = selfFraction > 0 ? Math.max(2, Math.round(full * selfFraction)) : 0;
        total.resizeRelocate(2, y, tw, h);
        self.resizeRelocate(2, y, sw, h);
    }
}
