package dev.pyrometer.app.ui.flame;

import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;

/**
 * A flame graph canvas with its hover card and right-click menu, and nothing around it: for views that show a
 * graph of their own (the sandwich's halves) without the flame graph pane's header and breadcrumb.
 */
public final class FlameSurface extends StackPane {
    private final FlameCanvas canvas;
    private final FlameTooltip tooltip;
    private final FlameContextMenu menu;

    public FlameSurface(FlameGraphViewModel model, boolean dark) {
        canvas = new FlameCanvas(model, dark ? FlameStyle.dark() : FlameStyle.light());
        tooltip = new FlameTooltip(dark);
        menu = new FlameContextMenu(model, canvas);
        Pane overlay = new Pane(tooltip);
        overlay.setMouseTransparent(true);
        getChildren().addAll(canvas, overlay);
        getStyleClass().add("flame-surface");
        HoverCardPlacement placement = new HoverCardPlacement(tooltip, overlay, canvas.canvas());
        model.hoverInfoProperty().addListener((o, before, info) -> {
            tooltip.show(info);
            placement.place();
        });
    }

    public FlameCanvas canvas() {
        return canvas;
    }

    public FlameContextMenu menu() {
        return menu;
    }

    public void setDark(boolean dark) {
        canvas.setStyle(dark ? FlameStyle.dark() : FlameStyle.light());
        tooltip.setColors(dark);
    }
}
