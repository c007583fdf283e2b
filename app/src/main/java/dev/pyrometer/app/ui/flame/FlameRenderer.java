package dev.pyrometer.app.ui.flame;

import dev.pyrometer.model.aggregate.FlameLayout;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * Draws a {@link FlameScene} on a canvas: one rectangle per visible layout node, labels where they fit, hatching over
 * frames the scene's annotations mark, outlines for the selected frame and the one under the mouse. Only rows on screen are visited, and within a row a binary search
 * finds the first node in the zoom range, so the cost follows what is visible rather than the layout's size.
 */
public final class FlameRenderer {
    private static final double TEXT_PAD = 4;
    private static final double MIN_LABEL_WIDTH = 24;

    private final FlameStyle style;
    private final Color[][] palettes = new Color[ColorMode.values().length][];
    private final Color[][] dimmed = new Color[ColorMode.values().length][];
    /** The last annotation palette seen, and its search-dimmed version: palettes are shared arrays, so this hits. */
    private Color[] annotationPalette;
    private Color[] annotationDimmed;

    public FlameRenderer(FlameStyle style) {
        this.style = style;
        for (ColorMode mode : ColorMode.values()) {
            palettes[mode.ordinal()] = style.palette(mode);
            dimmed[mode.ordinal()] = style.dimmed(mode);
        }
    }

    /**
     * @param hovered the layout node under the mouse, or -1
     * @return the number of rectangles drawn (for benchmarks)
     */
    public int draw(GraphicsContext g, FlameScene scene, FlameGeometry geo, int hovered) {
        g.setFill(style.background);
        g.fillRect(0, 0, geo.width(), geo.height());
        if (scene == null) return 0;
        FlameLayout layout = scene.layout();
        Color[] palette = palettes[scene.colorMode().ordinal()];
        Color[] faded = dimmed[scene.colorMode().ordinal()];
        if (scene.colorMode() == ColorMode.CHANGE && scene.annotations() != null) {
            Color[] own = scene.annotations().palette(style.dark);
            if (own != annotationPalette) {
                annotationPalette = own;
                annotationDimmed = style.dimmed(own);
            }
            palette = annotationPalette;
            faded = annotationDimmed;
        }
        boolean marks = scene.annotations() != null;
        boolean searching = scene.hasSearch();
        double scale = geo.scale(scene);
        double zoomEnd = scene.zoomX() + scene.zoomWidth();
        double rowH = geo.rowHeight();
        double width = geo.width();
        g.setFont(FlameStyle.small(geo.rowHeight()) ? style.smallFont : style.font);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);

        int drawn = 0;
        Color current = null;
        int last = Math.min(geo.lastVisibleDepth(), layout.depthCount() - 1);
        for (int depth = geo.firstVisibleDepth(); depth <= last; depth++) {
            double y = geo.rowTop(depth);
            int end = layout.levelStart(depth + 1);
            for (int i = firstInRange(layout, depth, scene.zoomX()); i < end; i++) {
                double x = layout.x(i);
                if (x >= zoomEnd) break;
                double left = Math.max(0, (x - scene.zoomX()) * scale);
                double right = Math.min(width, (x + layout.width(i) - scene.zoomX()) * scale);
                double w = right - left;
                if (w < 0.35) continue;
                boolean match = searching && scene.matches()[i];
                Color fill = match ? style.highlight : (searching ? faded : palette)[scene.colors()[i]];
                if (fill != current) {
                    g.setFill(fill);
                    current = fill;
                }
                // A one-pixel gap between neighbours once they are wide enough to spare it.
                g.fillRect(left, y, w >= 3 ? w - 1 : w, rowH - 1);
                drawn++;
                if (marks && w >= 2 && scene.isMarked(i)) {
                    hatch(g, left, y, w >= 3 ? w - 1 : w, rowH - 1);
                    current = null;
                }
                if (w >= MIN_LABEL_WIDTH) {
                    String label = style.fit(scene.shortLabel(i), w - 2 * TEXT_PAD, rowH);
                    if (label != null) {
                        g.setFill(searching && !match ? style.dimText : style.text);
                        current = null;
                        g.fillText(label, left + TEXT_PAD, y + (rowH - 1) / 2);
                    }
                }
            }
        }
        outlineSelected(g, scene, geo, last);
        if (hovered >= 0 && hovered < layout.size()) outline(g, scene, geo, hovered, style.hoverOutline, 1);
        return drawn;
    }

    /**
     * Diagonal stripes over a rectangle: a mark that reads without colour (and to colour-blind eyes). Each stripe is
     * cut to the rectangle by arithmetic rather than a clip, which would cost a full-canvas mask per frame.
     */
    private void hatch(GraphicsContext g, double x, double y, double w, double h) {
        g.setStroke(style.hatch);
        g.setLineWidth(1.5);
        for (double start = x - h; start < x + w; start += 6) {
            // The stripe runs from (start, y + h) up and right to (start + h, y); keep the part over [x, x + w].
            double from = Math.max(0, x - start), to = Math.min(h, x + w - start);
            if (from < to) g.strokeLine(start + from, y + h - from, start + to, y + h - to);
        }
    }

    /** Outlines every visible occurrence of the selected frame. */
    private void outlineSelected(GraphicsContext g, FlameScene scene, FlameGeometry geo, int last) {
        if (scene.selectedKey() < 0) return;
        FlameLayout layout = scene.layout();
        double zoomEnd = scene.zoomX() + scene.zoomWidth();
        for (int depth = Math.max(1, geo.firstVisibleDepth()); depth <= last; depth++) {
            int end = layout.levelStart(depth + 1);
            for (int i = firstInRange(layout, depth, scene.zoomX()); i < end && layout.x(i) < zoomEnd; i++) {
                if (scene.keyOf(i) == scene.selectedKey()) outline(g, scene, geo, i, style.outline, 2);
            }
        }
    }

    private void outline(GraphicsContext g, FlameScene scene, FlameGeometry geo, int node, Color color, double lineWidth) {
        FlameLayout layout = scene.layout();
        double scale = geo.scale(scene);
        double left = Math.max(0, (layout.x(node) - scene.zoomX()) * scale);
        double right = Math.min(geo.width(), (layout.x(node) + layout.width(node) - scene.zoomX()) * scale);
        FlameStyle.outline(g, left, right, geo.rowTop(layout.depth(node)), geo.rowHeight(), color, lineWidth);
    }

    /** The first node of a level whose right edge is past {@code from}: a binary search over the sorted level. */
    static int firstInRange(FlameLayout layout, int depth, double from) {
        int lo = layout.levelStart(depth), hi = layout.levelStart(depth + 1);
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (layout.x(mid) + layout.width(mid) <= from) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
