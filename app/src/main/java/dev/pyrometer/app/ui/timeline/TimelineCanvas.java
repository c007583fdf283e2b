package dev.pyrometer.app.ui.timeline;

import dev.pyrometer.model.aggregate.TimeRange;
import dev.pyrometer.model.aggregate.Timeline;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;

/**
 * The timeline's drawing surface: one {@link Canvas} and a scroll bar for the lanes when there are many threads.
 * Drag to select a range (a click outside the selection clears it, a double click inside zooms to it); the wheel
 * zooms around the mouse, Shift+wheel or a right or middle drag pans, the wheel over the thread names scrolls the
 * lanes; keys: + and − zoom, ← and → pan, 0 or Home shows everything, Enter zooms to the selection, Esc clears it.
 * Repaints at most once per pulse.
 */
public final class TimelineCanvas extends Region {
    /** A press that moves less than this is a click, not a drag. */
    static final double DRAG_PIXELS = 3;
    private static final double WHEEL_ZOOM = 1.2;

    private final TimelineViewModel model;
    private final Canvas canvas = new Canvas();
    private final ScrollBar lanesBar = new ScrollBar();
    private final Runnable pulse = this::paintIfDirty;
    private TimelineRenderer renderer;
    private boolean dirty = true;
    private double pressX = Double.NaN;
    private double panX = Double.NaN;
    private double hoverX = Double.NaN;

    public TimelineCanvas(TimelineViewModel model, TimelineStyle style) {
        this.model = model;
        this.renderer = new TimelineRenderer(style);
        getStyleClass().add("timeline-canvas");
        setId("timeline-canvas");
        canvas.setId("timeline-surface");
        canvas.setFocusTraversable(true);
        lanesBar.setOrientation(Orientation.VERTICAL);
        lanesBar.setUnitIncrement(TimelineGeometry.LANE_HEIGHT);
        lanesBar.setVisible(false);
        getChildren().addAll(canvas, lanesBar);
        setMinSize(200, TimelineGeometry.AXIS_HEIGHT + TimelineGeometry.CPU_HEIGHT + TimelineGeometry.MEMORY_HEIGHT + 40);

        model.redrawProperty().addListener(o -> markDirty());
        model.dataProperty().addListener(o -> updateLanesBar());
        model.analysis().threadsProperty().addListener(o -> markDirty());
        lanesBar.valueProperty().addListener(o -> markDirty());
        sceneProperty().addListener((o, before, after) -> {
            if (before != null) before.removePreLayoutPulseListener(pulse);
            if (after != null) {
                after.addPreLayoutPulseListener(pulse);
                markDirty();
            }
        });

        canvas.setOnMousePressed(this::pressed);
        canvas.setOnMouseDragged(this::dragged);
        canvas.setOnMouseReleased(this::released);
        canvas.setOnMouseClicked(this::clicked);
        canvas.setOnMouseMoved(this::moved);
        canvas.setOnMouseExited(e -> {
            hoverX = Double.NaN;
            model.hover(null, -1, 0);
            markDirty();
        });
        canvas.setOnScroll(this::scrolled);
        canvas.setOnKeyPressed(this::key);
    }

    public Canvas canvas() { return canvas; }

    public void setStyle(TimelineStyle style) {
        renderer = new TimelineRenderer(style);
        markDirty();
    }

    /** Paints now, whatever the dirty flag says; returns the rectangles filled. */
    public int paint() {
        Timeline data = model.data();
        int drawn = renderer.draw(canvas.getGraphicsContext2D(), data, geometry(), model.shown(), model.selection(),
            model.draggingProperty().get(), model.analysis().threadsProperty().get(), hoverX);
        dirty = false;
        return drawn;
    }

    /** The geometry of the canvas now. */
    public TimelineGeometry geometry() {
        // Whole lanes only: a half lane at the top would draw over the memory track.
        double scroll = Math.floor(lanesBar.getValue() / TimelineGeometry.LANE_HEIGHT) * TimelineGeometry.LANE_HEIGHT;
        return new TimelineGeometry(canvas.getWidth(), canvas.getHeight(), lanesBar.isVisible() ? scroll : 0);
    }

    private void pressed(MouseEvent e) {
        canvas.requestFocus();
        TimelineGeometry geo = geometry();
        if (!geo.inPlot(e.getX())) return;
        if (e.getButton() == MouseButton.PRIMARY) pressX = e.getX();
        else panX = e.getX();
    }

    private void dragged(MouseEvent e) {
        TimelineGeometry geo = geometry();
        TimeRange window = model.shown();
        if (!Double.isNaN(pressX) && Math.abs(e.getX() - pressX) >= DRAG_PIXELS) {
            model.preview(geo.timeAt(pressX, window), geo.timeAt(e.getX(), window));
        } else if (!Double.isNaN(panX)) {
            double dx = e.getX() - panX;
            panX = e.getX();
            model.panBy(Math.round(-dx / Math.max(1, geo.plotWidth()) * window.durationMicros()));
        }
        hover(e);
    }

    private void released(MouseEvent e) {
        TimelineGeometry geo = geometry();
        TimeRange window = model.shown();
        if (!Double.isNaN(pressX)) {
            if (Math.abs(e.getX() - pressX) >= DRAG_PIXELS) {
                model.select(geo.timeAt(pressX, window), geo.timeAt(e.getX(), window));
            } else {
                model.endPreview();
                TimeRange selected = model.selection();
                // A click outside the selection clears it; inside, it keeps it for a double click to zoom in.
                if (selected != null && !selected.contains(geo.timeAt(e.getX(), window))) model.clearSelection();
            }
        }
        pressX = Double.NaN;
        panX = Double.NaN;
    }

    private void clicked(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || e.getClickCount() != 2 || !e.isStillSincePress()) return;
        TimelineGeometry geo = geometry();
        if (!geo.inPlot(e.getX())) return;
        TimeRange selected = model.selection();
        if (selected != null && selected.contains(geo.timeAt(e.getX(), model.shown()))) model.zoomToSelection();
        else model.resetZoom();
    }

    private void moved(MouseEvent e) {
        hover(e);
    }

    private void hover(MouseEvent e) {
        TimelineGeometry geo = geometry();
        hoverX = geo.inPlot(e.getX()) ? e.getX() : Double.NaN;
        model.hover(geo.inPlot(e.getX()) ? geo.rowAt(e.getY()) : null, geo.laneAt(e.getY()), geo.timeAt(e.getX(), model.shown()));
        markDirty();
    }

    private void scrolled(ScrollEvent e) {
        TimelineGeometry geo = geometry();
        if (!geo.inPlot(e.getX())) {
            if (lanesBar.isVisible()) {
                lanesBar.setValue(Math.clamp(lanesBar.getValue() - e.getDeltaY(), lanesBar.getMin(), lanesBar.getMax()));
            }
        } else if (e.isShiftDown() || Math.abs(e.getDeltaX()) > Math.abs(e.getDeltaY())) {
            double delta = e.getDeltaX() != 0 ? e.getDeltaX() : e.getDeltaY();
            model.panBy(Math.round(-delta / Math.max(1, geo.plotWidth()) * model.shown().durationMicros()));
        } else if (e.getDeltaY() != 0) {
            model.zoom(e.getDeltaY() > 0 ? WHEEL_ZOOM : 1 / WHEEL_ZOOM, geo.timeAt(e.getX(), model.shown()));
        }
        e.consume();
    }

    private void key(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown()) return; // the menus' accelerators (Ctrl+0, Ctrl+-) stay theirs
        switch (e.getCode()) {
            case PLUS, EQUALS, ADD -> model.zoom(1.5);
            case MINUS, SUBTRACT -> model.zoom(1 / 1.5);
            case LEFT -> model.pan(-0.2);
            case RIGHT -> model.pan(0.2);
            case HOME, DIGIT0, NUMPAD0 -> model.resetZoom();
            case ENTER -> model.zoomToSelection();
            case ESCAPE -> model.clearSelection();
            default -> {
                return;
            }
        }
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

    private void updateLanesBar() {
        Timeline data = model.data();
        int threads = data == null ? 0 : data.threads();
        double max = TimelineGeometry.maxScroll(threads, canvas.getHeight());
        lanesBar.setMax(max);
        lanesBar.setVisibleAmount(max == 0 ? 0 : canvas.getHeight() * max / (max + canvas.getHeight()));
        lanesBar.setBlockIncrement(TimelineGeometry.LANE_HEIGHT * 4);
        if (lanesBar.getValue() > max) lanesBar.setValue(max);
        boolean show = max > 0;
        if (lanesBar.isVisible() != show) {
            lanesBar.setVisible(show);
            requestLayout();
        }
        markDirty();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth(), h = getHeight();
        double bar = lanesBar.isVisible() ? lanesBar.prefWidth(-1) : 0;
        lanesBar.resizeRelocate(w - bar, new TimelineGeometry(w, h, 0).lanesTop(), bar,
            Math.max(0, h - new TimelineGeometry(w, h, 0).lanesTop()));
        double cw = Math.max(0, Math.floor(w - bar)), ch = Math.max(0, Math.floor(h));
        if (canvas.getWidth() != cw || canvas.getHeight() != ch) {
            canvas.setWidth(cw);
            canvas.setHeight(ch);
            model.widthProperty().set(Math.max(0, cw - TimelineGeometry.LABEL_WIDTH));
            updateLanesBar();
        }
        markDirty();
    }
}
