package dev.pyrometer.app.ui.timeline;

import dev.pyrometer.model.aggregate.Timeline;
import java.util.Arrays;
import java.util.Set;

/**
 * The rows under the CPU and memory tracks, top to bottom. A recording of one process has one lane per thread, in
 * the profile's order, as always (so does a recording that follows subprocesses while it has met only one). A
 * recording of several has a header per process (in the order the recording met
 * them) with that process's thread lanes under it, unless the header is collapsed; threads of no known process come
 * last. Offsets are pixels from the top of the first row; every row is a whole number of lane heights, so scrolling
 * by lanes never cuts a row at a place the drawing does not expect. Immutable; rebuilt when the data or the
 * collapsed headers change (a few hundred rows at most).
 */
public final class TimelineRows {
    /** A header is two lanes tall: the process's name on the left, its CPU line and life across the plot. */
    public static final double HEADER_HEIGHT = 2 * TimelineGeometry.LANE_HEIGHT;
    public static final TimelineRows NONE = new TimelineRows(new int[0], new boolean[0], new int[0], new double[] {0});

    private final int[] index;
    private final boolean[] header;
    /** Per row: the process it belongs to (for a header, its own), or -1. */
    private final int[] process;
    /** Per row, its top; one more entry: the height of all rows. */
    private final double[] top;

    private TimelineRows(int[] index, boolean[] header, int[] process, double[] top) {
        this.index = index;
        this.header = header;
        this.process = process;
        this.top = top;
    }

    public static TimelineRows of(Timeline data, Set<Integer> collapsed) {
        if (data == null) return NONE;
        // One process (a recording that followed subprocesses before any appeared) looks as any other recording.
        int threads = data.threads(), processes = data.processes() > 1 ? data.processes() : 0;
        int capacity = threads + processes;
        int[] index = new int[capacity], process = new int[capacity];
        boolean[] header = new boolean[capacity];
        double[] top = new double[capacity + 1];
        int n = 0;
        double y = 0;
        for (int p = 0; p < processes; p++) {
            index[n] = p;
            process[n] = p;
            header[n] = true;
            top[n++] = y;
            y += HEADER_HEIGHT;
            if (collapsed.contains(p)) continue;
            for (int t = 0; t < threads; t++) {
                if (data.processOf(t) != p) continue;
                index[n] = t;
                process[n] = p;
                top[n++] = y;
                y += TimelineGeometry.LANE_HEIGHT;
            }
        }
        for (int t = 0; t < threads; t++) {
            if (processes > 0 && data.processOf(t) >= 0) continue;
            index[n] = t;
            process[n] = -1;
            top[n++] = y;
            y += TimelineGeometry.LANE_HEIGHT;
        }
        top[n] = y;
        return new TimelineRows(Arrays.copyOf(index, n), Arrays.copyOf(header, n), Arrays.copyOf(process, n),
            Arrays.copyOf(top, n + 1));
    }

    public int size() { return index.length; }
    /** True when the rows are grouped under process headers (a recording of several processes). */
    public boolean grouped() { return index.length > 0 && process[0] >= 0 && header[0]; }
    public boolean isHeader(int row) { return header[row]; }
    /** The thread of a lane, or the process of a header. */
    public int index(int row) { return index[row]; }
    /** The process a row belongs to (a header's own), or -1. */
    public int process(int row) { return process[row]; }
    public double top(int row) { return top[row]; }
    public double height(int row) { return top[row + 1] - top[row]; }
    /** The height of all rows. */
    public double contentHeight() { return top[index.length]; }

    /** The row at an offset from the top of the first row, or -1 outside them. */
    public int rowAt(double offset) {
        if (offset < 0 || offset >= contentHeight()) return -1;
        int lo = 0, hi = index.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (top[mid] <= offset) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    /** The row of a process's header, or -1. */
    public int headerRow(int processIndex) {
        for (int r = 0; r < index.length; r++) if (header[r] && index[r] == processIndex) return r;
        return -1;
    }

    /** The row of a thread's lane, or -1 (its process is collapsed, or there is no such thread). */
    public int laneRow(int thread) {
        for (int r = 0; r < index.length; r++) if (!header[r] && index[r] == thread) return r;
        return -1;
    }

    /** One past the last row of a header's group (its lanes when expanded). */
    public int groupEnd(int headerRow) {
        int r = headerRow + 1;
        while (r < index.length && !header[r] && process[r] == process[headerRow]) r++;
        return r;
    }

    /** The process headers' rows, top to bottom. */
    public int[] headerRows() {
        int count = 0;
        for (boolean h : header) if (h) count++;
        int[] rows = new int[count];
        for (int r = 0, i = 0; r < index.length; r++) if (header[r]) rows[i++] = r;
        return rows;
    }
}
