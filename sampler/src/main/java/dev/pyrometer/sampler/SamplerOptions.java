package dev.pyrometer.sampler;

import java.time.Duration;

/**
 * How to sample.
 *
 * @param rateHz   mean samples per second; intervals are randomised around 1/rate
 * @param duration stop after this long, or null to run until stopped or the target exits
 * @param blocking pause every thread of the target (ptrace) while a tick reads it: consistent stacks, at a cost
 *                 to the target; the default reads without pausing
 */
public record SamplerOptions(double rateHz, Duration duration, boolean blocking) {
    public static final double DEFAULT_RATE = 100;
    public static final double MAX_RATE = 100_000;

    public SamplerOptions {
        if (!(rateHz > 0 && rateHz <= MAX_RATE)) {
            throw new IllegalArgumentException("rate must be between 0 and " + (int) MAX_RATE + " Hz");
        }
    }

    /** Without pausing the target. */
    public SamplerOptions(double rateHz, Duration duration) {
        this(rateHz, duration, false);
    }

    public static SamplerOptions of(double rateHz) {
        return new SamplerOptions(rateHz, null);
    }
}
