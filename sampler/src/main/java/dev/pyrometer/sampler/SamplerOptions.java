package dev.pyrometer.sampler;

import java.time.Duration;

/**
 * How to sample.
 *
 * @param rateHz   mean samples per second; intervals are randomised around 1/rate
 * @param duration stop after this long, or null to run until stopped or the target exits
 */
public record SamplerOptions(double rateHz, Duration duration) {
    public static final double DEFAULT_RATE = 100;
    public static final double MAX_RATE = 100_000;

    public SamplerOptions {
        if (!(rateHz > 0 && rateHz <= MAX_RATE)) {
            throw new IllegalArgumentException("rate must be between 0 and " + (int) MAX_RATE + " Hz");
        }
    }

    public static SamplerOptions of(double rateHz) {
        return new SamplerOptions(rateHz, null);
    }
}
