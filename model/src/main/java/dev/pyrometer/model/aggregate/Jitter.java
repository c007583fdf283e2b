package dev.pyrometer.model.aggregate;

import dev.pyrometer.model.MemoryTrack;
import java.util.Arrays;

/**
 * How much resident memory moves from one tick to the next when nothing in particular happens, so that a memory
 * figure can say whether it is a finding or noise. Resident memory moves in sparse steps (pages, arenas, the
 * allocator's caches) rather than on every tick, so the median change alone is often zero; the estimate is the
 * median of the changes that are not zero, scaled by the square root of how often there is one: the standard
 * deviation of a tick's change when a fraction {@code p} of ticks move by about {@code d}. Big real steps (a
 * program that allocates) are few next to the jitter and barely move a median. A net change summed over {@code k}
 * ticks of such jitter is within {@code jitter × √k} of zero (a random walk); larger is a finding.
 */
public final class Jitter {
    private Jitter() {}

    /** The jitter of the changes between readings {@code from} and {@code to - 1} (readings from..to-1), in bytes. */
    public static double of(MemoryTrack memory, int from, int to) {
        int changes = to - from - 1;
        if (changes < 1) return 0;
        long[] moved = new long[changes];
        int nonZero = 0;
        for (int i = from + 1; i < to; i++) {
            long delta = Math.abs(memory.residentBytes(i) - memory.residentBytes(i - 1));
            if (delta != 0) moved[nonZero++] = delta;
        }
        if (nonZero == 0) return 0;
        Arrays.sort(moved, 0, nonZero);
        double median = nonZero % 2 == 1 ? moved[nonZero / 2] : (moved[nonZero / 2 - 1] + moved[nonZero / 2]) / 2.0;
        return median * Math.sqrt((double) nonZero / changes);
    }

    /** True when {@code |net|} exceeds {@code jitter × √ticks}. */
    public static boolean beyond(double jitter, long net, int ticks) {
        return Math.abs((double) net) > jitter * Math.sqrt(Math.max(ticks, 1));
    }
}
