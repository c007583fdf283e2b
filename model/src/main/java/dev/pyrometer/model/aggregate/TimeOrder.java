package dev.pyrometer.model.aggregate;

import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.SampleTable;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * A flame chart: one thread's stacks over time (speedscope's "time order"), for programs whose phases matter. Each
 * rectangle is a run of consecutive samples sharing the same call path down to its depth, from the first sample's
 * time to the time of the sample that left it. Keys and transforms are those of the call tree, so the chart and the
 * flame graph name frames alike.
 *
 * <p>A sample lasts until the thread's next sample; a gap longer than {@link #GAP_FACTOR} times the thread's mean
 * interval (a pause, a thread that was not seen) ends every rectangle one mean interval after the sample. Samples
 * the selection leaves out (idle ones by default, other threads' never count) end the rectangles too, so a waiting
 * thread shows as a hole. Rectangles shorter than the given minimum are left out; their time stays inside their
 * parents. Stored level by level, left to right, so {@link #nodeAt} is a binary search. Immutable.
 */
public final class TimeOrder {
    /** Picks the thread with the most selected samples in the time range. */
    public static final int BUSIEST_THREAD = -1;
    static final int GAP_FACTOR = 4;

    private final Keys keys;
    private final int thread;
    private final long fromMicros;
    private final long toMicros;
    private final long[] start;
    private final long[] end;
    private final int[] key;
    private final int[] samples;
    private final int[] levelStart;

    private TimeOrder(Keys keys, int thread, long fromMicros, long toMicros, long[] start, long[] end, int[] key,
                      int[] samples, int[] levelStart) {
        this.keys = keys;
        this.thread = thread;
        this.fromMicros = fromMicros;
        this.toMicros = toMicros;
        this.start = start;
        this.end = end;
        this.key = key;
        this.samples = samples;
        this.levelStart = levelStart;
    }

    /**
     * @param selection time range and states to show (its thread set only matters for {@link #BUSIEST_THREAD})
     * @param thread    the thread's index, or {@link #BUSIEST_THREAD}
     * @param minMicros the shortest rectangle kept (the time one pixel stands for, say)
     */
    public static TimeOrder of(Snapshot snapshot, Selection selection, int thread, KeyBy by, Transforms transforms,
                               long minMicros, BooleanSupplier cancelled) {
        SampleTable samples = snapshot.profile().samples();
        int n = snapshot.samples();
        boolean ordered = samples.isTimeOrdered();
        int first = ordered && selection.fromMicros() != Selection.START ? samples.firstAtOrAfter(selection.fromMicros(), n) : 0;
        int last = ordered && selection.toMicros() != Selection.END ? samples.firstAtOrAfter(selection.toMicros(), n) : n;
        Selection states = transforms.hidesIdle() ? selection.withIdle(false) : selection;
        boolean[] kept = new boolean[256];
        for (int s = 0; s < 256; s++) kept[s] = states.includesState(s);
        if (thread == BUSIEST_THREAD) thread = busiest(snapshot, selection, kept, first, last, cancelled);
        KeyedForest forest = KeyedForest.build(snapshot, by, transforms, cancelled);
        if (thread < 0 || !ordered) return empty(forest.keys, thread, selection);

        // The thread's mean interval between samples in the range, for gaps and the last sample's length.
        long firstTime = Long.MIN_VALUE, lastTime = 0;
        int count = 0;
        for (int i = first; i < last; i++) {
            if (samples.thread(i) != thread) continue;
            if (count++ == 0) firstTime = samples.timeMicros(i);
            lastTime = samples.timeMicros(i);
        }
        if (count == 0) return empty(forest.keys, thread, selection);
        long interval = count > 1 ? Math.max(1, (lastTime - firstTime) / (count - 1)) : 1000;
        long maxGap = GAP_FACTOR * interval;

        int[] depthOf = new int[forest.size];
        for (int node = 0; node < forest.size; node++) {
            int parent = forest.parent[node];
            depthOf[node] = parent < 0 ? 0 : depthOf[parent] + 1;
        }
        Builder out = new Builder(forest, minMicros);
        int[] path = new int[64];
        int lastNode = -1;
        long previous = Long.MIN_VALUE;
        int ordinal = 0;
        for (int i = first; i < last; i++) {
            if ((i & (Cancel.POLL_INTERVAL - 1)) == 0) Cancel.check(cancelled);
            if (samples.thread(i) != thread) continue;
            long time = samples.timeMicros(i);
            if (previous != Long.MIN_VALUE && time - previous > maxGap) out.closeFrom(0, previous + interval, ordinal);
            previous = time;
            int node = kept[samples.state(i)] ? forest.nodeOfStack[samples.stack(i) + 1] : -1;
            if (node < 0) {
                out.closeFrom(0, time, ordinal);
                lastNode = -1;
                continue;
            }
            if (node != lastNode || out.openDepth == 0) {
                int depth = depthOf[node] + 1;
                if (depth > path.length) path = Arrays.copyOf(path, Math.max(depth, path.length * 2));
                for (int up = node, d = depth - 1; d >= 0; up = forest.parent[up], d--) path[d] = up;
                int common = 0;
                while (common < out.openDepth && common < depth && out.openNode[common] == path[common]) common++;
                out.closeFrom(common, time, ordinal);
                for (int d = common; d < depth; d++) out.open(d, path[d], time, ordinal);
                lastNode = node;
            }
            ordinal++;
        }
        out.closeFrom(0, previous + interval, ordinal);
        long from = selection.fromMicros() == Selection.START ? firstTime : selection.fromMicros();
        long to = selection.toMicros() == Selection.END ? lastTime + interval : selection.toMicros();
        return out.build(forest.keys, thread, from, Math.max(from + 1, to));
    }

    private static TimeOrder empty(Keys keys, int thread, Selection selection) {
        long from = selection.fromMicros() == Selection.START ? 0 : selection.fromMicros();
        long to = selection.toMicros() == Selection.END ? from + 1 : selection.toMicros();
        return new TimeOrder(keys, thread, from, Math.max(from + 1, to), new long[0], new long[0], new int[0], new int[0], new int[] {0});
    }

    private static int busiest(Snapshot snapshot, Selection selection, boolean[] kept, int first, int last,
                               BooleanSupplier cancelled) {
        SampleTable samples = snapshot.profile().samples();
        int[] perThread = new int[Math.max(1, snapshot.threads())];
        for (int i = first; i < last; i++) {
            if ((i & (Cancel.POLL_INTERVAL - 1)) == 0) Cancel.check(cancelled);
            int t = samples.thread(i);
            if (t < perThread.length && kept[samples.state(i)] && selection.includesTime(samples.timeMicros(i))) perThread[t]++;
        }
        int best = -1;
        for (int t = 0; t < perThread.length; t++) {
            if (selection.includesThread(t) && perThread[t] > 0 && (best < 0 || perThread[t] > perThread[best])) best = t;
        }
        return best;
    }

    public Keys keys() { return keys; }
    /** The thread shown, or -1 when there was none to show. */
    public int thread() { return thread; }
    /** The time span the chart covers: the selection's range, or the thread's first to last sample. */
    public long fromMicros() { return fromMicros; }
    public long toMicros() { return toMicros; }

    public int size() { return start.length; }
    /** Number of levels: depths run from 0 (the outermost frame) to {@code depthCount() - 1}. */
    public int depthCount() { return levelStart.length - 1; }
    /** Rectangles of one depth are {@code [levelStart(d), levelStart(d + 1))}, in time order. */
    public int levelStart(int depth) { return levelStart[depth]; }

    public long start(int i) { return start[i]; }
    public long end(int i) { return end[i]; }
    /** The rectangle's key in {@link #keys()}. */
    public int key(int i) { return key[i]; }
    /** Samples the rectangle spans. */
    public int samples(int i) { return samples[i]; }

    public int depth(int i) {
        int d = Arrays.binarySearch(levelStart, i);
        return d >= 0 ? d : -d - 2;
    }

    /** The rectangle covering a time at a depth, or -1: a binary search, for hit-testing the mouse. */
    public int nodeAt(long micros, int depth) {
        if (depth < 0 || depth >= depthCount()) return -1;
        int lo = levelStart[depth], hi = levelStart[depth + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (start[mid] > micros) hi = mid - 1;
            else if (end[mid] <= micros) lo = mid + 1;
            else return mid;
        }
        return -1;
    }

    /** The first rectangle of a depth that ends after {@code micros}: where drawing a window starts. */
    public int firstEndingAfter(int depth, long micros) {
        int lo = levelStart[depth], hi = levelStart[depth + 1];
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (end[mid] <= micros) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** Open rectangles of the current path and the finished ones, per depth, while building. */
    private static final class Builder {
        final KeyedForest forest;
        final long minMicros;
        int[] openNode = new int[64];
        long[] openStart = new long[64];
        int[] openOrdinal = new int[64];
        int openDepth;
        long[][] starts = new long[8][];
        long[][] ends = new long[8][];
        int[][] keys = new int[8][];
        int[][] counts = new int[8][];
        int[] sizes = new int[8];

        Builder(KeyedForest forest, long minMicros) {
            this.forest = forest;
            this.minMicros = minMicros;
        }

        void open(int depth, int node, long time, int ordinal) {
            if (depth >= openNode.length) {
                int n = Math.max(depth + 1, openNode.length * 2);
                openNode = Arrays.copyOf(openNode, n);
                openStart = Arrays.copyOf(openStart, n);
                openOrdinal = Arrays.copyOf(openOrdinal, n);
            }
            openNode[depth] = node;
            openStart[depth] = time;
            openOrdinal[depth] = ordinal;
            openDepth = depth + 1;
        }

        void closeFrom(int depth, long time, int ordinal) {
            for (int d = openDepth - 1; d >= depth; d--) {
                if (time - openStart[d] >= minMicros) add(d, openStart[d], time, forest.key[openNode[d]], ordinal - openOrdinal[d]);
            }
            openDepth = Math.min(openDepth, depth);
        }

        private void add(int depth, long from, long to, int k, int count) {
            if (depth >= sizes.length) {
                int n = Math.max(depth + 1, sizes.length * 2);
                starts = Arrays.copyOf(starts, n);
                ends = Arrays.copyOf(ends, n);
                keys = Arrays.copyOf(keys, n);
                counts = Arrays.copyOf(counts, n);
                sizes = Arrays.copyOf(sizes, n);
            }
            int at = sizes[depth];
            if (starts[depth] == null || at == starts[depth].length) {
                int n = starts[depth] == null ? 64 : at * 2;
                starts[depth] = starts[depth] == null ? new long[n] : Arrays.copyOf(starts[depth], n);
                ends[depth] = ends[depth] == null ? new long[n] : Arrays.copyOf(ends[depth], n);
                keys[depth] = keys[depth] == null ? new int[n] : Arrays.copyOf(keys[depth], n);
                counts[depth] = counts[depth] == null ? new int[n] : Arrays.copyOf(counts[depth], n);
            }
            starts[depth][at] = from;
            ends[depth][at] = to;
            keys[depth][at] = k;
            counts[depth][at] = count;
            sizes[depth] = at + 1;
        }

        TimeOrder build(Keys keyTable, int thread, long from, long to) {
            int depths = 0;
            int total = 0;
            for (int d = 0; d < sizes.length; d++) {
                if (sizes[d] > 0) depths = d + 1;
                total += sizes[d];
            }
            long[] start = new long[total], end = new long[total];
            int[] key = new int[total], count = new int[total];
            int[] levelStart = new int[depths + 1];
            int at = 0;
            for (int d = 0; d < depths; d++) {
                levelStart[d] = at;
                int size = sizes[d];
                if (size == 0) continue;
                System.arraycopy(starts[d], 0, start, at, size);
                System.arraycopy(ends[d], 0, end, at, size);
                System.arraycopy(keys[d], 0, key, at, size);
                System.arraycopy(counts[d], 0, count, at, size);
                at += size;
            }
            levelStart[depths] = at;
            return new TimeOrder(keyTable, thread, from, to, start, end, key, count, levelStart);
        }
    }
}
