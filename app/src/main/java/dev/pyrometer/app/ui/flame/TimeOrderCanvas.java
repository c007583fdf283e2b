package dev.pyrometer.app.ui.flame;

import dev.pyrometer.app.ui.common.CanvasPane;
import dev.pyrometer.model.aggregate.TimeOrder;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/**
 * The flame chart's drawing surface: one canvas and a vertical scroll bar for deep stacks; repaints at most once per
 * pulse. A click selects a frame, a double click selects its time on the timeline.
 */
public final class TimeOrderCanvas extends CanvasPane {
    private final TimeOrderViewModel model;
    private TimeOrderRenderer renderer;

    public TimeOrderCanvas(TimeOrderViewModel model, FlameStyle style) {
        super(FlameStyle.ROW_HEIGHT);
        this.model = model;
        this.renderer = new TimeOrderRenderer(style);
        getStyleClass().add("time-order-canvas");
        setId("time-order-canvas");
        setMinSize(100, 60);

        model.redrawProperty().addListener(o -> markDirty());
        model.sceneProperty().addListener(o -> updateScrollRange());
        canvas().setOnMouseMoved(e -> model.hover(rectAt(e)));
        canvas().setOnMouseExited(e -> model.hover(-1));
        canvas().setOnMouseClicked(this::clicked);
        scrollOnWheel();
    }

    public void setStyle(FlameStyle style) {
        renderer = new TimeOrderRenderer(style);
        markDirty();
    }

    @Override
    protected int draw(GraphicsContext g) {
        return renderer.draw(g, model.scene(), geometry(), model.hoveredProperty().get());
    }

    public TimeOrderRenderer.Geometry geometry() {
        ScrollBar scrollBar = scrollBar();
        return new TimeOrderRenderer.Geometry(canvas().getWidth(), canvas().getHeight(), scrollBar.isVisible() ? scrollBar.getValue() : 0);
    }

    /** The rectangle under a mouse event, or -1. */
    public int rectAt(MouseEvent e) {
        TimeOrderScene scene = model.scene();
        return scene == null ? -1 : geometry().rectAt(scene.chart(), e.getX(), e.getY());
    }

    private void clicked(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress()) return;
        int rect = rectAt(e);
        if (rect < 0) return;
        if (e.getClickCount() == 2) model.selectTimeOf(rect);
        else model.click(rect);
    }

    @Override
    protected void resized(double width, double height) {
        model.widthProperty().set(width);
        updateScrollRange();
    }

    private void updateScrollRange() {
        ScrollBar scrollBar = scrollBar();
        double height = canvas().getHeight();
        TimeOrderScene scene = model.scene();
        TimeOrder chart = scene == null ? null : scene.chart();
        double max = chart == null ? 0 : TimeOrderRenderer.Geometry.maxScroll(chart, height);
        scrollBar.setMax(max);
        scrollBar.setVisibleAmount(max == 0 ? 0 : height * max / Math.max(1, chart.depthCount() * FlameStyle.ROW_HEIGHT));
        scrollBar.setBlockIncrement(Math.max(FlameStyle.ROW_HEIGHT, height * 0.8));
        if (scrollBar.getValue() > max) scrollBar.setValue(max);
        showScrollBar(max > 0);
    }
}
