package dev.pyrometer.app.ui.timeline;

import dev.pyrometer.app.ui.common.CanvasPane;
import dev.pyrometer.model.aggregate.TimeRange;
import dev.pyrometer.model.aggregate.Timeline;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * The timeline's drawing surface: one canvas and a scroll bar for the lanes when there are many threads.
 * Drag to select a range (a click outside the selection clears it, a double click inside zooms to it); the wheel
 * zooms around the mouse, Shift+wheel or a right or middle drag pans, the wheel over the thread names scrolls the
 * lanes; keys: + and − zoom, ← and → pan, 0 or Home shows everything, Enter zooms to the selection, Esc clears it.
 * With several processes: a click on a header's arrow folds or unfolds its lanes, on its name shows only that process
 * (again: all), on a lane's name only that thread; ↑ and ↓ move the focus between headers, Space folds the focused
 * one, F shows only its process. Tooltips: over a header's name, its process and life; on a start or end marker, when.
 * Repaints at most once per pulse.
 */
public final class TimelineCanvas extends CanvasPane {
    /** A press that moves less than this is a click, not a drag. */
    static final double DRAG_PIXELS = 3;
    private static final double WHEEL_ZOOM = 1.2;
    /** The part of a header's label that folds it: its arrow. */
    static final double HEADER_ARROW_WIDTH = 17;
    /** How near a life marker the mouse must be for its tooltip. */
    private static final double MARKER_PIXELS = 5;

    private final TimelineViewModel model;
    private TimelineRenderer renderer;
    private double pressX = Double.NaN;
    private double panX = Double.NaN;
    private double hoverX = Double.NaN;
    private final Tooltip headerTip = new Tooltip();
    private boolean tipInstalled;

    public TimelineCanvas(TimelineViewModel model, TimelineStyle style) {
        super(TimelineGeometry.LANE_HEIGHT);
        this.model = model;
        this.renderer = new TimelineRenderer(style);
        getStyleClass().add("timeline-canvas");
        setId("timeline-canvas");
        Canvas canvas = canvas();
        canvas.setId("timeline-surface");
        canvas.setFocusTraversable(true);
        setMinSize(200, TimelineGeometry.AXIS_HEIGHT + TimelineGeometry.CPU_HEIGHT + TimelineGeometry.MEMORY_HEIGHT + 40);

        model.redrawProperty().addListener(o -> markDirty());
        model.memoryZoomedProperty().addListener(o -> markDirty());
        model.rowsProperty().addListener(o -> updateLanesBar());
        model.analysis().threadsProperty().addListener(o -> markDirty());
        canvas.focusedProperty().addListener(o -> markDirty());
        headerTip.setId("timeline-header-tip");
        headerTip.setShowDelay(javafx.util.Duration.millis(300));

        canvas.setOnMousePressed(this::pressed);
        canvas.setOnMouseDragged(this::dragged);
        canvas.setOnMouseReleased(this::released);
        canvas.setOnMouseClicked(this::clicked);
        canvas.setOnMouseMoved(this::moved);
        canvas.setOnMouseExited(e -> {
            hoverX = Double.NaN;
            model.hover(null, -1, 0);
            showTip(null);
            markDirty();
        });
        canvas.setOnScroll(this::scrolled);
        canvas.setOnKeyPressed(this::key);
    }

    /** The renderer drawing now (tests read its scales). */
    public TimelineRenderer renderer() {
        return renderer;
    }

    public void setStyle(TimelineStyle style) {
        renderer = new TimelineRenderer(style);
        markDirty();
    }

    @Override
    protected int draw(GraphicsContext g) {
        renderer.setMemoryZoomed(model.memoryZoomedProperty().get());
        return renderer.draw(g, model.data(), geometry(), model.shown(), model.selection(),
            model.draggingProperty().get(), model.rows(), model.analysis().threadsProperty().get(),
            canvas().isFocused() ? model.focusedProcessProperty().get() : -1, hoverX);
    }

    /** The geometry of the canvas now. */
    public TimelineGeometry geometry() {
        ScrollBar lanesBar = scrollBar();
        // Whole lanes only: a half lane at the top would draw over the memory track.
        double scroll = Math.floor(lanesBar.getValue() / TimelineGeometry.LANE_HEIGHT) * TimelineGeometry.LANE_HEIGHT;
        return new TimelineGeometry(canvas().getWidth(), canvas().getHeight(), lanesBar.isVisible() ? scroll : 0);
    }

    private void pressed(MouseEvent e) {
        canvas().requestFocus();
        TimelineGeometry geo = geometry();
        if (!geo.inPlot(e.getX())) {
            if (e.getButton() == MouseButton.PRIMARY) clickLabel(geo, e.getX(), e.getY());
            return;
        }
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

    /** A click on the label column: a header's arrow folds it, its name filters its process, a lane's its thread. */
    private void clickLabel(TimelineGeometry geo, double x, double y) {
        TimelineRows rows = model.rows();
        int row = geo.rowAt(rows, y);
        if (row < 0) return;
        if (!rows.isHeader(row)) {
            model.showOnlyThread(rows.index(row));
            return;
        }
        model.focusedProcessProperty().set(rows.index(row));
        if (x < HEADER_ARROW_WIDTH) model.toggleCollapsed(rows.index(row));
        else model.showOnlyProcess(rows.index(row));
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
        TimelineGeometry.Row kind = geo.rowAt(e.getY());
        TimelineRows rows = model.rows();
        int row = kind == TimelineGeometry.Row.LANE ? geo.rowAt(rows, e.getY()) : -1;
        int index = row < 0 ? -1 : rows.index(row);
        if (row >= 0 && rows.isHeader(row)) kind = TimelineGeometry.Row.HEADER;
        model.hover(geo.inPlot(e.getX()) ? kind : null, index, geo.timeAt(e.getX(), model.shown()));
        Timeline data = model.data();
        int process = row < 0 ? -1 : rows.process(row);
        String tip = null;
        if (data != null && process >= 0 && process < data.processes()) {
            if (!geo.inPlot(e.getX()) && rows.isHeader(row)) {
                tip = TimelineViewModel.process(data, process, -1)
                    + "\nClick the arrow to fold its lanes, the name to show only this process (Space, F)";
            } else if (geo.inPlot(e.getX())) {
                tip = markerTip(data.process(process), data.endMicros(), geo, e.getX());
            }
        }
        showTip(tip);
        markDirty();
    }

    /** Near a process's start or end marker (which run down its header and lanes): when it started or ended. */
    private String markerTip(dev.pyrometer.model.ProcessInfo info, long recordingEnd, TimelineGeometry geo, double x) {
        TimeRange window = model.shown();
        if (info.startMicros() > 0 && Math.abs(geo.xOf(info.startMicros(), window) - x) <= MARKER_PIXELS) {
            return info.pid() + " started at " + TimeLabels.at(info.startMicros());
        }
        if (info.ended()) {
            double end = Math.min(geo.xOf(info.endMicros(), window), geo.width() - 1);
            if (Math.abs(end - x) <= MARKER_PIXELS || info.endMicros() >= recordingEnd && x >= end - MARKER_PIXELS) {
                return info.pid() + " ended at " + TimeLabels.at(info.endMicros());
            }
        }
        return null;
    }


    /** The tooltip over the canvas now (a process header's, or a life marker's), or null (tests read it). */
    public String tooltipText() {
        return tipInstalled ? headerTip.getText() : null;
    }

    /** Shows a tooltip over a process header (its pid, command line, start and end); null hides it. */
    private void showTip(String text) {
        if (text == null) {
            if (tipInstalled) Tooltip.uninstall(canvas(), headerTip);
            tipInstalled = false;
            return;
        }
        headerTip.setText(text);
        if (!tipInstalled) Tooltip.install(canvas(), headerTip);
        tipInstalled = true;
    }

    private void scrolled(ScrollEvent e) {
        TimelineGeometry geo = geometry();
        if (!geo.inPlot(e.getX())) {
            scrollBy(e.getDeltaY());
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
            case UP, DOWN -> {
                if (!model.focusNextHeader(e.getCode() == javafx.scene.input.KeyCode.UP ? -1 : 1)) return;
                scrollToFocusedHeader();
            }
            case SPACE -> {
                if (!model.rows().grouped() || model.focusedProcessProperty().get() < 0) return;
                model.toggleCollapsed(model.focusedProcessProperty().get());
            }
            case F -> {
                if (!model.rows().grouped() || model.focusedProcessProperty().get() < 0) return;
                model.showOnlyProcess(model.focusedProcessProperty().get());
            }
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** Scrolls the rows so that the focused header is in view. */
    private void scrollToFocusedHeader() {
        TimelineRows rows = model.rows();
        int row = rows.headerRow(model.focusedProcessProperty().get());
        if (row < 0 || !scrollBar().isVisible()) return;
        TimelineGeometry geo = geometry();
        double top = geo.rowTop(rows, row), bottom = top + rows.height(row);
        ScrollBar bar = scrollBar();
        if (top < geo.lanesTop()) bar.setValue(Math.max(0, bar.getValue() - (geo.lanesTop() - top)));
        else if (bottom > geo.height()) bar.setValue(Math.min(bar.getMax(), bar.getValue() + bottom - geo.height()
            + TimelineGeometry.LANE_HEIGHT));
    }

    private void updateLanesBar() {
        ScrollBar lanesBar = scrollBar();
        double height = canvas().getHeight();
        double max = TimelineGeometry.maxScroll(model.rows().contentHeight(), height);
        lanesBar.setMax(max);
        lanesBar.setVisibleAmount(max == 0 ? 0 : height * max / (max + height));
        lanesBar.setBlockIncrement(TimelineGeometry.LANE_HEIGHT * 4);
        if (lanesBar.getValue() > max) lanesBar.setValue(max);
        showScrollBar(max > 0);
    }

    @Override
    protected void resized(double width, double height) {
        model.widthProperty().set(Math.max(0, width - TimelineGeometry.LABEL_WIDTH));
        updateLanesBar();
    }

    /** The lanes scroll; the axis, CPU and memory tracks above them stay put. */
    @Override
    protected double scrollBarTop(double width, double height) {
        return new TimelineGeometry(width, height, 0).lanesTop();
    }
}
