package dev.pyrometer.app.ui.timeline;

import dev.pyrometer.app.ui.analysis.Analysis;
import dev.pyrometer.app.ui.common.Formats;
import dev.pyrometer.app.ui.common.Theme;
import dev.pyrometer.app.ui.flame.FlamePalette;
import dev.pyrometer.model.SampleState;
import dev.pyrometer.model.aggregate.StackCounts;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * Where the selection's time went: a segmented bar of python / native / system / idle samples of the selected
 * threads in the selected range (idle ones counted even when the views leave them out), with the shares beside it.
 */
public final class BreakdownBar extends HBox {
    static final double BAR_WIDTH = 160;

    private final Region[] segments = new Region[SampleState.CATEGORY_COUNT];
    private final HBox bar = new HBox();
    private final Label text = new Label();
    private final Tooltip tooltip = new Tooltip();
    private double[] shares = new double[SampleState.CATEGORY_COUNT];

    public BreakdownBar(ReadOnlyObjectProperty<Analysis> analysis, boolean dark) {
        getStyleClass().add("breakdown");
        setId("breakdown");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);
        bar.getStyleClass().add("breakdown-bar");
        bar.setId("breakdown-bar");
        bar.setMinSize(BAR_WIDTH, 10);
        bar.setPrefSize(BAR_WIDTH, 10);
        bar.setMaxSize(BAR_WIDTH, 10);
        for (int c = 0; c < segments.length; c++) {
            segments[c] = new Region();
            segments[c].setMinHeight(10);
            bar.getChildren().add(segments[c]);
        }
        text.setId("breakdown-text");
        text.getStyleClass().add("muted");
        text.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip.install(bar, tooltip);
        setDark(dark);
        getChildren().addAll(bar, text);
        analysis.addListener((o, before, now) -> show(now));
        show(analysis.get());
    }

    public void setDark(boolean dark) {
        for (int c = 0; c < segments.length; c++) {
            segments[c].setStyle("-fx-background-color: " + Theme.css(FlamePalette.categoryColor(c, dark)) + ";");
        }
    }

    /** The shares shown, python / native / system / idle, 0 to 1. */
    public double[] shares() {
        return shares.clone();
    }

    public String text() {
        return text.getText();
    }

    private void show(Analysis analysis) {
        if (analysis == null) return;
        StackCounts counts = analysis.counts();
        long all = 0;
        for (int c = 0; c < segments.length; c++) all += counts.inRange(c);
        double[] next = new double[segments.length];
        StringBuilder line = new StringBuilder();
        StringBuilder detail = new StringBuilder();
        for (int c = 0; c < segments.length; c++) {
            int n = counts.inRange(c);
            next[c] = all == 0 ? 0 : (double) n / all;
            double w = Math.round(next[c] * BAR_WIDTH);
            segments[c].setMinWidth(w);
            segments[c].setPrefWidth(w);
            segments[c].setMaxWidth(w);
            if (n > 0) line.append(line.isEmpty() ? "" : "  ·  ").append(SampleState.categoryName(c)).append(' ')
                .append(Formats.percent(next[c]));
            detail.append(SampleState.categoryName(c)).append(": ").append(Formats.count(n)).append(" samples (")
                .append(Formats.percent(next[c])).append(")\n");
        }
        shares = next;
        text.setText(all == 0 ? "no samples" : line.toString());
        tooltip.setText("Samples of the shown threads in the " + (analysis.request().selection().isTimeBounded()
            ? "selected range" : "whole recording") + ", idle ones included:\n" + detail.toString().strip());
    }
}
