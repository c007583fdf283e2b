package dev.pyrometer.app.ui.recording;

/**
 * A recording's counters at one moment, as the status bar shows them.
 *
 * @param samples      ticks at which at least one stack was recorded
 * @param errors       stacks that could not be read consistently and were dropped
 * @param lateTicks    ticks that started more than one interval late
 * @param elapsedNanos time since recording started
 * @param targetCpuPercent the target's CPU use while recorded, in percent of one core
 * @param pausedNanos  of the elapsed time, how long the recording was paused
 * @param processes    processes recorded: more than 1 when subprocesses are followed
 */
public record RecordingStats(long samples, long errors, long lateTicks, long elapsedNanos, double targetCpuPercent,
                             long pausedNanos, int processes) {
    public static final RecordingStats NONE = new RecordingStats(0, 0, 0, 0, 0, 0);

    /** Counters of a recording of one process. */
    public RecordingStats(long samples, long errors, long lateTicks, long elapsedNanos, double targetCpuPercent,
                          long pausedNanos) {
        this(samples, errors, lateTicks, elapsedNanos, targetCpuPercent, pausedNanos, 1);
    }

    /** Counters of a recording never paused. */
    public RecordingStats(long samples, long errors, long lateTicks, long elapsedNanos, double targetCpuPercent) {
        this(samples, errors, lateTicks, elapsedNanos, targetCpuPercent, 0);
    }

    /** Samples per second actually achieved while recording: paused time takes no samples and does not count. */
    public double achievedRate() {
        long recorded = elapsedNanos - pausedNanos;
        return recorded <= 0 ? 0 : samples * 1e9 / recorded;
    }
}
