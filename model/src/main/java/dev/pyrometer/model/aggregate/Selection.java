package dev.pyrometer.model.aggregate;

import dev.pyrometer.model.SampleState;
import java.util.Arrays;
import java.util.Set;

/**
 * Which samples an aggregation looks at: a time range, a set of threads, and which thread states count.
 *
 * @param fromMicros  first time included, in microseconds since the recording started ({@link #START} for open)
 * @param toMicros    first time excluded ({@link #END} for open)
 * @param threads     thread indexes of the profile to include, or null for every thread (including threads that
 *                    appear later in a live recording)
 * @param includeIdle keep samples of threads that were not running (waiting on I/O, a lock, sleeping)
 * @param gilOnly     keep only samples of threads that held the GIL
 */
public record Selection(long fromMicros, long toMicros, Set<Integer> threads, boolean includeIdle, boolean gilOnly) {
    public static final long START = Long.MIN_VALUE;
    public static final long END = Long.MAX_VALUE;

    /** Every sample, idle ones included. */
    public static final Selection ALL = new Selection(START, END, null, true, false);
    /** Every sample of a running thread: what py-spy shows by default. */
    public static final Selection NOT_IDLE = new Selection(START, END, null, false, false);

    public Selection {
        if (fromMicros > toMicros) throw new IllegalArgumentException("empty time range " + fromMicros + ".." + toMicros);
        threads = threads == null ? null : Set.copyOf(threads);
    }

    public Selection withTimeRange(long from, long to) {
        return new Selection(from, to, threads, includeIdle, gilOnly);
    }

    public Selection withThreads(Set<Integer> only) {
        return new Selection(fromMicros, toMicros, only, includeIdle, gilOnly);
    }

    public Selection withAllThreads() {
        return new Selection(fromMicros, toMicros, null, includeIdle, gilOnly);
    }

    public Selection withIdle(boolean include) {
        return new Selection(fromMicros, toMicros, threads, include, gilOnly);
    }

    public Selection withGilOnly(boolean only) {
        return new Selection(fromMicros, toMicros, threads, includeIdle, only);
    }

    public boolean includesThread(int thread) {
        return threads == null || threads.contains(thread);
    }

    /** Whether a sample in this {@link SampleState} is kept: idle ones only with {@code includeIdle}, and so on. */
    public boolean includesState(int state) {
        return (includeIdle || !SampleState.isIdle(state)) && (!gilOnly || SampleState.holdsGil(state));
    }

    /**
     * {@link #includesThread} as a table for scans over millions of samples: one entry per thread index a sample
     * can hold (16 bits in the sample columns).
     */
    public boolean[] threadMask() {
        boolean[] mask = new boolean[1 << 16];
        if (threads == null) Arrays.fill(mask, true);
        else for (int t : threads) if (t >= 0 && t < mask.length) mask[t] = true;
        return mask;
    }

    public boolean isTimeBounded() {
        return fromMicros != START || toMicros != END;
    }

    public boolean includesTime(long micros) {
        return micros >= fromMicros && micros < toMicros;
    }
}
