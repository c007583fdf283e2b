package dev.pyrometer.app.ui.flame;

import dev.pyrometer.model.aggregate.FlameLayout;
import javafx.application.Platform;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * The whole flame graph in miniature beside the graph, for stacks deeper than the window: every level squeezed into
 * the minimap's height, search matches lit, and the part on screen marked. A click or a drag moves the graph there.
 * Two canvases: the picture, redrawn when the scene changes, and the mark, redrawn as the graph scrolls.
 */
public final class FlameMinimap extends Region {
    public static final double WIDTH = 112;

    private final FlameGraphViewModel model;
    private final Canvas picture = new Canvas();
    private final Canvas mark = new Canvas();
    private FlameStyle style;
    private FlameScene drawnScene;
    private boolean drawnIcicle;
    private boolean dirty = true;

    public FlameMinimap(FlameGraphViewModel model, FlameStyle style) {
        this.model = model;
        this.style = style;
        getStyleClass().add("flame-minimap");
        setId("flame-minimap");
        setMinWidth(WIDTH);
        setPrefWidth(WIDTH);
        setMaxWidth(WIDTH);
        mark.setMouseTransparent(true);
        getChildren().addAll(picture, mark);
        model.redrawProperty().addListener(o -> requestPaint());
        model.scrollProperty().addListener(o -> requestPaint());
        picture.setOnMousePressed(this::moveTo);
        picture.setOnMouseDragged(this::moveTo);
    }

    public void setStyle(FlameStyle style) {
        this.style = style;
        drawnScene = null;
        requestPaint();
    }

    /** The graph's depth a point of the minimap stands for. */
    public double depthAt(double y) {
        FlameScene scene = model.scene();
        if (scene == null) return 0;
        double row = rowHeight(scene);
        double fromRoot = model.icicleProperty().get() ? y : getHeight() - y;
        return fromRoot / row - 0.5;
    }

    /** The minimap's y of the middle of a depth's row. */
    public double yOf(double depth) {
        FlameScene scene = model.scene();
        if (scene == null) return 0;
        double fromRoot = (depth + 0.5) * rowHeight(scene);
        return model.icicleProperty().get() ? fromRoot : getHeight() - fromRoot;
    }

    private void moveTo(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) return;
        model.centreOn(depthAt(e.getY()));
        e.consume();
    }

    private double rowHeight(FlameScene scene) {
        return getHeight() / Math.max(1, scene.layout().depthCount());
    }

    private void requestPaint() {
        if (dirty) return;
        dirty = true;
        Platform.runLater(this::paint);
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth()), h = Math.floor(getHeight());
        if (picture.getWidth() != w || picture.getHeight() != h) {
            picture.setWidth(w);
            picture.setHeight(h);
            mark.setWidth(w);
            mark.setHeight(h);
            drawnScene = null;
        }
        paint();
    }

    private void paint() {
        dirty = false;
        if (!isVisible() || picture.getWidth() <= 0 || picture.getHeight() <= 0) return;
        FlameScene scene = model.scene();
        boolean icicle = model.icicleProperty().get();
        if (scene != drawnScene || icicle != drawnIcicle) {
            drawPicture(scene, icicle);
            drawnScene = scene;
            drawnIcicle = icicle;
        }
        drawMark(scene, icicle);
    }

    private void drawPicture(FlameScene scene, boolean icicle) {
        GraphicsContext g = picture.getGraphicsContext2D();
        double w = picture.getWidth(), h = picture.getHeight();
        g.setFill(style.background);
        g.fillRect(0, 0, w, h);
        if (scene == null) return;
        FlameLayout layout = scene.layout();
        Color[] palette = scene.colorMode() == ColorMode.CHANGE && scene.annotations() != null
            ? scene.annotations().palette(style.dark) : style.palette(scene.colorMode());
        double row = h / Math.max(1, layout.depthCount());
        double drawnRow = Math.max(1, row - (row >= 4 ? 1 : 0));
        for (int i = 0; i < layout.size(); i++) {
            double left = layout.x(i) * w;
            double width = layout.width(i) * w;
            if (width < 0.4) continue;
            int depth = layout.depth(i);
            double y = icicle ? depth * row : h - (depth + 1) * row;
            g.setFill(scene.isMatch(i) ? style.highlight : palette[scene.colors()[i]]);
            g.fillRect(left, y, Math.max(0.6, width - (width >= 3 ? 0.5 : 0)), drawnRow);
        }
    }

    /** The window's part of the graph: the rows on screen, and the zoomed frame's width. */
    private void drawMark(FlameScene scene, boolean icicle) {
        GraphicsContext g = mark.getGraphicsContext2D();
        double w = mark.getWidth(), h = mark.getHeight();
        g.clearRect(0, 0, w, h);
        if (scene == null) return;
        double graphRow = model.rowHeightProperty().get();
        double viewport = model.heightProperty().get();
        double row = h / Math.max(1, scene.layout().depthCount());
        double from = model.scrollProperty().get() / graphRow * row;
        double to = Math.min(h, (model.scrollProperty().get() + viewport) / graphRow * row);
        double top = icicle ? from : h - to;
        double bottom = icicle ? to : h - from;
        double left = scene.zoomX() * w, right = (scene.zoomX() + scene.zoomWidth()) * w;
        // Everything off screen fades, so the part on screen stands out whatever its colours.
        g.setFill(style.background.deriveColor(0, 1, 1, 0.62));
        g.fillRect(0, 0, w, top);
        g.fillRect(0, bottom, w, h - bottom);
        g.setStroke(style.hoverOutline);
        g.setLineWidth(1.5);
        g.strokeRect(Math.max(0.75, left + 0.75), top + 0.75, Math.max(2, right - left - 1.5), Math.max(2, bottom - top - 1.5));
    }

    /** The top and bottom of the mark, in the minimap's pixels (for tests and tools). */
    public double[] markedRange() {
        FlameScene scene = model.scene();
        if (scene == null) return new double[] {0, 0};
        double h = getHeight();
        double row = h / Math.max(1, scene.layout().depthCount());
        double graphRow = model.rowHeightProperty().get();
        double from = model.scrollProperty().get() / graphRow * row;
        double to = Math.min(h, (model.scrollProperty().get() + model.heightProperty().get()) / graphRow * row);
        return model.icicleProperty().get() ? new double[] {from, to} : new double[] {h - to, h - from};
    }
}
