package dev.pyrometer.app.ui.flame;

import dev.pyrometer.model.aggregate.FlameLayout;

/**
 * Maps a {@link FlameScene} to canvas pixels and back: x through the zoom range, depth to rows, root at the bottom
 * (flame) or the top (icicle). Pure arithmetic, shared by drawing and hit-testing so they never disagree.
 *
 * @param scroll pixels scrolled away from the root's edge (0: the root row touches the bottom, or the top)
 */
public record FlameGeometry(double width, double height, double rowHeight, boolean icicle, double scroll) {
    /** Rows are this tall while the graph fits the window at that height... */
    public static final double MAX_ROW = 20;
    /** ...and shrink down to this, still readable, before the graph scrolls. */
    public static final double MIN_ROW = 15;

    /** The row height that fits {@code depths} levels into {@code height} pixels, between the two limits. */
    public static double fitRow(int depths, double height) {
        if (depths <= 0 || height <= 0) return MAX_ROW;
        return Math.clamp(Math.floor(height / depths), MIN_ROW, MAX_ROW);
    }

    /** The scroll (pixels from the root's edge) that puts a depth's row {@code rowsFromFarEdge} rows from the far edge. */
    public static double scrollShowing(int depth, double rowHeight, double height, double rowsFromFarEdge) {
        return (depth + 1 + rowsFromFarEdge) * rowHeight - height;
    }

    /** The scroll that centres a depth's row. */
    public static double scrollCentring(int depth, double rowHeight, double height) {
        return (depth + 0.5) * rowHeight - height / 2;
    }

    /** Whether a depth's whole row is on the canvas at a scroll. */
    public static boolean rowVisible(int depth, double rowHeight, double height, double scroll) {
        return depth * rowHeight >= scroll - 1e-9 && (depth + 1) * rowHeight <= scroll + height + 1e-9;
    }

    /** The top edge of a depth's row. */
    public double rowTop(int depth) {
        return icicle ? depth * rowHeight - scroll : height - (depth + 1) * rowHeight + scroll;
    }

    /** The depth under a y coordinate (may be out of the layout's range). */
    public int depthAt(double y) {
        double fromRoot = icicle ? y + scroll : height + scroll - y;
        return (int) Math.floor(fromRoot / rowHeight);
    }

    /** The shallowest and deepest depth with a row at least partly on the canvas. */
    public int firstVisibleDepth() {
        return Math.max(0, icicle ? depthAt(0) : depthAt(height - 1e-9));
    }

    public int lastVisibleDepth() {
        return icicle ? depthAt(height - 1e-9) : depthAt(1e-9);
    }

    /** Pixels per unit of layout x at this zoom. */
    public double scale(FlameScene scene) {
        return width / scene.zoomWidth();
    }

    /** The layout node under a point, or -1. */
    public int nodeAt(FlameScene scene, double px, double py) {
        if (px < 0 || px >= width || py < 0 || py >= height) return -1;
        FlameLayout layout = scene.layout();
        int depth = depthAt(py);
        if (depth < 0 || depth >= layout.depthCount()) return -1;
        double x = scene.zoomX() + px / width * scene.zoomWidth();
        return layout.nodeAt(x, depth);
    }

    /** The scroll that keeps the root in view at most: content taller than the canvas scrolls, shorter does not. */
    public static double maxScroll(FlameLayout layout, double height, double rowHeight) {
        return Math.max(0, layout.depthCount() * rowHeight - height);
    }
}
