package dev.pyrometer.app.ui.timeline;

import dev.pyrometer.app.ui.common.Formats;
import dev.pyrometer.model.ProcessInfo;
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
 *
 * <p>A recording of several processes groups the lanes under a header per process: its pid, Python version and
 * command line on the left, and across the plot its life (a faint band from its start to its end, a green marker
 * where it started during the recording, a red one where it ended, both drawn down through its lanes) and its own
 * CPU line, drawn as the CPU track is, on one scale for all processes so that they compare.
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
     * @param rows     the rows under the tracks (lanes, and process headers when there are several processes)
     * @param shown    the threads the views show (others' labels are muted), or null for all
     * @param focused  the process whose header has the keyboard focus, or -1
     * @param hoverX   the mouse's x, or NaN
     * @return rectangles filled (for benchmarks)
     */
    public int draw(GraphicsContext g, Timeline data, TimelineGeometry geo, TimeRange window, TimeRange selected,
                    TimeRange dragging, TimelineRows rows, Set<Integer> shown, int focused, double hoverX) {
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
            drawn += rows(g, data, rows, geo, window, edges);
        }
        labels(g, data, rows, geo, shown, focused);
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

    private int rows(GraphicsContext g, Timeline data, TimelineRows rows, TimelineGeometry geo, TimeRange window,
                     double[] edges) {
        g.save();
        // A header scrolled half out of view must not draw over the memory track.
        g.beginPath();
        g.rect(geo.plotLeft(), geo.lanesTop(), geo.plotWidth(), Math.max(0, geo.height() - geo.lanesTop()));
        g.clip();
        ProcessLines lines = rows.grouped() ? processLines(data) : null;
        int drawn = 0;
        for (int r = 0; r < rows.size(); r++) {
            double y = geo.rowTop(rows, r), h = rows.height(r);
            if (y + h <= geo.lanesTop()) continue;
            if (y >= geo.height()) break;
            if (rows.isHeader(r)) {
                drawn += header(g, data, rows.index(r), lines, geo, window, edges, y, h);
            } else {
                drawn += lane(g, data, rows.index(r), geo, edges, y);
            }
        }
        // The life markers go over the lanes of their group, so a process's start and end read across its threads.
        for (int r : rows.headerRows()) {
            double top = geo.rowTop(rows, r);
            int end = rows.groupEnd(r);
            double bottom = geo.lanesTop() + (end < rows.size() ? rows.top(end) : rows.contentHeight()) - geo.laneScroll();
            if (bottom <= geo.lanesTop() || top >= geo.height()) continue;
            drawn += lifeMarkers(g, data.process(rows.index(r)), data.endMicros(), geo, window, top, bottom);
        }
        g.restore();
        return drawn;
    }

    private int lane(GraphicsContext g, Timeline data, int t, TimelineGeometry geo, double[] edges, double y) {
        int drawn = 0;
        double laneH = TimelineGeometry.LANE_HEIGHT;
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
        return drawn;
    }

    /**
     * Every process's CPU per bucket (user and system), averaged over neighbours as the CPU track is, and one scale
     * in whole cores for all of them (at most the threads of the process with the most).
     */
    private record ProcessLines(double[][] user, double[][] system, double scale) { }

    private static ProcessLines processLines(Timeline data) {
        int buckets = data.buckets(), processes = data.processes();
        int reach = Math.clamp((int) Math.ceil(2.0 * buckets / Math.max(1, data.ticks())), 0, 32);
        double[][] user = new double[processes][], system = new double[processes][];
        int[] threads = new int[processes];
        for (int t = 0; t < data.threads(); t++) if (data.processOf(t) >= 0) threads[data.processOf(t)]++;
        double peak = 0;
        int most = 1;
        long[] u = new long[buckets + 1], s = new long[buckets + 1];
        for (int p = 0; p < processes; p++) {
            for (int b = 0; b < buckets; b++) {
                u[b + 1] = u[b] + data.processUserMicros(p, b);
                s[b + 1] = s[b] + data.processSystemMicros(p, b);
            }
            user[p] = new double[buckets];
            system[p] = new double[buckets];
            for (int b = 0; b < buckets; b++) {
                int from = Math.max(0, b - reach), to = Math.min(buckets, b + reach + 1);
                double micros = (to - from) * data.bucketMicros();
                user[p][b] = (u[to] - u[from]) / micros;
                system[p][b] = (s[to] - s[from]) / micros;
                peak = Math.max(peak, user[p][b] + system[p][b]);
            }
            most = Math.max(most, threads[p]);
        }
        return new ProcessLines(user, system, Math.clamp(Math.ceil(peak - 0.1), 1, most));
    }

    /** A process's header across the plot: its life span as a faint band, its CPU line in it. */
    private int header(GraphicsContext g, Timeline data, int process, ProcessLines lines, TimelineGeometry geo,
                       TimeRange window, double[] edges, double y, double h) {
        ProcessInfo info = data.process(process);
        g.setFill(style.headerBackground);
        g.fillRect(geo.plotLeft(), y, geo.plotWidth(), h);
        int drawn = 1;
        // Its life: from when the recording met it to its end (or the recording's, while it runs).
        long until = info.ended() ? info.endMicros() : Math.max(info.startMicros(), data.endMicros());
        double from = Math.clamp(geo.xOf(info.startMicros(), window), geo.plotLeft(), geo.width());
        double to = Math.clamp(geo.xOf(until, window), geo.plotLeft(), geo.width());
        if (to > from) {
            g.setFill(style.life);
            g.fillRect(from, y + 2, to - from, h - 4);
            drawn++;
        }
        // The command line along the top, from where the process began; its CPU line below.
        g.setFont(style.small);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(style.muted);
        g.fillText(TimelineViewModel.shortCommand(info.commandLine()), Math.max(geo.plotLeft(), from) + 12, y + 7);
        double bottom = y + h - 2, cpuH = h - 15;
        double[] user = lines.user()[process], system = lines.system()[process];
        for (int b = 0; b < data.buckets(); b++) {
            double left = edges[b], w = width(edges, b);
            if (w <= 0 || user[b] + system[b] == 0) continue;
            double uh = Math.min(cpuH, user[b] / lines.scale() * cpuH);
            double sh = Math.min(cpuH - uh, system[b] / lines.scale() * cpuH);
            g.setFill(style.cpuUser);
            g.fillRect(left, bottom - uh, w, uh);
            drawn++;
            if (sh > 0) {
                g.setFill(style.cpuSystem);
                g.fillRect(left, bottom - uh - sh, w, sh);
                drawn++;
            }
        }
        g.setFill(style.grid);
        g.fillRect(geo.plotLeft(), y + h - 0.5, geo.plotWidth(), 0.5);
        return drawn;
    }

    /** A green flag where a process started during the recording, a red one where it ended, down its group. */
    private int lifeMarkers(GraphicsContext g, ProcessInfo info, long recordingEnd, TimelineGeometry geo, TimeRange window,
                            double top, double bottom) {
        int drawn = 0;
        if (info.startMicros() > 0 && window.contains(info.startMicros())) {
            double x = Math.floor(geo.xOf(info.startMicros(), window));
            g.setFill(style.started);
            g.fillRect(x, top, 2, bottom - top);
            g.fillPolygon(new double[] {x + 2, x + 9, x + 2}, new double[] {top + 2, top + 6, top + 10}, 3);
            drawn += 2;
        }
        // A process seen gone after the last sample (the target itself, at the end) is marked at the recording's end.
        boolean lastSeen = info.ended() && info.endMicros() >= recordingEnd && window.toMicros() >= recordingEnd;
        if (info.ended() && (window.contains(info.endMicros()) || lastSeen)) {
            double x = Math.min(Math.floor(geo.xOf(info.endMicros(), window)), Math.floor(geo.width()) - 1);
            g.setFill(style.ended);
            g.fillRect(x - 1, top, 2, bottom - top);
            g.fillRect(x - 8, top + 2, 7, 7);
            drawn += 2;
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

    private void labels(GraphicsContext g, Timeline data, TimelineRows rows, TimelineGeometry geo, Set<Integer> shown,
                        int focused) {
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
        // The sampler reads the resident memory of the process it was started on (the first), not the whole family.
        g.fillText(data != null && data.processes() > 1 ? "Memory of " + data.process(0).pid() : "Memory", 8,
            geo.memoryTop() + 10);
        g.setFill(style.muted);
        g.setFont(style.small);
        g.fillText(cpuScale, 8, geo.cpuTop() + 21);
        g.fillText(memoryScale, 8, geo.memoryTop() + 25);
        g.setFont(style.font);
        if (data == null) return;
        g.save();
        g.beginPath();
        g.rect(0, geo.lanesTop(), w - 1, Math.max(0, geo.height() - geo.lanesTop()));
        g.clip();
        ThreadTable threads = data.snapshot().profile().threads();
        boolean grouped = rows.grouped();
        for (int r = 0; r < rows.size(); r++) {
            double y = geo.rowTop(rows, r), h = rows.height(r);
            if (y + h <= geo.lanesTop()) continue;
            if (y >= geo.height()) break;
            int index = rows.index(r);
            if (rows.isHeader(r)) {
                boolean folded = !grouped || r + 1 >= rows.size() || rows.isHeader(r + 1);
                headerLabel(g, data.process(index), y, h, isShown(data, index, shown), index == focused, folded);
                continue;
            }
            boolean under = rows.process(r) >= 0;
            g.setFont(style.font);
            g.setFill(shown == null || shown.contains(index) ? style.text : style.muted);
            g.fillText(fit(threads.label(index), under ? 17 : 19), under ? 20 : 8, y + TimelineGeometry.LANE_HEIGHT / 2 - 1);
        }
        g.restore();
    }

    /** A header's label: a fold arrow and the pid, the Python version under it. */
    private void headerLabel(GraphicsContext g, ProcessInfo info, double y, double h, boolean shown, boolean focused,
                             boolean folded) {
        double w = TimelineGeometry.LABEL_WIDTH;
        g.setFill(style.headerBackground);
        g.fillRect(0, y, w - 1, h);
        g.setFill(shown ? style.text : style.muted);
        double cy = y + 9;
        if (folded) g.fillPolygon(new double[] {7, 12, 7}, new double[] {cy - 4, cy, cy + 4}, 3);
        else g.fillPolygon(new double[] {5, 13, 9}, new double[] {cy - 2, cy - 2, cy + 3}, 3);
        g.setFont(style.bold);
        g.fillText(Integer.toString(info.pid()), 18, cy);
        g.setFont(style.small);
        g.setFill(style.muted);
        String version = TimelineViewModel.shortVersion(info.pythonVersion());
        g.fillText(fit((version.isEmpty() ? "" : "Python " + version) + (info.ended() ? "  ·  ended" : ""), 21), 18, y + 23);
        if (focused) {
            g.setStroke(style.focus);
            g.setLineWidth(1.5);
            g.strokeRect(1.5, y + 1.5, w - 4, h - 3);
        }
        g.setFill(style.grid);
        g.fillRect(0, y + h - 0.5, w - 1, 0.5);
    }

    /** Whether the views show any thread of a process (all do without a thread filter). */
    private static boolean isShown(Timeline data, int process, Set<Integer> shown) {
        if (shown == null) return true;
        for (int t : shown) if (t < data.threads() && data.processOf(t) == process) return true;
        return false;
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
