package dev.pyrometer.app.ui.recording;

import java.time.Duration;

/**
 * How to record: the sampling rate and an optional duration.
 *
 * @param duration stop after this long, or null to record until stopped or the target exits
 */
public record RecordingSettings(double rateHz, Duration duration) {
    public static final double DEFAULT_RATE = 100;
    public static final double MAX_RATE = 10_000;

    public RecordingSettings {
        if (!(rateHz >= 1 && rateHz <= MAX_RATE)) {
            throw new IllegalArgumentException("the sampling rate must be between 1 and " + (int) MAX_RATE + " Hz");
        }
        if (duration != null && (duration.isZero() || duration.isNegative())) duration = null;
    }
}
