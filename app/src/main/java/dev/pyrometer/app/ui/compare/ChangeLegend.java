package dev.pyrometer.app.ui.compare;

import dev.pyrometer.app.ui.common.Controls;
import dev.pyrometer.app.ui.common.Formats;
import dev.pyrometer.model.diff.Normalization;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * The comparison's legend, always on screen: what the colours measure, the scale from "much less time" through
 * "within noise" to "much more" with the change each end stands for, the hatching of frames only one run has, the
 * palette choice, and the call paths that vanished (which the new run's shape cannot show).
 */
final class ChangeLegend extends HBox {
    private final CompareViewModel model;
    private final Label title = new Label();
    private final Label lessEnd = new Label();
    private final Label moreEnd = new Label();
    private final Rectangle[] swatches = new Rectangle[2 * ChangePalette.LEVELS];
    private final Rectangle neutral = new Rectangle(16, 12);
    private final Canvas hatch = new Canvas(22, 12);
    private final MenuButton vanished = new MenuButton();
    private boolean dark;

    ChangeLegend(CompareViewModel model, boolean dark) {
        this.model = model;
        this.dark = dark;
        getStyleClass().add("change-legend");
        setId("change-legend");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(6);

        title.getStyleClass().add("legend-title");
        title.setId("legend-title");
        lessEnd.setId("legend-less");
        moreEnd.setId("legend-more");
        lessEnd.getStyleClass().add("legend-end");
        moreEnd.getStyleClass().add("legend-end");
        HBox ramp = new HBox(1);
        ramp.setAlignment(Pos.CENTER);
        for (int i = 0; i < swatches.length; i++) {
            swatches[i] = new Rectangle(16, 12);
            swatches[i].getStyleClass().add("legend-swatch");
            ramp.getChildren().add(swatches[i]);
        }
        neutral.getStyleClass().add("legend-swatch");
        Label noise = new Label("within noise", neutral);
        noise.getStyleClass().add("muted");
        noise.setTooltip(new Tooltip("Grey: sampling alone could explain the change (under 3 standard errors)"));
        Label marked = new Label("only in one run", hatch);
        marked.getStyleClass().add("muted");
        marked.setTooltip(new Tooltip("Hatched frames are call paths only this run has: new in the new run, or in the "
            + "base run's graph, gone from the new one"));

        ChoiceBox<ChangePalette> palette = new ChoiceBox<>();
        palette.setId("compare-palette");
        palette.getItems().setAll(ChangePalette.values());
        palette.valueProperty().bindBidirectional(model.paletteProperty());
        palette.setTooltip(new Tooltip("Colours of the change scale; orange / blue reads the same with any common colour vision deficiency"));

        vanished.setId("compare-vanished");
        vanished.setMnemonicParsing(false);
        vanished.setTooltip(new Tooltip("Call paths of the base run that the new run does not have: pick one to see it in the base run's graph"));
        model.vanished().addListener((ListChangeListener<VanishedPath>) c -> fillVanished());

        getChildren().addAll(title, Controls.gap(4), lessEnd, ramp, moreEnd, Controls.gap(12), noise, Controls.gap(10), marked,
            Controls.spacer(), vanished, Controls.gap(6), palette);
        for (var input : new javafx.beans.Observable[] {model.levelsProperty(), model.paletteProperty(), model.measureProperty(),
            model.normalizationProperty()}) {
            input.addListener(o -> refresh());
        }
        fillVanished();
        refresh();
    }

    void setDark(boolean dark) {
        this.dark = dark;
        refresh();
    }

    private void refresh() {
        ChangePalette colours = model.paletteProperty().get();
        Normalization n = model.normalizationProperty().get();
        boolean self = model.measureProperty().get() == ChangeMeasure.SELF;
        title.setText("Change in " + (self ? "self" : "total") + (n == Normalization.SHARE ? " share" : " time per second"));
        ChangeLevels levels = model.levelsProperty().get();
        neutral.setFill(colours.neutral(dark));
        for (int i = 0; i < swatches.length; i++) {
            // Less time on the left, strongest first; more time on the right, strongest last.
            int level = i < ChangePalette.LEVELS ? i - ChangePalette.LEVELS : i - ChangePalette.LEVELS + 1;
            swatches[i].setFill(colours.color(level, dark));
            if (levels != null && levels.scale() > 0) {
                Tooltip.install(swatches[i], new Tooltip((level > 0 ? "More time, up to " : "Less time, up to ")
                    + ChangeText.delta(Math.signum(level) * levels.upperBound(level), n)));
            }
        }
        if (levels == null || levels.scale() == 0) {
            lessEnd.setText("less");
            moreEnd.setText(levels == null ? "more" : "more    no change beyond noise");
        } else {
            lessEnd.setText("less  " + ChangeText.delta(-levels.scale(), n));
            moreEnd.setText(ChangeText.delta(levels.scale(), n) + "  more");
        }
        GraphicsContext g = hatch.getGraphicsContext2D();
        g.clearRect(0, 0, hatch.getWidth(), hatch.getHeight());
        g.setFill(colours.neutral(dark));
        g.fillRect(0, 0, hatch.getWidth(), hatch.getHeight());
        g.setStroke(dark ? Color.web("#f2f3f5", 0.55) : Color.web("#1c1e21", 0.45));
        g.setLineWidth(1.5);
        for (double x = -hatch.getHeight(); x < hatch.getWidth(); x += 6) g.strokeLine(x, hatch.getHeight(), x + hatch.getHeight(), 0);
    }

    private void fillVanished() {
        vanished.getItems().clear();
        Normalization n = model.normalizationProperty().get();
        for (VanishedPath path : model.vanished()) {
            MenuItem item = Controls.item(path.label() + "   " + ChangeText.value(path.baseValue(), n) + " of base"
                + (path.caller().isEmpty() ? "" : "   from " + path.caller()), () -> model.reveal(path));
            vanished.getItems().add(item);
        }
        int count = model.vanished().size();
        vanished.setText(count == 0 ? "Nothing vanished" : Formats.count(count, "call path") + " vanished");
        vanished.setDisable(count == 0);
    }
}
