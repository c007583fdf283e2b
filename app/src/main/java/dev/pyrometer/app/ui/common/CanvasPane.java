package dev.pyrometer.app.ui.common;

import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.layout.Region;

/**
 * A view that paints itself: one {@link Canvas} the size of the region (never a node per thing drawn) and a vertical
 * scroll bar, shown only while the content is taller than the canvas. It repaints at most once per pulse: changes
 * only mark it dirty, and a pre-layout pulse listener paints when something is marked. The flame graph, the flame
 * chart and the timeline are drawn on one each.
 */
public abstract class CanvasPane extends Region {
    private final Canvas canvas = new Canvas();
    private final ScrollBar scrollBar = new ScrollBar();
    private final Runnable pulse = this::paintIfDirty;
    private boolean dirty = true;

    /** @param unitIncrement how far an arrow of the scroll bar scrolls: a row of what is drawn */
    protected CanvasPane(double unitIncrement) {
        scrollBar.setOrientation(Orientation.VERTICAL);
        scrollBar.setUnitIncrement(unitIncrement);
        scrollBar.setVisible(false);
        getChildren().addAll(canvas, scrollBar);
        scrollBar.valueProperty().addListener(o -> markDirty());
        sceneProperty().addListener((o, before, after) -> {
            if (before != null) before.removePreLayoutPulseListener(pulse);
            if (after != null) {
                after.addPreLayoutPulseListener(pulse);
                markDirty();
            }
        });
    }

    public final Canvas canvas() {
        return canvas;
    }

    /** Paints now, whatever the dirty flag says; returns the rectangles drawn (for benchmarks). */
    public final int paint() {
        int drawn = draw(canvas.getGraphicsContext2D());
        dirty = false;
        return drawn;
    }

    /** Draws everything on the canvas; returns the rectangles drawn. */
    protected abstract int draw(GraphicsContext g);

    /** The canvas took a new size, in whole pixels: tell the model, and fit the scroll range to it. */
    protected abstract void resized(double width, double height);

    /** Where the scroll bar's top edge is: 0, unless the top of the drawing stays put while the rest scrolls. */
    protected double scrollBarTop(double width, double height) {
        return 0;
    }

    protected final ScrollBar scrollBar() {
        return scrollBar;
    }

    /** Asks for a repaint in the next pulse. */
    protected final void markDirty() {
        if (dirty) return;
        dirty = true;
        if (getScene() != null) Platform.requestNextPulse();
    }

    /** Shows the scroll bar while there is something to scroll (its range set already), and repaints. */
    protected final void showScrollBar(boolean show) {
        if (scrollBar.isVisible() != show) {
            scrollBar.setVisible(show);
            requestLayout();
        }
        markDirty();
    }

    /** Scrolls by a mouse wheel's vertical delta, when the scroll bar is shown. */
    protected final void scrollBy(double deltaY) {
        if (!scrollBar.isVisible()) return;
        scrollBar.setValue(Math.clamp(scrollBar.getValue() - deltaY, scrollBar.getMin(), scrollBar.getMax()));
    }

    /** The mouse wheel over the canvas scrolls it while the scroll bar is shown (and is left to others otherwise). */
    protected final void scrollOnWheel() {
        canvas.setOnScroll(e -> {
            if (!scrollBar.isVisible()) return;
            scrollBy(e.getDeltaY());
            e.consume();
        });
    }

    private void paintIfDirty() {
        if (dirty && canvas.getWidth() > 0 && canvas.getHeight() > 0) paint();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth(), h = getHeight();
        double bar = scrollBar.isVisible() ? scrollBar.prefWidth(-1) : 0;
        double top = scrollBarTop(w, h);
        scrollBar.resizeRelocate(w - bar, top, bar, Math.max(0, h - top));
        double cw = Math.max(0, Math.floor(w - bar)), ch = Math.max(0, Math.floor(h));
        if (canvas.getWidth() != cw || canvas.getHeight() != ch) {
            canvas.setWidth(cw);
            canvas.setHeight(ch);
            resized(cw, ch);
        }
        markDirty();
    }
}
