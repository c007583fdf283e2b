package dev.pyrometer.model.aggregate;

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

    public boolean isTimeBounded() {
        return fromMicros != START || toMicros != END;
    }

    public boolean includesTime(long micros) {
        return micros >= fromMicros && micros < toMicros;
    }
}
