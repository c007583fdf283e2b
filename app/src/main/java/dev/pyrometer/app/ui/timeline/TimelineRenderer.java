package dev.pyrometer.app.ui.timeline;

import dev.pyrometer.app.ui.common.Formats;
import dev.pyrometer.model.SampleState;
import dev.pyrometer.model.ThreadTable;
import dev.pyrometer.model.aggregate.TimeRange;
import dev.pyrometer.model.aggregate.Timeline;
import java.util.Set;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * Draws the timeline: time axis, CPU track (cores in use, user and system stacked), memory track (resident memory,
 * highest reading per pixel), one lane per thread coloured by what it mostly did in each pixel's time (Python,
 * native code, the kernel, waiting) with a dark stripe where it held the GIL, and the selection over all of them.
 * Neighbouring pixels of one colour are drawn as one rectangle, so the cost follows how busy the picture is, and is
 * bounded by pixels × rows. Buckets are placed by their time, so buckets of an older window stretch while the new
 * ones are being computed.
 */
public final class TimelineRenderer {
    private static final double MIN_TICK_PIXELS = 90;

    private final TimelineStyle style;
    /** The tracks' scales, set while drawing them and shown under their names in the label column. */
    private String cpuScale = "";
    private String memoryScale = "";
    /** False: the memory track's scale starts at zero; true: it spans the readings' min to max. */
    private boolean memoryZoomed;

    public TimelineRenderer(TimelineStyle style) {
        this.style = style;
    }

    /** Scales the memory track from zero (the default: a 1 MB sawtooth on 100 MB stays small) or to its min–max. */
    public void setMemoryZoomed(boolean zoomed) {
        this.memoryZoomed = zoomed;
    }

    /** The memory track's scale as last drawn ({@code 0 – 18.1 MB}), for tests and the label column. */
    public String memoryScale() {
        return memoryScale;
    }

    /** The bytes at the bottom of the memory track: zero, or a little below the lowest reading when zoomed. */
    static double memoryBase(long low, long high, boolean zoomed) {
        if (!zoomed) return 0;
        double range = Math.max(1, high - low);
        return Math.max(0, low - range * 0.15);
    }

    /**
     * @param window   the time shown
     * @param selected the selected range, or null
     * @param dragging a range being dragged out (drawn instead of the selection), or null
     * @param shown    the threads the views show (others' labels are muted), or null for all
     * @param hoverX   the mouse's x, or NaN
     * @return rectangles filled (for benchmarks)
     */
    public int draw(GraphicsContext g, Timeline data, TimelineGeometry geo, TimeRange window, TimeRange selected,
                    TimeRange dragging, Set<Integer> shown, double hoverX) {
        g.setFill(style.background);
        g.fillRect(0, 0, geo.width(), geo.height());
        if (geo.plotWidth() <= 0) return 0;
        cpuScale = "";
        memoryScale = "";
        int drawn = axis(g, geo, window);
        if (data != null) {
            double[] edges = edges(data, geo, window);
            drawn += cpu(g, data, geo, edges);
            drawn += memory(g, data, geo, edges);
            drawn += lanes(g, data, geo, edges);
        }
        labels(g, data, geo, shown);
        TimeRange range = dragging != null ? dragging : selected;
        if (range != null) selection(g, geo, window, range);
        if (!Double.isNaN(hoverX) && geo.inPlot(hoverX)) {
            g.setFill(style.hover);
            g.fillRect(Math.floor(hoverX), TimelineGeometry.AXIS_HEIGHT, 1, geo.height() - TimelineGeometry.AXIS_HEIGHT);
        }
        return drawn;
    }

    private int axis(GraphicsContext g, TimelineGeometry geo, TimeRange window) {
        long step = TimeLabels.step(MIN_TICK_PIXELS / geo.plotWidth() * window.durationMicros());
        g.setFont(style.small);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        int drawn = 0;
        for (long t = Math.floorDiv(window.fromMicros(), step) * step; t < window.toMicros(); t += step) {
            double x = Math.floor(geo.xOf(t, window));
            if (x < geo.plotLeft()) continue;
            g.setFill(style.grid);
            g.fillRect(x, 4, 1, geo.height() - 4);
            g.setFill(style.muted);
            g.fillText(TimeLabels.at(t, step), x + 3, TimelineGeometry.AXIS_HEIGHT / 2);
            drawn++;
        }
        return drawn;
    }

    private int cpu(GraphicsContext g, Timeline data, TimelineGeometry geo, double[] edges) {
        double top = geo.cpuTop(), h = TimelineGeometry.CPU_HEIGHT - 2, bottom = top + h;
        int buckets = data.buckets();
        // With fewer than a few ticks per pixel, one pixel's CPU is mostly sampling noise: average over enough
        // neighbours to hold about four ticks.
        int reach = Math.clamp((int) Math.ceil(2.0 * buckets / Math.max(1, data.ticks())), 0, 32);
        long[] user = prefixSums(data, buckets, true), system = prefixSums(data, buckets, false);
        double[] userCores = new double[buckets], systemCores = new double[buckets];
        double peak = 0;
        for (int b = 0; b < buckets; b++) {
            int from = Math.max(0, b - reach), to = Math.min(buckets, b + reach + 1);
            double micros = (to - from) * data.bucketMicros();
            userCores[b] = (user[to] - user[from]) / micros;
            systemCores[b] = (system[to] - system[from]) / micros;
            peak = Math.max(peak, userCores[b] + systemCores[b]);
        }
        // The scale: whole cores, at most one per thread (a late sample's CPU landing in one bucket is not a core).
        double scale = Math.clamp(Math.ceil(peak - 0.1), 1, Math.max(1, data.threads()));
        int drawn = 0;
        for (int b = 0; b < buckets; b++) {
            double left = edges[b], w = width(edges, b);
            if (w <= 0 || userCores[b] + systemCores[b] == 0) continue;
            double uh = Math.min(h, userCores[b] / scale * h);
            double sh = Math.min(h - uh, systemCores[b] / scale * h);
            g.setFill(style.cpuUser);
            g.fillRect(left, bottom - uh, w, uh);
            drawn++;
            if (sh > 0) {
                g.setFill(style.cpuSystem);
                g.fillRect(left, bottom - uh - sh, w, sh);
                drawn++;
            }
        }
        cpuScale = "0–" + Formats.count((long) scale, "core");
        return drawn;
    }

    private static long[] prefixSums(Timeline data, int buckets, boolean user) {
        long[] sums = new long[buckets + 1];
        for (int b = 0; b < buckets; b++) sums[b + 1] = sums[b] + (user ? data.userMicros(b) : data.systemMicros(b));
        return sums;
    }

    private int memory(GraphicsContext g, Timeline data, TimelineGeometry geo, double[] edges) {
        long low = Long.MAX_VALUE, high = Long.MIN_VALUE;
        for (int b = 0; b < data.buckets(); b++) {
            if (data.memoryHigh(b) < 0) continue;
            low = Math.min(low, data.memoryLow(b));
            high = Math.max(high, data.memoryHigh(b));
        }
        if (high < 0) return 0;
        double top = geo.memoryTop(), h = TimelineGeometry.MEMORY_HEIGHT - 2, bottom = top + h;
        // From zero, so the height means size; zoomed, a little below the lowest reading, so small changes show.
        double base = memoryBase(low, high, memoryZoomed);
        double perByte = h / Math.max(1, high - base);
        int drawn = 0;
        for (int b = 0; b < data.buckets(); b++) {
            long value = data.memoryHigh(b);
            if (value < 0) continue;
            double left = edges[b], w = width(edges, b);
            if (w <= 0) continue;
            double y = bottom - (value - base) * perByte;
            g.setFill(style.memoryFill);
            g.fillRect(left, y, w, bottom - y);
            g.setFill(style.memoryLine);
            g.fillRect(left, y, w, 1.5);
            drawn += 2;
        }
        memoryScale = memoryZoomed ? Formats.bytes(low) + " – " + Formats.bytes(high) + " (zoomed)" : "0 – " + Formats.bytes(high);
        return drawn;
    }

    private int lanes(GraphicsContext g, Timeline data, TimelineGeometry geo, double[] edges) {
        int drawn = 0;
        double laneH = TimelineGeometry.LANE_HEIGHT;
        for (int t = 0; t < data.threads(); t++) {
            double y = geo.laneTop(t);
            if (y < geo.lanesTop() - 0.5) continue;
            if (y >= geo.height()) break;
            int runCode = -1;
            double runStart = 0, runEnd = 0;
            for (int b = 0; b <= data.buckets(); b++) {
                int code = b < data.buckets() && width(edges, b) > 0 ? code(data, t, b) : -1;
                if (code >= 0 && code == runCode && edges[b] <= runEnd + 0.5) {
                    runEnd = edges[b] + width(edges, b);
                    continue;
                }
                if (runCode >= 0) {
                    fillRun(g, runCode, runStart, runEnd, y, laneH);
                    drawn++;
                }
                runCode = code;
                if (code >= 0) {
                    runStart = edges[b];
                    runEnd = edges[b] + width(edges, b);
                }
            }
            g.setFill(style.grid);
            g.fillRect(geo.plotLeft(), y + laneH - 0.5, geo.plotWidth(), 0.5);
        }
        return drawn;
    }

    /** A bucket's colour: its dominant category times two, plus one when it mostly held the GIL; -1 when empty. */
    private static int code(Timeline data, int thread, int bucket) {
        int category = data.dominantCategory(thread, bucket);
        if (category < 0) return -1;
        boolean gil = 2 * data.gilSamples(thread, bucket) >= Math.max(1, data.samples(thread, bucket));
        return category * 2 + (gil ? 1 : 0);
    }

    private void fillRun(GraphicsContext g, int code, double from, double to, double y, double laneH) {
        Color color = style.category[code / 2];
        g.setFill(color);
        g.fillRect(from, y + 1, Math.max(1, to - from), laneH - 3);
        if ((code & 1) != 0) {
            g.setFill(style.gil);
            g.fillRect(from, y + laneH - 4, Math.max(1, to - from), 2);
        }
    }

    /**
     * The pixel edges of the buckets in the current window, clipped to the plot: bucket b spans
     * {@code [edges[b], edges[b + 1])}. Computed once per paint.
     */
    private static double[] edges(Timeline data, TimelineGeometry geo, TimeRange window) {
        double[] edges = new double[data.buckets() + 1];
        for (int b = 0; b <= data.buckets(); b++) {
            long t = b < data.buckets() ? data.bucketStart(b) : data.toMicros();
            edges[b] = Math.clamp(geo.xOf(t, window), geo.plotLeft(), geo.width());
        }
        return edges;
    }

    /** A bucket's width in pixels: 0 when off screen, else at least one, so a short burst never vanishes. */
    private static double width(double[] edges, int bucket) {
        double left = edges[bucket], right = edges[bucket + 1];
        return right <= left ? 0 : Math.max(1, right - left);
    }

    private void labels(GraphicsContext g, Timeline data, TimelineGeometry geo, Set<Integer> shown) {
        double w = TimelineGeometry.LABEL_WIDTH;
        g.setFill(style.labelBackground);
        g.fillRect(0, 0, w - 1, geo.height());
        g.setFill(style.grid);
        g.fillRect(w - 1, 0, 1, geo.height());
        g.setFont(style.font);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(style.text);
        g.fillText("CPU", 8, geo.cpuTop() + 8);
        g.fillText("Memory", 8, geo.memoryTop() + 10);
        g.setFill(style.muted);
        g.setFont(style.small);
        g.fillText(cpuScale, 8, geo.cpuTop() + 21);
        g.fillText(memoryScale, 8, geo.memoryTop() + 25);
        g.setFont(style.font);
        if (data == null) return;
        ThreadTable threads = data.snapshot().profile().threads();
        for (int t = 0; t < data.threads(); t++) {
            double y = geo.laneTop(t);
            if (y < geo.lanesTop() - 0.5) continue;
            if (y >= geo.height()) break;
            g.setFill(shown == null || shown.contains(t) ? style.text : style.muted);
            g.fillText(fit(threads.label(t), 19), 8, y + TimelineGeometry.LANE_HEIGHT / 2 - 1);
        }
    }

    private void selection(GraphicsContext g, TimelineGeometry geo, TimeRange window, TimeRange range) {
        double top = TimelineGeometry.AXIS_HEIGHT, h = geo.height() - top;
        double left = Math.clamp(geo.xOf(range.fromMicros(), window), geo.plotLeft(), geo.width());
        double right = Math.clamp(geo.xOf(range.toMicros(), window), geo.plotLeft(), geo.width());
        right = Math.max(right, left + 1);
        g.setFill(style.outside);
        g.fillRect(geo.plotLeft(), top, left - geo.plotLeft(), h);
        g.fillRect(right, top, geo.width() - right, h);
        g.setFill(style.selection);
        g.fillRect(left, top, right - left, h);
        g.setFill(style.selectionEdge);
        if (left > geo.plotLeft()) g.fillRect(left - 1, top, 1.5, h);
        if (right < geo.width()) g.fillRect(right - 0.5, top, 1.5, h);
    }

    private static String fit(String label, int chars) {
        return label.length() <= chars ? label : label.substring(0, chars - 1) + "…";
    }

    /** The colour lanes use for a category (for the legend). */
    public Color categoryColor(int category) {
        return style.category[Math.clamp(category, 0, SampleState.CATEGORY_COUNT - 1)];
    }
}
