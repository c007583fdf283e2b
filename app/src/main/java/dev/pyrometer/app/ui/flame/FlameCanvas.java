package dev.pyrometer.app.ui.flame;

import dev.pyrometer.app.ui.common.CanvasPane;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/**
 * The flame graph drawing surface: one canvas the size of the view (never a node per frame) and a vertical scroll
 * bar for deep stacks; repaints at most once per pulse. The scroll and the row height live in the view model (rows
 * fit the window, the graph opens scrolled to its hottest frame); the scroll bar and the wheel only ask it to move.
 */
public final class FlameCanvas extends CanvasPane {
    private final FlameGraphViewModel model;
    private FlameRenderer renderer;
    private FlameScene paintedScene;
    private boolean syncing;

    public FlameCanvas(FlameGraphViewModel model, FlameStyle style) {
        super(FlameGeometry.MAX_ROW);
        this.model = model;
        this.renderer = new FlameRenderer(style);
        getStyleClass().add("flame-canvas");
        setId("flame-canvas");
        setMinSize(100, 60);

        model.redrawProperty().addListener(o -> markDirty());
        model.maxScrollProperty().addListener(o -> syncScrollBar());
        model.scrollProperty().addListener(o -> syncScrollBar());
        model.rowHeightProperty().addListener(o -> syncScrollBar());
        model.icicleProperty().addListener(o -> syncScrollBar());
        scrollBar().valueProperty().addListener((o, before, value) -> {
            if (syncing) return;
            double max = scrollBar().getMax();
            // The scroll bar reads top to bottom; in a flame graph the root is at the bottom, so its value is inverted.
            model.scrollTo(model.icicleProperty().get() ? value.doubleValue() : max - value.doubleValue());
        });

        canvas().setOnMouseMoved(e -> model.hover(nodeAt(e)));
        canvas().setOnMouseExited(e -> model.hover(-1));
        canvas().setOnMouseClicked(this::clicked);
        scrollOnWheel();
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

    @Override
    protected int draw(GraphicsContext g) {
        int drawn = renderer.draw(g, model.scene(), geometry(), model.hoveredProperty().get());
        paintedScene = model.scene();
        return drawn;
    }

    /** The scene the canvas shows now (last painted), or null. */
    public FlameScene paintedScene() {
        return paintedScene;
    }

    /** How the scene maps to the canvas now: size, row height, orientation and scroll. */
    public FlameGeometry geometry() {
        return new FlameGeometry(canvas().getWidth(), canvas().getHeight(), model.rowHeightProperty().get(),
            model.icicleProperty().get(), model.scrollProperty().get());
    }

    private void clicked(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress()) return;
        int node = nodeAt(e);
        if (node >= 0) model.click(node);
    }

    @Override
    protected void resized(double width, double height) {
        model.widthProperty().set(width);
        model.heightProperty().set(height);
    }

    private void syncScrollBar() {
        ScrollBar scrollBar = scrollBar();
        double max = model.maxScrollProperty().get();
        double scroll = model.scrollProperty().get();
        double height = canvas().getHeight();
        syncing = true;
        try {
            scrollBar.setMax(max);
            scrollBar.setVisibleAmount(max == 0 ? 0 : height * max / Math.max(1, height + max));
            scrollBar.setUnitIncrement(model.rowHeightProperty().get());
            scrollBar.setBlockIncrement(Math.max(model.rowHeightProperty().get(), height * 0.8));
            scrollBar.setValue(model.icicleProperty().get() ? scroll : max - scroll);
        } finally {
            syncing = false;
        }
        showScrollBar(max > 0);
    }
}
