package dev.pyrometer.model.aggregate;

import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.FrameTable;
import dev.pyrometer.model.MemoryTrack;
import dev.pyrometer.model.SampleState;
import dev.pyrometer.model.SampleTable;
import dev.pyrometer.model.StackTable;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * Growth and release of the target's resident memory attributed to stacks: the memory counterpart of
 * {@link StackCounts}, from which per-line ({@link LineMemory}) and per-function ({@link KeyMemory}) views derive.
 *
 * <p>The rule (docs/memory.md says why, with measurements): the sampler reads resident memory once per tick, just
 * before it reads the stacks of that tick. The change between two consecutive readings, {@code rss[i] − rss[i−1]},
 * happened while the program went from its stacks at tick {@code i−1} to its stacks at tick {@code i}, so it goes to
 * what those two stacks <em>share</em>: for each thread running at tick {@code i} (those that held the GIL, since
 * Python objects are allocated and freed under it, or all running ones when none did; the change is split evenly
 * between them), the common prefix, outermost first, of its stack at tick {@code i} and its own stack at tick
 * {@code i−1}, compared by function (file, name, first line), with the lines of tick {@code i}. Only frames that were
 * on the stack the whole time can have done it. When the two stacks share nothing the change is split over both
 * ends, half to each. Because every change lands on frames present at both ends, the changes given to a function
 * while it stays on the stack add up to the resident memory at its last tick minus that at its first: memory it
 * grew and freed again (churn) nets out, and what it kept shows. A change at a tick where no thread was running
 * (or no stack could be read) stays unattributed and is counted as such. The first reading is the baseline.
 *
 * <p>Each stack also counts the ticks whose change went to it (changes of zero too): the evidence behind a figure.
 * {@link #jitter()} estimates the track's typical tick-to-tick change; a figure within
 * {@code jitter × √ticks} of zero is noise ({@link #beyondNoise}).
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
    /** Ticks whose change went (in whole or in part) to the stack, indexed like {@link #growth}. */
    private final int[] ticks;
    private final long totalGrowth;
    private final long totalRelease;
    private final long unattributedGrowth;
    private final long unattributedRelease;
    private final int readings;
    private final double jitter;

    private MemoryCounts(Snapshot snapshot, Selection selection, long[] growth, long[] release, int[] ticks,
                         long unattributedGrowth, long unattributedRelease, int readings, double jitter) {
        this.snapshot = snapshot;
        this.selection = selection;
        this.growth = growth;
        this.release = release;
        this.ticks = ticks;
        this.unattributedGrowth = unattributedGrowth;
        this.unattributedRelease = unattributedRelease;
        this.readings = readings;
        this.jitter = jitter;
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
        int[] ticks = new int[stacks];
        MemoryTrack memory = snapshot.profile().memory();
        SampleTable samples = snapshot.profile().samples();
        int m = snapshot.memory();
        int n = snapshot.samples();
        if (m < 2 || n == 0 || !samples.isTimeOrdered()) {
            return new MemoryCounts(snapshot, selection, growth, release, ticks, 0, 0, m, 0);
        }
        int first = Math.max(1, selection.fromMicros() == Selection.START ? 1 : memory.firstAtOrAfter(selection.fromMicros(), m));
        int last = selection.toMicros() == Selection.END ? m : memory.firstAtOrAfter(selection.toMicros(), m);
        Attribution into = new Attribution(snapshot, selection, growth, release, ticks);
        if (first >= last) return new MemoryCounts(snapshot, selection, growth, release, ticks, 0, 0, m, 0);

        // The tick before the range only tells each thread where it was.
        int s = samples.firstAtOrAfter(memory.timeMicros(first - 1), n);
        s = into.remember(s, memory.timeMicros(first), first - 1);
        long lostGrowth = 0, lostRelease = 0;
        long previous = memory.residentBytes(first - 1);
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
                if (SampleState.isIdle(state)) continue;
                running++;
                if (SampleState.holdsGil(state)) holding++;
            }
            // The GIL holders get it when there are any; else every running thread.
            boolean gilFirst = holding > 0;
            if (gilFirst) running = holding;
            if (running == 0) {
                if (delta > 0) lostGrowth += delta;
                else lostRelease -= delta;
            } else {
                long each = delta / running;
                long remainder = delta - each * running;
                for (int j = s; j < e; j++) {
                    int state = samples.state(j);
                    if (SampleState.isIdle(state) || (gilFirst && !SampleState.holdsGil(state))) continue;
                    into.give(j, i, each + remainder);
                    remainder = 0;
                }
            }
            s = into.remember(s, end, i);
        }
        double jitter = Jitter.of(memory, first - 1, last);
        return new MemoryCounts(snapshot, selection, growth, release, ticks, lostGrowth, lostRelease, m, jitter);
    }

    /** Gives a tick's change to the frames a thread's stacks at both ends share; keeps where each thread was. */
    private static final class Attribution {
        private final SampleTable samples;
        private final StackTable stackTable;
        private final FrameTable frames;
        private final Selection selection;
        private final boolean[] threadSelected;
        private final long[] growth, release;
        private final int[] ticks;
        /** Per thread: its stack, sample and tick when last seen. */
        private final int[] lastStack, lastSample, lastTick;
        private int[] pathA = new int[64], pathB = new int[64];

        Attribution(Snapshot snapshot, Selection selection, long[] growth, long[] release, int[] ticks) {
            this.samples = snapshot.profile().samples();
            this.stackTable = snapshot.profile().stacks();
            this.frames = snapshot.profile().frames();
            this.selection = selection;
            this.threadSelected = selection.threadMask();
            this.growth = growth;
            this.release = release;
            this.ticks = ticks;
            int threads = Math.max(snapshot.threads(), 1);
            this.lastStack = new int[threads];
            this.lastSample = new int[threads];
            this.lastTick = new int[threads];
            Arrays.fill(lastTick, -2);
        }

        /** Notes where each thread was at tick {@code tick} (samples from {@code s} up to {@code end}); the next index. */
        int remember(int s, long end, int tick) {
            int n = samples.size();
            for (; s < n && samples.timeMicros(s) < end; s++) {
                int t = samples.thread(s);
                if (t >= lastStack.length) continue;
                lastStack[t] = samples.stack(s);
                lastSample[t] = s;
                lastTick[t] = tick;
            }
            return s;
        }

        /** The change {@code bytes} of tick {@code tick}, for the thread of sample {@code j}. */
        void give(int j, int tick, long bytes) {
            int t = samples.thread(j);
            int now = samples.stack(j);
            if (t >= lastStack.length || lastTick[t] != tick - 1) {
                keep(j, now, bytes); // a thread new at this tick: its stack is all there is
                return;
            }
            int before = lastStack[t];
            int shared = before == now ? now : shared(before, now);
            if (shared != StackTable.EMPTY) {
                keep(j, shared, bytes);
            } else {
                long half = bytes / 2;
                keep(lastSample[t], before, half);
                keep(j, now, bytes - half);
            }
        }

        private void keep(int sample, int stack, long bytes) {
            int state = samples.state(sample);
            if (!threadSelected[samples.thread(sample)] || !selection.includesState(state) || SampleState.isIdle(state)
                || !selection.includesTime(samples.timeMicros(sample))) {
                return;
            }
            if (bytes > 0) growth[stack + 1] += bytes;
            else release[stack + 1] -= bytes;
            ticks[stack + 1]++;
        }

        /** The longest common prefix of two stacks by function, as a prefix of {@code now}; EMPTY when none. */
        private int shared(int before, int now) {
            int da = stackTable.depth(before), db = stackTable.depth(now);
            if (pathA.length < da) pathA = new int[Math.max(da, pathA.length * 2)];
            if (pathB.length < db) pathB = new int[Math.max(db, pathB.length * 2)];
            for (int id = before, d = da - 1; id != StackTable.EMPTY; id = stackTable.parent(id), d--) pathA[d] = id;
            for (int id = now, d = db - 1; id != StackTable.EMPTY; id = stackTable.parent(id), d--) pathB[d] = id;
            int shared = StackTable.EMPTY;
            for (int d = 0; d < Math.min(da, db); d++) {
                int fa = stackTable.frame(pathA[d]), fb = stackTable.frame(pathB[d]);
                if (fa != fb && !(frames.file(fa) == frames.file(fb) && frames.function(fa) == frames.function(fb)
                    && frames.firstLine(fa) == frames.firstLine(fb))) {
                    break;
                }
                shared = pathB[d];
            }
            return shared;
        }
    }

    public Snapshot snapshot() { return snapshot; }
    public Selection selection() { return selection; }

    /** True when the profile has a memory track to attribute (two readings or more). */
    public boolean hasMemory() { return readings >= 2; }

    /** Bytes of growth given to the selected samples of a stack ({@link dev.pyrometer.model.StackTable#EMPTY} too). */
    public long growth(int stack) { return growth[stack + 1]; }

    /** Bytes of release (a positive number) given to the selected samples of a stack. */
    public long release(int stack) { return release[stack + 1]; }

    /** Ticks whose change (zero or not) went to a stack: how much evidence its bytes rest on. */
    public int ticks(int stack) { return ticks[stack + 1]; }

    /** All growth given to selected samples. */
    public long totalGrowth() { return totalGrowth; }
    public long totalRelease() { return totalRelease; }

    /** Growth and release in the time range that happened while no thread was running; no sample holds them. */
    public long unattributedGrowth() { return unattributedGrowth; }
    public long unattributedRelease() { return unattributedRelease; }

    /** The number of stacks covered: stack ids run from -1 to {@code stackCount() - 1}. */
    public int stackCount() { return growth.length - 1; }

    /** The memory track's typical change from one tick to the next over the selected time, in bytes (see {@link Jitter}). */
    public double jitter() { return jitter; }

    /** True when a net change over {@code ticks} ticks is larger than the track's jitter could make it: a finding. */
    public boolean beyondNoise(long net, int ticks) {
        return Jitter.beyond(jitter, net, ticks);
    }
}
