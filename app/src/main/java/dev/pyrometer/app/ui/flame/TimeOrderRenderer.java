package dev.pyrometer.app.ui.flame;

import dev.pyrometer.model.aggregate.TimeOrder;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * Draws a {@link TimeOrderScene}: time runs left to right over the chart's span, the outermost frame on the top
 * row, callees below. Only rows on screen are visited, and within a row a binary search finds the first rectangle
 * in view, so the cost follows what is visible.
 */
public final class TimeOrderRenderer {
    private static final double TEXT_PAD = 4;
    private static final double MIN_LABEL_WIDTH = 24;

    private final FlameStyle style;
    private final Color[] palette;
    private final Color[] faded;

    public TimeOrderRenderer(FlameStyle style) {
        this.style = style;
        this.palette = style.palette(ColorMode.MODULE);
        this.faded = style.dimmed(ColorMode.MODULE);
    }

    /** Where rows and times are on the canvas. */
    public record Geometry(double width, double height, double scroll) {
        public double rowTop(int depth) { return depth * FlameStyle.ROW_HEIGHT - scroll; }
        public int depthAt(double y) { return (int) Math.floor((y + scroll) / FlameStyle.ROW_HEIGHT); }

        public double xOf(TimeOrder chart, long micros) {
            return (double) (micros - chart.fromMicros()) / (chart.toMicros() - chart.fromMicros()) * width;
        }

        public long timeAt(TimeOrder chart, double x) {
            return chart.fromMicros() + Math.round(x / width * (chart.toMicros() - chart.fromMicros()));
        }

        /** The rectangle under a point, or -1. */
        public int rectAt(TimeOrder chart, double x, double y) {
            if (x < 0 || x >= width || y < 0 || y >= height) return -1;
            return chart.nodeAt(timeAt(chart, x), depthAt(y));
        }

        public static double maxScroll(TimeOrder chart, double height) {
            return Math.max(0, chart.depthCount() * FlameStyle.ROW_HEIGHT - height);
        }
    }

    /** @return the rectangles drawn */
    public int draw(GraphicsContext g, TimeOrderScene scene, Geometry geo, int hovered) {
        g.setFill(style.background);
        g.fillRect(0, 0, geo.width(), geo.height());
        if (scene == null) return 0;
        TimeOrder chart = scene.chart();
        if (chart.size() == 0) {
            g.setFill(style.dimText);
            g.setFont(style.font);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(chart.thread() < 0 ? "No samples in the selection" : "This thread did not run in the selection",
                geo.width() / 2, Math.min(geo.height() / 2, 60));
            g.setTextAlign(TextAlignment.LEFT);
            return 0;
        }
        double rowH = FlameStyle.ROW_HEIGHT;
        g.setFont(style.font);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        boolean searching = scene.hasSearch();
        int first = Math.max(0, geo.depthAt(0));
        int last = Math.min(chart.depthCount() - 1, geo.depthAt(geo.height() - 1e-9));
        int drawn = 0;
        Color current = null;
        for (int depth = first; depth <= last; depth++) {
            double y = geo.rowTop(depth);
            int end = chart.levelStart(depth + 1);
            for (int i = chart.firstEndingAfter(depth, chart.fromMicros()); i < end; i++) {
                if (chart.start(i) >= chart.toMicros()) break;
                double left = Math.max(0, geo.xOf(chart, chart.start(i)));
                double right = Math.min(geo.width(), geo.xOf(chart, chart.end(i)));
                double w = right - left;
                if (w < 0.35) continue;
                int key = chart.key(i);
                boolean match = searching && scene.keyMatches()[key];
                Color fill = match ? style.highlight : (searching ? faded : palette)[scene.keyColors()[key]];
                if (fill != current) {
                    g.setFill(fill);
                    current = fill;
                }
                g.fillRect(left, y, w >= 3 ? w - 1 : w, rowH - 1);
                drawn++;
                if (w >= MIN_LABEL_WIDTH) {
                    String label = style.fit(scene.keyLabels()[key], w - 2 * TEXT_PAD);
                    if (label != null) {
                        g.setFill(searching && !match ? style.dimText : style.text);
                        current = null;
                        g.fillText(label, left + TEXT_PAD, y + (rowH - 1) / 2);
                    }
                }
                if (key == scene.selectedKey()) outline(g, geo, chart, i, style.outline, 2);
            }
        }
        if (hovered >= 0 && hovered < chart.size()) outline(g, geo, chart, hovered, style.hoverOutline, 1);
        return drawn;
    }

    private void outline(GraphicsContext g, Geometry geo, TimeOrder chart, int rect, Color color, double lineWidth) {
        double left = Math.max(0, geo.xOf(chart, chart.start(rect)));
        double right = Math.min(geo.width(), geo.xOf(chart, chart.end(rect)));
        FlameStyle.outline(g, left, right, geo.rowTop(chart.depth(rect)), FlameStyle.ROW_HEIGHT, color, lineWidth);
    }
}
