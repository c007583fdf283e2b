package dev.pyrometer.model.aggregate;

import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.MemoryTrack;
import dev.pyrometer.model.SampleState;
import dev.pyrometer.model.SampleTable;
import java.util.function.BooleanSupplier;

/**
 * Growth and release of the target's resident memory attributed to stacks: the memory counterpart of
 * {@link StackCounts}, from which per-line ({@link LineMemory}) and per-function ({@link KeyMemory}) views derive.
 *
 * <p>The rule: the sampler reads resident memory once per tick, just before it reads the stacks of that tick. The
 * change between two consecutive readings, {@code rss[i] − rss[i−1]}, happened while the program ran towards tick
 * {@code i}, so it goes to the threads that were <em>running</em> at tick {@code i} (the samples taken from reading
 * {@code i} up to the next reading): to those of them that held the GIL, since Python objects are allocated and freed
 * under it, or to all of them when none did (native code that released it, a free-threaded build). The bytes are
 * split evenly between those threads (the remainder of the division goes to the first). A thread that was waiting
 * cannot have allocated, so idle samples never get any. A change at a tick where no thread was running (or no stack
 * could be read) stays unattributed and is counted as such. The first reading is the baseline: memory the process
 * held before the recording is nobody's growth. Like every sampled measure, it is exact only on average: memory
 * freed in a burst shorter than a tick is seen at the next tick, by whatever runs then.
 *
 * <p>The attribution is made over all threads; the selection then keeps the shares of its threads, time range and
 * states, so a range or thread filter shows exactly the memory its samples were given. Needs samples in time order
 * (as samplers write them); other profiles, and profiles without a memory track, count nothing. Immutable.
 */
public final class MemoryCounts {
    private final Snapshot snapshot;
    private final Selection selection;
    /** Bytes per stack, indexed by {@code stack + 1} ({@link dev.pyrometer.model.StackTable#EMPTY} first). */
    private final long[] growth;
    private final long[] release;
    private final long totalGrowth;
    private final long totalRelease;
    private final long unattributedGrowth;
    private final long unattributedRelease;
    private final int readings;

    private MemoryCounts(Snapshot snapshot, Selection selection, long[] growth, long[] release, long unattributedGrowth,
                         long unattributedRelease, int readings) {
        this.snapshot = snapshot;
        this.selection = selection;
        this.growth = growth;
        this.release = release;
        this.unattributedGrowth = unattributedGrowth;
        this.unattributedRelease = unattributedRelease;
        this.readings = readings;
        long g = 0, r = 0;
        for (int i = 0; i < growth.length; i++) {
            g += growth[i];
            r += release[i];
        }
        this.totalGrowth = g;
        this.totalRelease = r;
    }

    public static MemoryCounts of(Snapshot snapshot, Selection selection, BooleanSupplier cancelled) {
        int stacks = snapshot.stacks() + 1;
        long[] growth = new long[stacks];
        long[] release = new long[stacks];
        MemoryTrack memory = snapshot.profile().memory();
        SampleTable samples = snapshot.profile().samples();
        int m = snapshot.memory();
        int n = snapshot.samples();
        if (m < 2 || n == 0 || !samples.isTimeOrdered()) return new MemoryCounts(snapshot, selection, growth, release, 0, 0, m);

        boolean[] threadSelected = selection.threadMask();
        // Which states get a share (running), and which of those the selection keeps.
        boolean[] shares = new boolean[256];
        boolean[] kept = new boolean[256];
        for (int s = 0; s < 256; s++) {
            shares[s] = !SampleState.isIdle(s);
            kept[s] = shares[s] && (!selection.gilOnly() || SampleState.holdsGil(s));
        }
        int first = Math.max(1, selection.fromMicros() == Selection.START ? 1 : memory.firstAtOrAfter(selection.fromMicros(), m));
        int last = selection.toMicros() == Selection.END ? m : memory.firstAtOrAfter(selection.toMicros(), m);
        long lostGrowth = 0, lostRelease = 0;
        int s = first < last ? samples.firstAtOrAfter(memory.timeMicros(first), n) : n;
        long previous = first < last ? memory.residentBytes(first - 1) : 0;
        for (int i = first; i < last; i++) {
            if ((i & 1023) == 0) Cancel.check(cancelled);
            long start = memory.timeMicros(i);
            long end = i + 1 < m ? memory.timeMicros(i + 1) : Long.MAX_VALUE;
            long delta = memory.residentBytes(i) - previous;
            previous = memory.residentBytes(i);
            while (s < n && samples.timeMicros(s) < start) s++;
            int e = s, running = 0, holding = 0;
            for (; e < n && samples.timeMicros(e) < end; e++) {
                int state = samples.state(e);
                if (!shares[state]) continue;
                running++;
                if (SampleState.holdsGil(state)) holding++;
            }
            // The GIL holders get it when there are any; else every running thread.
            boolean gilFirst = holding > 0;
            if (gilFirst) running = holding;
            if (delta != 0 && running == 0) {
                if (delta > 0) lostGrowth += delta;
                else lostRelease -= delta;
            } else if (delta != 0) {
                long each = delta / running;
                long remainder = delta - each * running;
                long[] into = delta > 0 ? growth : release;
                int sign = delta > 0 ? 1 : -1;
                for (int j = s; j < e; j++) {
                    int state = samples.state(j);
                    if (!shares[state] || (gilFirst && !SampleState.holdsGil(state))) continue;
                    long amount = each + remainder;
                    remainder = 0;
                    if (kept[state] && threadSelected[samples.thread(j)]) into[samples.stack(j) + 1] += sign * amount;
                }
            }
            s = e;
        }
        return new MemoryCounts(snapshot, selection, growth, release, lostGrowth, lostRelease, m);
    }

    public Snapshot snapshot() { return snapshot; }
    public Selection selection() { return selection; }

    /** True when the profile has a memory track to attribute (two readings or more). */
    public boolean hasMemory() { return readings >= 2; }

    /** Bytes of growth given to the selected samples of a stack ({@link dev.pyrometer.model.StackTable#EMPTY} too). */
    public long growth(int stack) { return growth[stack + 1]; }

    /** Bytes of release (a positive number) given to the selected samples of a stack. */
    public long release(int stack) { return release[stack + 1]; }

    /** All growth given to selected samples. */
    public long totalGrowth() { return totalGrowth; }
    public long totalRelease() { return totalRelease; }

    /** Growth and release in the time range that happened while no thread was running; no sample holds them. */
    public long unattributedGrowth() { return unattributedGrowth; }
    public long unattributedRelease() { return unattributedRelease; }

    /** The number of stacks covered: stack ids run from -1 to {@code stackCount() - 1}. */
    public int stackCount() { return growth.length - 1; }
}
