package dev.pyrometer.app.ui.flame;

import dev.pyrometer.model.aggregate.TimeOrder;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;

/**
 * The flame chart's drawing surface: one {@link Canvas} and a vertical scroll bar for deep stacks; repaints at most
 * once per pulse. A click selects a frame, a double click selects its time on the timeline.
 */
public final class TimeOrderCanvas extends Region {
    private final TimeOrderViewModel model;
    private final Canvas canvas = new Canvas();
    private final ScrollBar scrollBar = new ScrollBar();
    private final Runnable pulse = this::paintIfDirty;
    private TimeOrderRenderer renderer;
    private boolean dirty = true;

    public TimeOrderCanvas(TimeOrderViewModel model, FlameStyle style) {
        this.model = model;
        this.renderer = new TimeOrderRenderer(style);
        getStyleClass().add("time-order-canvas");
        setId("time-order-canvas");
        scrollBar.setOrientation(Orientation.VERTICAL);
        scrollBar.setUnitIncrement(FlameStyle.ROW_HEIGHT);
        scrollBar.setVisible(false);
        getChildren().addAll(canvas, scrollBar);
        setMinSize(100, 60);

        model.redrawProperty().addListener(o -> markDirty());
        model.sceneProperty().addListener(o -> updateScrollRange());
        scrollBar.valueProperty().addListener(o -> markDirty());
        sceneProperty().addListener((o, before, after) -> {
            if (before != null) before.removePreLayoutPulseListener(pulse);
            if (after != null) {
                after.addPreLayoutPulseListener(pulse);
                markDirty();
            }
        });
        canvas.setOnMouseMoved(e -> model.hover(rectAt(e)));
        canvas.setOnMouseExited(e -> model.hover(-1));
        canvas.setOnMouseClicked(this::clicked);
        canvas.setOnScroll(e -> {
            if (!scrollBar.isVisible()) return;
            scrollBar.setValue(Math.clamp(scrollBar.getValue() - e.getDeltaY(), scrollBar.getMin(), scrollBar.getMax()));
            e.consume();
        });
    }

    public Canvas canvas() { return canvas; }

    public void setStyle(FlameStyle style) {
        renderer = new TimeOrderRenderer(style);
        markDirty();
    }

    public int paint() {
        int drawn = renderer.draw(canvas.getGraphicsContext2D(), model.scene(), geometry(), model.hoveredProperty().get());
        dirty = false;
        return drawn;
    }

    public TimeOrderRenderer.Geometry geometry() {
        return new TimeOrderRenderer.Geometry(canvas.getWidth(), canvas.getHeight(), scrollBar.isVisible() ? scrollBar.getValue() : 0);
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

    private void markDirty() {
        if (dirty) return;
        dirty = true;
        Scene scene = getScene();
        if (scene != null) Platform.requestNextPulse();
    }

    private void paintIfDirty() {
        if (dirty && canvas.getWidth() > 0 && canvas.getHeight() > 0) paint();
    }

    private void updateScrollRange() {
        TimeOrderScene scene = model.scene();
        TimeOrder chart = scene == null ? null : scene.chart();
        double max = chart == null ? 0 : TimeOrderRenderer.Geometry.maxScroll(chart, canvas.getHeight());
        scrollBar.setMax(max);
        scrollBar.setVisibleAmount(max == 0 ? 0 : canvas.getHeight() * max / Math.max(1, chart.depthCount() * FlameStyle.ROW_HEIGHT));
        scrollBar.setBlockIncrement(Math.max(FlameStyle.ROW_HEIGHT, canvas.getHeight() * 0.8));
        if (scrollBar.getValue() > max) scrollBar.setValue(max);
        boolean show = max > 0;
        if (scrollBar.isVisible() != show) {
            scrollBar.setVisible(show);
            requestLayout();
        }
        markDirty();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth(), h = getHeight();
        double bar = scrollBar.isVisible() ? scrollBar.prefWidth(-1) : 0;
        scrollBar.resizeRelocate(w - bar, 0, bar, h);
        double cw = Math.max(0, Math.floor(w - bar)), ch = Math.max(0, Math.floor(h));
        if (canvas.getWidth() != cw || canvas.getHeight() != ch) {
            canvas.setWidth(cw);
            canvas.setHeight(ch);
            model.widthProperty().set(cw);
            updateScrollRange();
        }
        markDirty();
    }
}
