package dev.pyrometer.app.ui.flame;

import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;

/**
 * The flame graph drawing surface: one {@link Canvas} the size of the view (never a node per frame) and a vertical
 * scroll bar for deep stacks. It repaints at most once per pulse: changes only mark it dirty, and a pre-layout pulse
 * listener paints when something is marked.
 */
public final class FlameCanvas extends Region {
    private final FlameGraphViewModel model;
    private final Canvas canvas = new Canvas();
    private final ScrollBar scrollBar = new ScrollBar();
    private FlameRenderer renderer;
    private boolean dirty = true;
    private final Runnable pulse = this::paintIfDirty;
    private FlameScene paintedScene;

    public FlameCanvas(FlameGraphViewModel model, FlameStyle style) {
        this.model = model;
        this.renderer = new FlameRenderer(style);
        getStyleClass().add("flame-canvas");
        setId("flame-canvas");
        scrollBar.setOrientation(Orientation.VERTICAL);
        scrollBar.setUnitIncrement(FlameStyle.ROW_HEIGHT);
        getChildren().addAll(canvas, scrollBar);
        setMinSize(100, 60);

        model.redrawProperty().addListener(o -> markDirty());
        model.sceneProperty().addListener(o -> updateScrollRange());
        model.icicleProperty().addListener(o -> updateScrollRange());
        scrollBar.valueProperty().addListener(o -> markDirty());
        sceneProperty().addListener((o, before, after) -> {
            if (before != null) before.removePreLayoutPulseListener(pulse);
            if (after != null) {
                after.addPreLayoutPulseListener(pulse);
                markDirty();
            }
        });

        canvas.setOnMouseMoved(e -> model.hover(nodeAt(e)));
        canvas.setOnMouseExited(e -> model.hover(-1));
        canvas.setOnMouseClicked(this::clicked);
        canvas.setOnScroll(this::scrolled);
    }

    /** Switches colours for a theme. */
    public void setStyle(FlameStyle style) {
        renderer = new FlameRenderer(style);
        markDirty();
    }

    /** The layout node under a mouse event, or -1. */
    public int nodeAt(MouseEvent e) {
        FlameScene scene = model.scene();
        return scene == null ? -1 : geometry().nodeAt(scene, e.getX(), e.getY());
    }

    /** Paints now, whatever the dirty flag says; returns the rectangles drawn. */
    public int paint() {
        int drawn = renderer.draw(canvas.getGraphicsContext2D(), model.scene(), geometry(), model.hoveredProperty().get());
        paintedScene = model.scene();
        dirty = false;
        return drawn;
    }

    /** The scene the canvas shows now (last painted), or null. */
    public FlameScene paintedScene() {
        return paintedScene;
    }

    public Canvas canvas() {
        return canvas;
    }

    FlameGeometry geometry() {
        double max = scrollBar.getMax();
        // The scroll bar reads top to bottom; in a flame graph the root is at the bottom, so its value is inverted.
        double scroll = model.icicleProperty().get() ? scrollBar.getValue() : max - scrollBar.getValue();
        return new FlameGeometry(canvas.getWidth(), canvas.getHeight(), FlameStyle.ROW_HEIGHT, model.icicleProperty().get(), scroll);
    }

    private void clicked(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress()) return;
        int node = nodeAt(e);
        if (node >= 0) model.click(node);
    }

    private void scrolled(ScrollEvent e) {
        if (!scrollBar.isVisible()) return;
        double value = scrollBar.getValue() - e.getDeltaY();
        scrollBar.setValue(Math.max(scrollBar.getMin(), Math.min(scrollBar.getMax(), value)));
        e.consume();
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
        FlameScene scene = model.scene();
        double max = scene == null ? 0 : FlameGeometry.maxScroll(scene.layout(), canvas.getHeight(), FlameStyle.ROW_HEIGHT);
        boolean atRootEnd = model.icicleProperty().get() ? scrollBar.getValue() <= 0 : scrollBar.getValue() >= scrollBar.getMax();
        scrollBar.setMax(max);
        scrollBar.setVisibleAmount(max == 0 ? 0 : canvas.getHeight() * max / Math.max(1, scene.layout().depthCount() * FlameStyle.ROW_HEIGHT));
        scrollBar.setBlockIncrement(Math.max(FlameStyle.ROW_HEIGHT, canvas.getHeight() * 0.8));
        // Keep the root in view while a live graph grows deeper, unless the user scrolled away from it.
        if (atRootEnd) scrollBar.setValue(model.icicleProperty().get() ? 0 : max);
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
        double cw = Math.max(0, Math.floor(w - bar));
        double ch = Math.max(0, Math.floor(h));
        if (canvas.getWidth() != cw || canvas.getHeight() != ch) {
            canvas.setWidth(cw);
            canvas.setHeight(ch);
            model.widthProperty().set(cw);
            updateScrollRange();
        }
        markDirty();
    }
}
