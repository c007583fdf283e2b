package dev.pyrometer.sampler;

/**
 * When the next tick is due: intervals drawn uniformly from [0.5, 1.5] × the mean, so the mean rate holds but
 * periodic work in the target cannot line up with the sampler (aliasing). A tick that starts more than one mean
 * interval after its due time is late; the schedule then restarts from now rather than bursting to catch up.
 */
final class Schedule {
    private final long meanNanos;
    private long due;
    private long seed;

    Schedule(double rateHz, long startNanos) {
        this.meanNanos = Math.max(1, Math.round(1e9 / rateHz));
        this.due = startNanos;
        this.seed = startNanos ^ 0x9E3779B97F4A7C15L;
    }

    long due() {
        return due;
    }

    /** Whether a tick starting at {@code now} is late for its due time. */
    boolean late(long now) {
        return now - due > meanNanos;
    }

    /** Sets the next due time after a tick that started at {@code started}. */
    void advance(long started) {
        if (late(started)) due = started;
        due += meanNanos / 2 + (long) (nextUnit() * meanNanos);
    }

    /** Restarts from {@code now} (after a pause). */
    void restart(long now) {
        due = now;
    }

    private double nextUnit() {
        seed ^= seed << 13;
        seed ^= seed >>> 7;
        seed ^= seed << 17;
        return (seed >>> 11) * 0x1.0p-53;
    }
}
