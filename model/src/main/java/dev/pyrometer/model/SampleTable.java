package dev.pyrometer.model;

import java.util.Arrays;

/**
 * Sample columns in primitive arrays that grow a chunk at a time (old chunks are never copied).
 *
 * <p>Per sample: time (40 bits of microseconds since the start: 12 days), thread (16 bits), stack (32 bits), state
 * bits (8 bits), user and system CPU deltas (16 bits each, in units of {@value #CPU_UNIT_MICROS} µs, saturating at
 * 655 ms). That is 16 bytes a sample. One writer appends; readers see samples below {@link #size()}.
 */
public final class SampleTable {
    public static final int CHUNK_BITS = 16;
    public static final int CHUNK_SIZE = 1 << CHUNK_BITS;
    public static final int CHUNK_MASK = CHUNK_SIZE - 1;
    public static final int CPU_UNIT_MICROS = 10;
    static final long MAX_TIME_MICROS = (1L << 40) - 1;

    private int[][] timeLow = new int[16][];
    private byte[][] timeHigh = new byte[16][];
    private char[][] thread = new char[16][];
    private int[][] stack = new int[16][];
    private byte[][] state = new byte[16][];
    private char[][] userCpu = new char[16][];
    private char[][] systemCpu = new char[16][];
    private volatile int size;

    /** Writer only. */
    public void add(long timeMicros, int threadIndex, int stackId, int stateBits, int userMicros, int systemMicros) {
        int i = size;
        int chunk = i >>> CHUNK_BITS;
        int at = i & CHUNK_MASK;
        if (at == 0) addChunk(chunk);
        long t = Math.clamp(timeMicros, 0, MAX_TIME_MICROS);
        timeLow[chunk][at] = (int) t;
        timeHigh[chunk][at] = (byte) (t >>> 32);
        thread[chunk][at] = (char) threadIndex;
        stack[chunk][at] = stackId;
        state[chunk][at] = (byte) stateBits;
        userCpu[chunk][at] = cpuUnits(userMicros);
        systemCpu[chunk][at] = cpuUnits(systemMicros);
        size = i + 1;
    }

    public int size() { return size; }

    public long timeMicros(int i) {
        int c = i >>> CHUNK_BITS, at = i & CHUNK_MASK;
        return (timeLow[c][at] & 0xFFFFFFFFL) | (long) (timeHigh[c][at] & 0xFF) << 32;
    }

    public int thread(int i) { return thread[i >>> CHUNK_BITS][i & CHUNK_MASK]; }
    public int stack(int i) { return stack[i >>> CHUNK_BITS][i & CHUNK_MASK]; }
    public int state(int i) { return state[i >>> CHUNK_BITS][i & CHUNK_MASK] & 0xFF; }
    public int userMicros(int i) { return userCpu[i >>> CHUNK_BITS][i & CHUNK_MASK] * CPU_UNIT_MICROS; }
    public int systemMicros(int i) { return systemCpu[i >>> CHUNK_BITS][i & CHUNK_MASK] * CPU_UNIT_MICROS; }

    /**
     * The stack column of one chunk, for aggregations that scan millions of samples: read entries
     * {@code [0, min(CHUNK_SIZE, size - chunk * CHUNK_SIZE))}.
     */
    public int[] stackChunk(int chunk) { return stack[chunk]; }
    public char[] threadChunk(int chunk) { return thread[chunk]; }
    public byte[] stateChunk(int chunk) { return state[chunk]; }

    /** Bytes held by the sample columns, for the memory benchmark. */
    public long footprintBytes() {
        int chunks = (size + CHUNK_MASK) >>> CHUNK_BITS;
        return (long) chunks * CHUNK_SIZE * 16;
    }

    private static char cpuUnits(int micros) {
        if (micros <= 0) return 0;
        return (char) Math.min(0xFFFF, (micros + CPU_UNIT_MICROS / 2) / CPU_UNIT_MICROS);
    }

    private void addChunk(int chunk) {
        if (chunk == stack.length) {
            int n = chunk * 2;
            timeLow = Arrays.copyOf(timeLow, n);
            timeHigh = Arrays.copyOf(timeHigh, n);
            thread = Arrays.copyOf(thread, n);
            stack = Arrays.copyOf(stack, n);
            state = Arrays.copyOf(state, n);
            userCpu = Arrays.copyOf(userCpu, n);
            systemCpu = Arrays.copyOf(systemCpu, n);
        }
        timeLow[chunk] = new int[CHUNK_SIZE];
        timeHigh[chunk] = new byte[CHUNK_SIZE];
        thread[chunk] = new char[CHUNK_SIZE];
        stack[chunk] = new int[CHUNK_SIZE];
        state[chunk] = new byte[CHUNK_SIZE];
        userCpu[chunk] = new char[CHUNK_SIZE];
        systemCpu[chunk] = new char[CHUNK_SIZE];
    }
}
