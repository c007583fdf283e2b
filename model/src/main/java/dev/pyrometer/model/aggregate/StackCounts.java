package dev.pyrometer.model.aggregate;

import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.SampleState;
import dev.pyrometer.model.SampleTable;
import dev.pyrometer.model.StackTable;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * The selected samples counted per stack and per category (python / native / system / idle): one pass over the
 * sample columns that every other aggregation starts from. Compute it once per selection and derive call trees,
 * flame graphs, hot lists and line heat from it. Immutable.
 */
public final class StackCounts {
    private static final int CATEGORIES = SampleState.CATEGORY_COUNT;

    private final Snapshot snapshot;
    private final Selection selection;
    /** Index {@code (stack + 1) * CATEGORIES + category}; stack -1 ({@link StackTable#EMPTY}) comes first. */
    private final int[] counts;
    private final int[] byCategory;
    private final int[] inRange;
    private final int total;
    private final int ticks;
    private final long firstMicros;
    private final long lastMicros;

    private StackCounts(Snapshot snapshot, Selection selection, int[] counts, int[] inRange, int ticks, long firstMicros,
                        long lastMicros) {
        this.snapshot = snapshot;
        this.selection = selection;
        this.counts = counts;
        this.inRange = inRange;
        this.ticks = ticks;
        this.firstMicros = firstMicros;
        this.lastMicros = lastMicros;
        this.byCategory = new int[CATEGORIES];
        for (int i = 0; i < counts.length; i++) byCategory[i % CATEGORIES] += counts[i];
        this.total = Arrays.stream(byCategory).sum();
    }

    /** Counts a fresh snapshot of a profile. */
    public static StackCounts of(dev.pyrometer.model.Profile profile, Selection selection, BooleanSupplier cancelled) {
        return of(Snapshot.of(profile), selection, cancelled);
    }

    public static StackCounts of(Snapshot snapshot, Selection selection, BooleanSupplier cancelled) {
        SampleTable samples = snapshot.profile().samples();
        int n = snapshot.samples();
        SampleWindow window = SampleWindow.of(samples, n, selection);
        int from = window.from(), to = window.to();
        boolean checkTime = window.checkTime();
        byte[] categoryOfState = SampleWindow.categoryOfState(selection);
        boolean[] threadSelected = selection.threadMask();
        byte[] categoryAlways = new byte[256];
        for (int s = 0; s < 256; s++) categoryAlways[s] = (byte) SampleState.category(s);
        int[] inRange = new int[CATEGORIES];
        int[] perThread = new int[1 << 16];
        int[] counts = new int[(snapshot.stacks() + 1) * CATEGORIES];
        long first = Long.MAX_VALUE, last = Long.MIN_VALUE;

        for (int start = from; start < to; ) {
            Cancel.check(cancelled);
            int chunk = start >>> SampleTable.CHUNK_BITS;
            int base = chunk << SampleTable.CHUNK_BITS;
            int end = Math.min(to, Math.min(base + SampleTable.CHUNK_SIZE, start + Cancel.POLL_INTERVAL));
            int[] stacks = samples.stackChunk(chunk);
            char[] threads = samples.threadChunk(chunk);
            byte[] states = samples.stateChunk(chunk);
            for (int i = start; i < end; i++) {
                int at = i - base;
                if (checkTime) {
                    long time = samples.timeMicros(i);
                    if (!selection.includesTime(time)) continue;
                    first = Math.min(first, time);
                    last = Math.max(last, time);
                }
                int thread = threads[at];
                perThread[thread]++;
                if (!threadSelected[thread]) continue;
                inRange[categoryAlways[states[at] & 0xFF]]++;
                int category = categoryOfState[states[at] & 0xFF];
                if (category < 0) continue;
                counts[(stacks[at] + 1) * CATEGORIES + category]++;
            }
            start = end;
        }
        if (!checkTime && from < to) {
            first = samples.timeMicros(from);
            last = samples.timeMicros(to - 1);
        }
        int ticks = 0;
        for (int t = 0; t < perThread.length; t++) ticks = Math.max(ticks, perThread[t]);
        return new StackCounts(snapshot, selection, counts, inRange, ticks, first, last);
    }

    public Snapshot snapshot() { return snapshot; }
    public Selection selection() { return selection; }

    /** Selected samples of a stack ({@link StackTable#EMPTY} for samples without Python frames). */
    public int count(int stack) {
        int at = (stack + 1) * CATEGORIES;
        return counts[at] + counts[at + 1] + counts[at + 2] + counts[at + 3];
    }

    public int count(int stack, int category) {
        return counts[(stack + 1) * CATEGORIES + category];
    }

    /** All selected samples. */
    public int total() { return total; }

    public int total(int category) { return byCategory[category]; }

    /**
     * Samples of the selected threads in the time range in one category, whatever the selection says about idle
     * samples and the GIL: the python / native / system / idle breakdown of a selection.
     */
    public int inRange(int category) { return inRange[category]; }

    /** The number of stacks covered: stack ids run from -1 to {@code stackCount() - 1}. */
    public int stackCount() { return counts.length / CATEGORIES - 1; }

    /**
     * The sampler ticks in the time range: the sample count of the most sampled thread, whatever its state and
     * whether or not it is selected. A node's samples divided by this is thread-seconds per second of wall clock.
     */
    public int ticks() { return ticks; }

    /** Time of the first and last sample in the time range (any thread), or MAX/MIN_VALUE when there is none. */
    public long firstMicros() { return firstMicros; }
    public long lastMicros() { return lastMicros; }

    /** The same counts with idle samples left out (what {@link Transform.HideIdle} does). */
    public StackCounts withoutIdle() {
        if (byCategory[SampleState.CATEGORY_IDLE] == 0) return this;
        int[] copy = counts.clone();
        for (int i = SampleState.CATEGORY_IDLE; i < copy.length; i += CATEGORIES) copy[i] = 0;
        return new StackCounts(snapshot, selection.withIdle(false), copy, inRange, ticks, firstMicros, lastMicros);
    }

    /** The raw per-stack, per-category array for aggregations in this package. */
    int[] rawCounts() { return counts; }
}
