package dev.pyrometer.app.ui.flame;

import dev.pyrometer.app.ui.common.CanvasPane;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/**
 * The flame graph drawing surface: one canvas the size of the view (never a node per frame) and a vertical scroll
 * bar for deep stacks; repaints at most once per pulse.
 */
public final class FlameCanvas extends CanvasPane {
    private final FlameGraphViewModel model;
    private FlameRenderer renderer;
    private FlameScene paintedScene;

    public FlameCanvas(FlameGraphViewModel model, FlameStyle style) {
        super(FlameStyle.ROW_HEIGHT);
        this.model = model;
        this.renderer = new FlameRenderer(style);
        getStyleClass().add("flame-canvas");
        setId("flame-canvas");
        setMinSize(100, 60);

        model.redrawProperty().addListener(o -> markDirty());
        model.sceneProperty().addListener(o -> updateScrollRange());
        model.icicleProperty().addListener(o -> updateScrollRange());

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

    FlameGeometry geometry() {
        ScrollBar scrollBar = scrollBar();
        double max = scrollBar.getMax();
        // The scroll bar reads top to bottom; in a flame graph the root is at the bottom, so its value is inverted.
        double scroll = model.icicleProperty().get() ? scrollBar.getValue() : max - scrollBar.getValue();
        return new FlameGeometry(canvas().getWidth(), canvas().getHeight(), FlameStyle.ROW_HEIGHT, model.icicleProperty().get(), scroll);
    }

    private void clicked(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress()) return;
        int node = nodeAt(e);
        if (node >= 0) model.click(node);
    }

    @Override
    protected void resized(double width, double height) {
        model.widthProperty().set(width);
        updateScrollRange();
    }

    private void updateScrollRange() {
        ScrollBar scrollBar = scrollBar();
        double height = canvas().getHeight();
        FlameScene scene = model.scene();
        double max = scene == null ? 0 : FlameGeometry.maxScroll(scene.layout(), height, FlameStyle.ROW_HEIGHT);
        boolean atRootEnd = model.icicleProperty().get() ? scrollBar.getValue() <= 0 : scrollBar.getValue() >= scrollBar.getMax();
        scrollBar.setMax(max);
        scrollBar.setVisibleAmount(max == 0 ? 0 : height * max / Math.max(1, scene.layout().depthCount() * FlameStyle.ROW_HEIGHT));
        scrollBar.setBlockIncrement(Math.max(FlameStyle.ROW_HEIGHT, height * 0.8));
        // Keep the root in view while a live graph grows deeper, unless the user scrolled away from it.
        if (atRootEnd) scrollBar.setValue(model.icicleProperty().get() ? 0 : max);
        showScrollBar(max > 0);
    }
}
