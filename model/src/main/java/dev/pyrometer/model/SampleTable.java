package dev.pyrometer.model;

import java.util.Arrays;

/**
 * Sample columns in primitive arrays that grow a chunk at a time (old chunks are never copied).
 *
 * <p>Per sample: time (32 bits of microseconds after its chunk's first sample; the rare sample that does not fit,
 * more than 71 minutes later or earlier than that, goes to a small side table), thread (16 bits), stack (32 bits),
 * state bits (8 bits), user and system CPU deltas (16 bits each, in units of {@value #CPU_UNIT_MICROS} µs,
 * saturating at 655 ms). That is 15 bytes a sample. One writer appends; readers see samples below {@link #size()}.
 */
public final class SampleTable {
    public static final int CHUNK_BITS = 16;
    public static final int CHUNK_SIZE = 1 << CHUNK_BITS;
    public static final int CHUNK_MASK = CHUNK_SIZE - 1;
    public static final int CPU_UNIT_MICROS = 10;
    /** Bytes a sample takes in the columns. */
    public static final int BYTES_PER_SAMPLE = 15;
    private static final int OUT_OF_CHUNK = -1;

    private long[] chunkBase = new long[16];
    private int[][] timeOffset = new int[16][];
    private char[][] thread = new char[16][];
    private int[][] stack = new int[16][];
    private byte[][] state = new byte[16][];
    private char[][] userCpu = new char[16][];
    private char[][] systemCpu = new char[16][];

    /** Times that do not fit their chunk's 32-bit offset, by sample index (ascending). */
    private int[] farIndex = new int[8];
    private long[] farTime = new long[8];
    private volatile int farSize;

    private long lastTime = Long.MIN_VALUE;
    private volatile boolean timeOrdered = true;
    private volatile int size;

    /** Writer only. Times are microseconds since the recording started. */
    public void add(long timeMicros, int threadIndex, int stackId, int stateBits, int userMicros, int systemMicros) {
        int i = size;
        int chunk = i >>> CHUNK_BITS;
        int at = i & CHUNK_MASK;
        if (at == 0) addChunk(chunk, timeMicros);
        long offset = timeMicros - chunkBase[chunk];
        if (offset >= 0 && offset < 0xFFFF_FFFFL) {
            timeOffset[chunk][at] = (int) offset;
        } else {
            timeOffset[chunk][at] = OUT_OF_CHUNK;
            addFar(i, timeMicros);
        }
        thread[chunk][at] = (char) threadIndex;
        stack[chunk][at] = stackId;
        state[chunk][at] = (byte) stateBits;
        userCpu[chunk][at] = cpuUnits(userMicros);
        systemCpu[chunk][at] = cpuUnits(systemMicros);
        if (timeMicros < lastTime) timeOrdered = false;
        lastTime = timeMicros;
        size = i + 1;
    }

    public int size() { return size; }

    public long timeMicros(int i) {
        int c = i >>> CHUNK_BITS;
        int offset = timeOffset[c][i & CHUNK_MASK];
        if (offset != OUT_OF_CHUNK) return chunkBase[c] + (offset & 0xFFFF_FFFFL);
        // The size first: the arrays read after it are at least as long, though the writer may be replacing them.
        int n = farSize;
        int[] index = farIndex;
        return farTime[Arrays.binarySearch(index, 0, n, i)];
    }

    public int thread(int i) { return thread[i >>> CHUNK_BITS][i & CHUNK_MASK]; }
    public int stack(int i) { return stack[i >>> CHUNK_BITS][i & CHUNK_MASK]; }
    public int state(int i) { return state[i >>> CHUNK_BITS][i & CHUNK_MASK] & 0xFF; }
    public int userMicros(int i) { return userCpu[i >>> CHUNK_BITS][i & CHUNK_MASK] * CPU_UNIT_MICROS; }
    public int systemMicros(int i) { return systemCpu[i >>> CHUNK_BITS][i & CHUNK_MASK] * CPU_UNIT_MICROS; }

    /**
     * True while every sample so far came no earlier than the one before it (samplers append in time order), which
     * lets a time range be found by binary search. Read {@link #size()} before this.
     */
    public boolean isTimeOrdered() { return timeOrdered; }

    /**
     * Seconds from the earliest to the latest of the samples below {@code size}: a load report's duration. Time-ordered
     * tables need only their ends; others (imports, rare) are scanned. 0 for fewer than two samples.
     */
    public double spanSeconds(int size) {
        if (size < 2) return 0;
        if (isTimeOrdered()) return (timeMicros(size - 1) - timeMicros(0)) / 1e6;
        long first = Long.MAX_VALUE, last = Long.MIN_VALUE;
        for (int i = 0; i < size; i++) {
            long time = timeMicros(i);
            first = Math.min(first, time);
            last = Math.max(last, time);
        }
        return (last - first) / 1e6;
    }

    /** The first index in {@code [0, size)} whose time is at or after {@code micros}; only when time-ordered. */
    public int firstAtOrAfter(long micros, int size) {
        int lo = 0, hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (timeMicros(mid) < micros) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /**
     * The stack column of one chunk, for aggregations that scan millions of samples: read entries
     * {@code [0, min(CHUNK_SIZE, size - chunk * CHUNK_SIZE))}.
     */
    public int[] stackChunk(int chunk) { return stack[chunk]; }
    public char[] threadChunk(int chunk) { return thread[chunk]; }
    public byte[] stateChunk(int chunk) { return state[chunk]; }
    /** CPU columns of one chunk, in units of {@value #CPU_UNIT_MICROS} µs. */
    public char[] userCpuChunk(int chunk) { return userCpu[chunk]; }
    public char[] systemCpuChunk(int chunk) { return systemCpu[chunk]; }

    /** Bytes held by the sample columns, for the memory benchmark. */
    public long footprintBytes() {
        int chunks = (size + CHUNK_MASK) >>> CHUNK_BITS;
        return (long) chunks * CHUNK_SIZE * BYTES_PER_SAMPLE + (long) farIndex.length * 12 + chunkBase.length * 8L;
    }

    private static char cpuUnits(int micros) {
        if (micros <= 0) return 0;
        return (char) Math.min(0xFFFF, (micros + CPU_UNIT_MICROS / 2) / CPU_UNIT_MICROS);
    }

    private void addFar(int index, long time) {
        int n = farSize;
        if (n == farIndex.length) {
            farIndex = Arrays.copyOf(farIndex, n * 2);
            farTime = Arrays.copyOf(farTime, n * 2);
        }
        farIndex[n] = index;
        farTime[n] = time;
        farSize = n + 1;
    }

    private void addChunk(int chunk, long firstTime) {
        if (chunk == stack.length) {
            int n = chunk * 2;
            chunkBase = Arrays.copyOf(chunkBase, n);
            timeOffset = Arrays.copyOf(timeOffset, n);
            thread = Arrays.copyOf(thread, n);
            stack = Arrays.copyOf(stack, n);
            state = Arrays.copyOf(state, n);
            userCpu = Arrays.copyOf(userCpu, n);
            systemCpu = Arrays.copyOf(systemCpu, n);
        }
        chunkBase[chunk] = firstTime;
        timeOffset[chunk] = new int[CHUNK_SIZE];
        thread[chunk] = new char[CHUNK_SIZE];
        stack[chunk] = new int[CHUNK_SIZE];
        state[chunk] = new byte[CHUNK_SIZE];
        userCpu[chunk] = new char[CHUNK_SIZE];
        systemCpu[chunk] = new char[CHUNK_SIZE];
    }
}
