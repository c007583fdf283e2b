package dev.pyrometer.model;

import java.util.Arrays;

/** The target's resident memory over time, one point per sampler tick. Append-only, one writer. */
public final class MemoryTrack {
    private long[] timeMicros = new long[1024];
    private long[] residentBytes = new long[1024];
    private volatile int size;

    /** Writer only. */
    public void add(long timeMicros, long bytes) {
        int i = size;
        if (i == residentBytes.length) {
            this.timeMicros = Arrays.copyOf(this.timeMicros, i * 2);
            this.residentBytes = Arrays.copyOf(this.residentBytes, i * 2);
        }
        this.timeMicros[i] = timeMicros;
        this.residentBytes[i] = bytes;
        size = i + 1;
    }

    public long timeMicros(int i) { return timeMicros[i]; }
    public long residentBytes(int i) { return residentBytes[i]; }
    public int size() { return size; }

    /** The first point in {@code [0, size)} at or after {@code micros} (points are appended in time order). */
    public int firstAtOrAfter(long micros, int size) {
        int lo = 0, hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (timeMicros[mid] < micros) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
