package dev.pyrometer.app.ui.recording;

/**
 * A recording's counters at one moment, as the status bar shows them.
 *
 * @param samples      ticks at which at least one stack was recorded
 * @param errors       stacks that could not be read consistently and were dropped
 * @param lateTicks    ticks that started more than one interval late
 * @param elapsedNanos time since recording started
 * @param targetCpuPercent the target's CPU use while recorded, in percent of one core
 */
public record RecordingStats(long samples, long errors, long lateTicks, long elapsedNanos, double targetCpuPercent) {
    public static final RecordingStats NONE = new RecordingStats(0, 0, 0, 0, 0);

    /** Samples per second actually achieved. */
    public double achievedRate() {
        return elapsedNanos == 0 ? 0 : samples * 1e9 / elapsedNanos;
    }
}
