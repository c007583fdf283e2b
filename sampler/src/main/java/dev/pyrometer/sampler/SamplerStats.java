package dev.pyrometer.sampler;

/**
 * A sampler's counters at one moment.
 *
 * @param samples       ticks at which at least one thread stack was recorded
 * @param threadSamples thread stacks recorded
 * @param errors        thread stacks dropped: not read consistently even when read twice, or the thread's state
 *                      could not be read (its stat file could not be opened)
 * @param lateTicks     ticks that began more than one mean interval late
 * @param ticks         ticks run
 * @param elapsedNanos  time since the sampler started, pauses included
 * @param loopCpuNanos  CPU time of the sampling thread
 * @param targetCpuMicros the target's threads' CPU time seen while sampling (user + system)
 * @param pausedNanos   of the elapsed time, how long sampling was paused
 * @param unheldThreads with {@code --blocking}, thread stacks read while the thread ran on, because it did not stop in
 *                      time (in an uninterruptible wait); each was read as without {@code --blocking}
 * @param cutStacks     thread stacks deeper than {@link dev.pyrometer.sampler.walk.StackWalk#MAX_DEPTH} frames,
 *                      recorded with their outermost frames and a {@link CutMarkers} frame for the rest
 * @param cutNames      function or file names longer than the sampler reads, cut and marked (once per code object)
 */
public record SamplerStats(long samples, long threadSamples, long errors, long lateTicks, long ticks,
                           long elapsedNanos, long loopCpuNanos, long targetCpuMicros, long pausedNanos,
                           long unheldThreads, long cutStacks, long cutNames) {

    /** Counters of a sampler that cut no stack nor name. */
    public SamplerStats(long samples, long threadSamples, long errors, long lateTicks, long ticks, long elapsedNanos,
                        long loopCpuNanos, long targetCpuMicros, long pausedNanos, long unheldThreads) {
        this(samples, threadSamples, errors, lateTicks, ticks, elapsedNanos, loopCpuNanos, targetCpuMicros,
            pausedNanos, unheldThreads, 0, 0);
    }

    /** Counters of a sampler that never paused, nor held a thread still. */
    public SamplerStats(long samples, long threadSamples, long errors, long lateTicks, long ticks, long elapsedNanos,
                        long loopCpuNanos, long targetCpuMicros) {
        this(samples, threadSamples, errors, lateTicks, ticks, elapsedNanos, loopCpuNanos, targetCpuMicros, 0, 0);
    }

    /** The time spent sampling: elapsed, pauses left out. */
    public long sampledNanos() {
        return elapsedNanos - pausedNanos;
    }

    /** Samples per second actually achieved while sampling (a pause takes none, and lowers no rate). */
    public double achievedRate() {
        long sampled = sampledNanos();
        return sampled <= 0 ? 0 : samples * 1e9 / sampled;
    }

    /** The sampling loop's own CPU time per sample, microseconds. */
    public double cpuPerSampleMicros() {
        return samples == 0 ? 0 : loopCpuNanos / 1e3 / samples;
    }

    /** The target's CPU use while sampled, in percent of one core. */
    public double targetCpuPercent() {
        return elapsedNanos == 0 ? 0 : targetCpuMicros * 1e5 / elapsedNanos;
    }
}
