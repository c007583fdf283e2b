package dev.pyrometer.sampler;

import java.time.Duration;

/**
 * How to sample.
 *
 * @param rateHz        mean samples per second; intervals are randomised around 1/rate
 * @param duration      stop after this long, or null to run until stopped or the target exits
 * @param blocking      pause every thread of the target (ptrace) while a tick reads it: consistent stacks, at a
 *                      cost to the target; the default reads without pausing
 * @param nativeFrames  also unwind each thread's C stack and merge it with the Python frames ({@code --native});
 *                      holds the threads still as {@code blocking} does
 * @param showPlumbing  with native frames, keep the interpreter's own call plumbing instead of hiding it
 * @param followExecs   when the target replaces its program (exec), read the new one on in the same recording (a
 *                      program Pyrometer launched); else the exec ends the recording as an exit does. A recording
 *                      that holds the threads still ends at an exec either way.
 */
public record SamplerOptions(double rateHz, Duration duration, boolean blocking, boolean nativeFrames,
                             boolean showPlumbing, boolean followExecs) {
    public static final double DEFAULT_RATE = 100;
    public static final double MAX_RATE = 100_000;

    public SamplerOptions {
        if (!(rateHz > 0 && rateHz <= MAX_RATE)) {
            throw new IllegalArgumentException("rate must be between 0 and " + (int) MAX_RATE + " Hz");
        }
    }

    public SamplerOptions(double rateHz, Duration duration, boolean blocking, boolean nativeFrames,
                          boolean showPlumbing) {
        this(rateHz, duration, blocking, nativeFrames, showPlumbing, false);
    }

    public SamplerOptions(double rateHz, Duration duration, boolean blocking) {
        this(rateHz, duration, blocking, false, false);
    }

    /** Without pausing the target. */
    public SamplerOptions(double rateHz, Duration duration) {
        this(rateHz, duration, false);
    }

    public static SamplerOptions of(double rateHz) {
        return new SamplerOptions(rateHz, null);
    }

    /** The same with native frames on or off (and the interpreter's plumbing shown or hidden). */
    public SamplerOptions withNative(boolean on, boolean plumbing) {
        return new SamplerOptions(rateHz, duration, blocking, on, plumbing, followExecs);
    }

    /** The same, following the target into the programs it execs or not. */
    public SamplerOptions withFollowExecs(boolean on) {
        return new SamplerOptions(rateHz, duration, blocking, nativeFrames, showPlumbing, on);
    }

    /** Whether the target's threads are held still during a tick (asked for, or needed for native frames). */
    public boolean holdsThreads() {
        return blocking || nativeFrames;
    }
}
