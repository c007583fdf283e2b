package dev.pyrometer.sampler.memory;

/**
 * Reads ahead, in one system call at the start of a tick, every range of the target that the previous tick read,
 * and answers the reads of the new tick from it.
 *
 * <p>A sampler reads nearly the same memory at every tick: the interpreter's words, the thread states, the live
 * part of each data stack, the same code objects. Replaying last tick's reads as one batch makes the steady state
 * one {@code process_vm_readv} per tick instead of one per structure; whatever the new tick needs beyond that is
 * read on demand ({@link #fetch}) and planned for the next one. Data read ahead is as fresh as data read one by one
 * (all of it is copied within a few microseconds), and every reader still validates what it finds.
 *
 * <p>A range may be kept in the plan for some ticks after its last use ({@link #plan(long, long, int)}): code objects
 * that come and go at the top of a stack are then still read ahead when they come back. Planned ranges are sorted
 * and those close together merged, because the kernel's cost is mostly per iovec, not per byte (here about 0.4 µs
 * per iovec and 0.3 µs per 4 KiB page). A range that cannot be read (memory freed since the last tick) is skipped
 * and the read goes on past it. Nothing here allocates; not thread-safe.
 */
public final class Prefetch {
    /** Ranges a tick may plan; the rest are read on demand only. */
    public static final int MAX_PLANNED = 2048;
    /**
     * Ranges closer than this are read as one. Less than a page, so a merged read touches no page that holds no
     * wanted byte: it fails only where one of the wanted ranges would have.
     */
    static final int MERGE_GAP = 2048;
    private static final int INDEX_BITS = 11;

    private final RemoteMemory memory;
    private final int regionAt;
    private final int regionSize;

    // The plan: ranges and the last tick they are wanted at; packed holds (start << INDEX_BITS | index) for sorting.
    private long[] planStart = new long[MAX_PLANNED];
    private long[] planEnd = new long[MAX_PLANNED];
    private long[] planUntil = new long[MAX_PLANNED];
    private long[] nextStart = new long[MAX_PLANNED];
    private long[] nextEnd = new long[MAX_PLANNED];
    private long[] nextUntil = new long[MAX_PLANNED];
    private final long[] packed = new long[MAX_PLANNED];
    private int planned;
    private long tick;

    // Read at the last read(): sorted by address, disjoint, laid out one after another from regionAt.
    private final long[] start = new long[RemoteMemory.MAX_BATCH];
    private final long[] end = new long[RemoteMemory.MAX_BATCH];
    private final int[] at = new int[RemoteMemory.MAX_BATCH];
    private final boolean[] valid = new boolean[RemoteMemory.MAX_BATCH];
    private int ranges;
    private long systemCalls;
    private boolean bypassed;

    /** Uses {@code memory}'s buffer from {@code regionAt} for {@code regionSize} bytes. */
    public Prefetch(RemoteMemory memory, int regionAt, int regionSize) {
        this.memory = memory;
        this.regionAt = regionAt;
        this.regionSize = regionSize;
    }

    /** Asks for {@code [address, address + length)} at the next {@link #read}. */
    public void plan(long address, long length) {
        plan(address, length, 1);
    }

    /** Asks for {@code [address, address + length)} at each of the next {@code ticks} reads. */
    public void plan(long address, long length, int ticks) {
        if (planned == MAX_PLANNED || address == 0 || length <= 0 || length > regionSize) return;
        planStart[planned] = address;
        planEnd[planned] = address + length;
        planUntil[planned] = tick + ticks;
        planned++;
    }

    /**
     * Reads every planned range (one system call, plus one for each range that fails); ranges not wanted beyond
     * this read leave the plan. After it, {@link #find} answers from what was read.
     */
    public void read() {
        tick++;
        merge();
        int first = 0;
        while (first < ranges) {
            long got = memory.readBatchFrom(first);
            systemCalls++;
            if (got < 0 && memory.lastError() != Libc.EFAULT) {
                for (int i = first; i < ranges; i++) valid[i] = false;
                return; // no rights or no process: every read will say so on its own
            }
            long covered = at[first] + Math.max(got, 0);
            int i = first;
            while (i < ranges && at[i] + (end[i] - start[i]) <= covered) valid[i++] = true;
            if (i < ranges) valid[i] = false; // where the kernel stopped: skip it, go on after it
            first = i + 1;
        }
    }

    /** While bypassed, {@link #find} finds nothing: every read is made afresh (to retry a torn one). */
    public void bypass(boolean bypass) {
        bypassed = bypass;
    }

    /** The buffer offset of {@code [address, address + length)} if the last read holds all of it, else -1. */
    public int find(long address, int length) {
        if (bypassed) return -1;
        int lo = 0;
        int hi = ranges - 1;
        while (lo <= hi) { // the last range starting at or before address
            int mid = (lo + hi) >>> 1;
            if (start[mid] <= address) lo = mid + 1;
            else hi = mid - 1;
        }
        if (hi < 0 || !valid[hi] || address + length > end[hi]) return -1;
        return at[hi] + (int) (address - start[hi]);
    }

    /**
     * The buffer offset of {@code [address, address + length)}: from the read-ahead, or read now to
     * {@code fallbackAt}; -1 if it cannot be read ({@link RemoteMemory#lastError()} says why). Plans it for the
     * next tick when it could be read.
     */
    public int fetch(long address, int length, int fallbackAt) {
        return fetch(address, length, fallbackAt, 1);
    }

    /** {@link #fetch(long, int, int)}, planning the range for the next {@code keepTicks} reads. */
    public int fetch(long address, int length, int fallbackAt, int keepTicks) {
        int found = find(address, length);
        if (found < 0) {
            if (!memory.read(address, length, fallbackAt)) return -1;
            found = fallbackAt;
        }
        plan(address, length, keepTicks);
        return found;
    }

    /** process_vm_readv calls made by {@link #read} so far. */
    public long systemCalls() {
        return systemCalls;
    }

    /** Ranges (after merging) read by the last {@link #read}. */
    public int ranges() {
        return ranges;
    }

    /**
     * Sorts the plan, keeps in it (once each) the ranges wanted beyond this tick, merges close ranges and queues
     * them as one batch laid out from regionAt.
     */
    private void merge() {
        for (int i = 0; i < planned; i++) packed[i] = planStart[i] << INDEX_BITS | i;
        shellSort(packed, planned);
        ranges = 0;
        int used = 0;
        int kept = 0;
        for (int k = 0; k < planned; k++) {
            int i = (int) (packed[k] & ((1 << INDEX_BITS) - 1));
            long s = planStart[i];
            long e = planEnd[i];
            if (planUntil[i] > tick) {
                if (kept > 0 && nextStart[kept - 1] == s && nextEnd[kept - 1] == e) {
                    nextUntil[kept - 1] = Math.max(nextUntil[kept - 1], planUntil[i]);
                } else {
                    nextStart[kept] = s;
                    nextEnd[kept] = e;
                    nextUntil[kept] = planUntil[i];
                    kept++;
                }
            }
            if (ranges > 0 && s <= end[ranges - 1] + MERGE_GAP) {
                if (e > end[ranges - 1]) {
                    long grown = e - end[ranges - 1];
                    if (used + grown > regionSize) continue;
                    end[ranges - 1] = e;
                    used += (int) grown;
                }
                continue;
            }
            if (ranges == RemoteMemory.MAX_BATCH || used + (e - s) > regionSize) continue;
            start[ranges] = s;
            end[ranges] = e;
            at[ranges] = regionAt + used;
            used += (int) (e - s);
            ranges++;
        }
        long[] swap = planStart;
        planStart = nextStart;
        nextStart = swap;
        swap = planEnd;
        planEnd = nextEnd;
        nextEnd = swap;
        swap = planUntil;
        planUntil = nextUntil;
        nextUntil = swap;
        planned = kept;
        memory.beginBatch(regionAt);
        for (int r = 0; r < ranges; r++) memory.add(start[r], (int) (end[r] - start[r]));
    }

    /** Sorts {@code a[0..n)} in place without allocating (plans are small and often nearly sorted). */
    static void shellSort(long[] a, int n) {
        int gap = 1;
        while (gap < n / 3) gap = 3 * gap + 1;
        for (; gap > 0; gap /= 3) {
            for (int i = gap; i < n; i++) {
                long v = a[i];
                int j = i;
                for (; j >= gap && a[j - gap] > v; j -= gap) a[j] = a[j - gap];
                a[j] = v;
            }
        }
    }
}
