package dev.pyrometer.model.aggregate;

import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.MemoryTrack;
import dev.pyrometer.model.ProcessInfo;
import dev.pyrometer.model.ProcessTable;
import dev.pyrometer.model.SampleState;
import dev.pyrometer.model.SampleTable;
import dev.pyrometer.model.ThreadTable;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * What the timeline draws for a window of time cut into equal buckets (one per pixel, say): per thread and bucket
 * its samples by category (python / native / system / idle) and how many held the GIL; per bucket the CPU time all
 * threads used and the resident memory (lowest and highest reading). One pass over the samples of the window,
 * found by binary search, plus one over its memory readings. Every thread of the snapshot has a lane, whatever a
 * selection says. A recording that followed subprocesses also gets, per process and bucket, the CPU time its threads
 * used (counted in the same pass, into plain arrays), and each process's facts (start, end) as they were then; a
 * process is in it once one of its threads is (its first sample has arrived). Immutable.
 */
public final class Timeline {
    private static final int CATEGORIES = SampleState.CATEGORY_COUNT;
    /** Per thread and bucket: the four categories, then GIL holders. */
    private static final int SLOTS = CATEGORIES + 1;
    /** More buckets than this are never useful (a 4K screen is 3840 pixels wide) and would only cost memory. */
    public static final int MAX_BUCKETS = 8192;

    private final Snapshot snapshot;
    private final long fromMicros;
    private final long toMicros;
    private final int buckets;
    private final int threads;
    private final int[] lanes;
    private final long[] userMicros;
    private final long[] systemMicros;
    private final long[] memoryLow;
    private final long[] memoryHigh;
    private final long endMicros;
    private final int ticks;
    /** Per thread: the index of its process, or -1 (a recording of one process). */
    private final int[] processOf;
    /** The processes that have a thread in the snapshot, by index, as they were when this was computed. */
    private final ProcessInfo[] processes;
    /** Per process and bucket ({@code process * buckets + bucket}): CPU its threads used, in the table's units. */
    private final long[] processUser;
    private final long[] processSystem;

    private Timeline(Snapshot snapshot, long fromMicros, long toMicros, int buckets, int threads, int[] lanes,
                     long[] userMicros, long[] systemMicros, long[] memoryLow, long[] memoryHigh, long endMicros,
                     int[] processOf, ProcessInfo[] processes, long[] processUser, long[] processSystem) {
        this.snapshot = snapshot;
        this.fromMicros = fromMicros;
        this.toMicros = toMicros;
        this.buckets = buckets;
        this.threads = threads;
        this.lanes = lanes;
        this.userMicros = userMicros;
        this.systemMicros = systemMicros;
        this.memoryLow = memoryLow;
        this.memoryHigh = memoryHigh;
        this.endMicros = endMicros;
        this.processOf = processOf;
        this.processes = processes;
        this.processUser = processUser;
        this.processSystem = processSystem;
        int most = 0;
        for (int t = 0; t < threads; t++) {
            int sum = 0;
            for (int b = 0; b < buckets; b++) sum += samples(t, b);
            most = Math.max(most, sum);
        }
        this.ticks = most;
    }

    /**
     * The window {@code [fromMicros, toMicros)} in {@code buckets} buckets.
     */
    public static Timeline of(Snapshot snapshot, long fromMicros, long toMicros, int buckets, BooleanSupplier cancelled) {
        if (toMicros <= fromMicros) throw new IllegalArgumentException("empty window " + fromMicros + ".." + toMicros);
        buckets = Math.clamp(buckets, 1, MAX_BUCKETS);
        SampleTable samples = snapshot.profile().samples();
        int n = snapshot.samples();
        int threads = snapshot.threads();
        int[] lanes = new int[threads * buckets * SLOTS];
        long[] user = new long[buckets], system = new long[buckets];
        byte[] categoryOf = new byte[256];
        for (int s = 0; s < 256; s++) categoryOf[s] = (byte) SampleState.category(s);
        int[] processOf = processesOf(snapshot.profile().threads(), threads);
        ProcessInfo[] processes = processes(snapshot.profile().processes(), processOf);
        Columns into = new Columns(buckets, threads, categoryOf, lanes, user, system, processOf,
            new long[processes.length * buckets], new long[processes.length * buckets]);
        if (samples.isTimeOrdered()) {
            // Samples in time order: each bucket's first sample is found by binary search, and the pass over the
            // samples reads no times at all.
            int first = samples.firstAtOrAfter(fromMicros, n);
            for (int b = 0; b < buckets; b++) {
                Cancel.check(cancelled);
                long end = b + 1 < buckets ? bucketTime(fromMicros, toMicros, buckets, b + 1) : toMicros;
                int last = samples.firstAtOrAfter(end, n);
                count(samples, first, last, b, into, cancelled);
                first = last;
            }
        } else {
            for (int i = 0; i < n; i++) {
                if ((i & (Cancel.POLL_INTERVAL - 1)) == 0) Cancel.check(cancelled);
                long time = samples.timeMicros(i);
                if (time < fromMicros || time >= toMicros) continue;
                int bucket = bucketAt(fromMicros, toMicros, buckets, time);
                count(samples, i, i + 1, bucket, into, cancelled);
            }
        }
        long[] low = new long[buckets], high = new long[buckets];
        memory(snapshot, fromMicros, toMicros, low, high, cancelled);
        return new Timeline(snapshot, fromMicros, toMicros, buckets, threads, lanes, user, system, low, high,
            endMicros(snapshot), processOf, processes, into.processUser, into.processSystem);
    }

    /** What one pass counts into: the lanes, the whole CPU track and the processes' CPU lines. */
    private record Columns(int buckets, int threads, byte[] categoryOf, int[] lanes, long[] user, long[] system,
                           int[] processOf, long[] processUser, long[] processSystem) { }

    /** Each thread's process index, -1 when it has none. */
    private static int[] processesOf(ThreadTable table, int threads) {
        int[] processOf = new int[threads];
        for (int t = 0; t < threads; t++) processOf[t] = table.process(t);
        return processOf;
    }

    /** The processes up to the last one a thread of the snapshot belongs to (a later one has no sample yet). */
    private static ProcessInfo[] processes(ProcessTable table, int[] processOf) {
        int known = table.size(), count = 0;
        for (int p : processOf) if (p < known) count = Math.max(count, p + 1);
        ProcessInfo[] processes = new ProcessInfo[count];
        for (int p = 0; p < count; p++) processes[p] = table.get(p);
        return processes;
    }

    /** Counts samples {@code [from, to)} into one bucket, a chunk of the columns at a time. */
    private static void count(SampleTable samples, int from, int to, int bucket, Columns into, BooleanSupplier cancelled) {
        int buckets = into.buckets, threads = into.threads;
        byte[] categoryOf = into.categoryOf;
        int[] lanes = into.lanes;
        int processes = into.processUser.length / buckets;
        long userUnits = 0, systemUnits = 0;
        for (int start = from; start < to; ) {
            int chunk = start >>> SampleTable.CHUNK_BITS;
            int base = chunk << SampleTable.CHUNK_BITS;
            int end = Math.min(to, Math.min(base + SampleTable.CHUNK_SIZE, start + Cancel.POLL_INTERVAL));
            char[] threadOf = samples.threadChunk(chunk);
            byte[] stateOf = samples.stateChunk(chunk);
            char[] userOf = samples.userCpuChunk(chunk);
            char[] systemOf = samples.systemCpuChunk(chunk);
            for (int at = start - base, stop = end - base; at < stop; at++) {
                int thread = threadOf[at];
                if (thread >= threads) continue;
                int state = stateOf[at] & 0xFF;
                int slot = (thread * buckets + bucket) * SLOTS;
                lanes[slot + categoryOf[state]]++;
                if ((state & SampleState.GIL) != 0) lanes[slot + CATEGORIES]++;
                userUnits += userOf[at];
                systemUnits += systemOf[at];
            }
            // The processes' CPU lines in a pass of their own over the chunk (still in cache), so that a recording
            // of one process runs the loop above unchanged.
            if (processes > 0) countProcesses(into, bucket, threadOf, userOf, systemOf, start - base, end - base);
            start = end;
            if (start < to) Cancel.check(cancelled);
        }
        into.user[bucket] += userUnits * SampleTable.CPU_UNIT_MICROS;
        into.system[bucket] += systemUnits * SampleTable.CPU_UNIT_MICROS;
    }

    /** Adds the CPU of samples {@code [from, to)} of a chunk to their processes' lines in one bucket. */
    private static void countProcesses(Columns into, int bucket, char[] threadOf, char[] userOf, char[] systemOf,
                                       int from, int to) {
        int buckets = into.buckets, threads = into.threads;
        int[] processOf = into.processOf;
        long[] processUser = into.processUser, processSystem = into.processSystem;
        int processes = processUser.length / buckets;
        for (int at = from; at < to; at++) {
            int thread = threadOf[at];
            if (thread >= threads) continue;
            int process = processOf[thread];
            if (process < 0 || process >= processes) continue;
            processUser[process * buckets + bucket] += userOf[at];
            processSystem[process * buckets + bucket] += systemOf[at];
        }
    }

    /** The first time of bucket {@code b} of a window: the same rounding wherever it is computed. */
    private static long bucketTime(long from, long to, int buckets, int b) {
        return from + (long) Math.floor((double) b * (to - from) / buckets);
    }

    /** The bucket holding a time of the window, consistent with {@link #bucketTime} at the edges. */
    private static int bucketAt(long from, long to, int buckets, long micros) {
        int b = Math.clamp((long) ((double) (micros - from) * buckets / (to - from)), 0, buckets - 1);
        while (b + 1 < buckets && bucketTime(from, to, buckets, b + 1) <= micros) b++;
        while (b > 0 && bucketTime(from, to, buckets, b) > micros) b--;
        return b;
    }

    /**
     * Each bucket's lowest and highest reading; a bucket without one holds the reading before it (memory stays what
     * it was until the next reading), and -1 before the first reading.
     */
    private static void memory(Snapshot snapshot, long from, long to, long[] low, long[] high, BooleanSupplier cancelled) {
        Arrays.fill(low, -1);
        Arrays.fill(high, -1);
        MemoryTrack memory = snapshot.profile().memory();
        int m = snapshot.memory();
        int i = memory.firstAtOrAfter(from, m);
        long carried = i > 0 ? memory.residentBytes(i - 1) : -1;
        int filled = 0;
        for (; i < m; i++) {
            if ((i & (Cancel.POLL_INTERVAL - 1)) == 0) Cancel.check(cancelled);
            long time = memory.timeMicros(i);
            if (time >= to) break;
            int bucket = bucketAt(from, to, low.length, time);
            for (; filled < bucket; filled++) low[filled] = high[filled] = carried;
            long bytes = memory.residentBytes(i);
            if (filled == bucket) {
                low[bucket] = high[bucket] = bytes;
                filled = bucket + 1;
            } else {
                low[bucket] = Math.min(low[bucket], bytes);
                high[bucket] = Math.max(high[bucket], bytes);
            }
            carried = bytes;
        }
        // Past the last reading only up to the end of the recording: nothing is known after it.
        int known = low.length;
        long end = endMicros(snapshot);
        if (end < to) known = end < from ? 0 : bucketAt(from, to, low.length, end) + 1;
        for (; filled < known; filled++) low[filled] = high[filled] = carried;
    }

    /** The time of the last sample or memory reading of a snapshot: how long the recording is so far. */
    public static long endMicros(Snapshot snapshot) {
        SampleTable samples = snapshot.profile().samples();
        long end = 0;
        int n = snapshot.samples();
        if (n > 0 && samples.isTimeOrdered()) {
            end = samples.timeMicros(n - 1);
        } else {
            for (int i = 0; i < n; i++) end = Math.max(end, samples.timeMicros(i));
        }
        int m = snapshot.memory();
        if (m > 0) end = Math.max(end, snapshot.profile().memory().timeMicros(m - 1));
        return end;
    }

    public Snapshot snapshot() { return snapshot; }
    public long fromMicros() { return fromMicros; }
    public long toMicros() { return toMicros; }
    public int buckets() { return buckets; }
    /** Lanes: every thread of the snapshot, by index. */
    public int threads() { return threads; }
    /** The recording's length when this was computed (see {@link #endMicros(Snapshot)}). */
    public long endMicros() { return endMicros; }

    /** The sampler's ticks in the window: the sample count of its most sampled thread. */
    public int ticks() { return ticks; }

    /** The first time of a bucket. */
    public long bucketStart(int bucket) {
        return bucketTime(fromMicros, toMicros, buckets, bucket);
    }

    public double bucketMicros() {
        return (double) (toMicros - fromMicros) / buckets;
    }

    /** The bucket of a time in the window, or -1 outside it. */
    public int bucketOf(long micros) {
        if (micros < fromMicros || micros >= toMicros) return -1;
        return bucketAt(fromMicros, toMicros, buckets, micros);
    }

    /** A thread's samples in a bucket, all states. */
    public int samples(int thread, int bucket) {
        int at = (thread * buckets + bucket) * SLOTS;
        return lanes[at] + lanes[at + 1] + lanes[at + 2] + lanes[at + 3];
    }

    /** A thread's samples in a bucket in one {@link SampleState} category. */
    public int samplesIn(int thread, int bucket, int category) {
        return lanes[(thread * buckets + bucket) * SLOTS + category];
    }

    /** A thread's samples in a bucket that held the GIL. */
    public int gilSamples(int thread, int bucket) {
        return lanes[(thread * buckets + bucket) * SLOTS + CATEGORIES];
    }

    /** The category most of a thread's samples in a bucket fall in (ties: the lower), or -1 without samples. */
    public int dominantCategory(int thread, int bucket) {
        int at = (thread * buckets + bucket) * SLOTS;
        int best = -1, most = 0;
        for (int c = 0; c < CATEGORIES; c++) {
            if (lanes[at + c] > most) {
                most = lanes[at + c];
                best = c;
            }
        }
        return best;
    }

    /** CPU time all threads used in a bucket, in microseconds, as the OS reported it with the samples. */
    public long userMicros(int bucket) { return userMicros[bucket]; }
    public long systemMicros(int bucket) { return systemMicros[bucket]; }

    /** CPU cores in use over a bucket (user and system): 1.0 is one core busy all the time. */
    public double cores(int bucket) {
        return (userMicros[bucket] + systemMicros[bucket]) / bucketMicros();
    }

    /** The lowest and highest resident memory reading in a bucket, in bytes; -1 when unknown. */
    public long memoryLow(int bucket) { return memoryLow[bucket]; }
    public long memoryHigh(int bucket) { return memoryHigh[bucket]; }

    /**
     * The processes a recording that followed subprocesses has met so far (those with a thread in the snapshot), by
     * their index in its process table; 0 for a recording of one process.
     */
    public int processes() { return processes.length; }

    /** A process's facts as they were when this was computed: pid, command line, start, end. */
    public ProcessInfo process(int process) { return processes[process]; }

    /** The index of a thread's process, or -1 when it has none (a recording of one process). */
    public int processOf(int thread) {
        int p = processOf[thread];
        return p < processes.length ? p : -1;
    }

    /** CPU time a process's threads used in a bucket, in microseconds, as the OS reported it with the samples. */
    public long processUserMicros(int process, int bucket) {
        return processUser[process * buckets + bucket] * SampleTable.CPU_UNIT_MICROS;
    }

    public long processSystemMicros(int process, int bucket) {
        return processSystem[process * buckets + bucket] * SampleTable.CPU_UNIT_MICROS;
    }

    /** CPU cores a process used over a bucket (user and system): its own CPU line. */
    public double processCores(int process, int bucket) {
        return (processUserMicros(process, bucket) + processSystemMicros(process, bucket)) / bucketMicros();
    }
}
