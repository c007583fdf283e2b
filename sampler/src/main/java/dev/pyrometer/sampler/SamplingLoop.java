package dev.pyrometer.sampler;

import java.util.concurrent.TimeUnit;

/**
 * A recording running on its own thread, controlled from any other: one process ({@link Sampler}) or a process and
 * its Python descendants ({@link ProcessFollower}).
 */
public interface SamplingLoop {
    void start();

    void pause();

    void resume();

    boolean paused();

    /** Stops and waits (boundedly) for the loop to end; returns how it ended, {@code RUNNING} if it did not. */
    Sampler.Outcome stop();

    Sampler.Outcome awaitEnd();

    Sampler.Outcome awaitEnd(long timeout, TimeUnit unit) throws InterruptedException;

    Sampler.Outcome outcome();

    Throwable failure();

    SamplerStats stats();

    /** Processes recorded so far: 1 for a {@link Sampler}. */
    default int processes() { return 1; }

    /** The program the target exec'd into, ending the recording, or null (not ended by an exec). */
    default String replacedBy() { return null; }

    /**
     * The target's execs so far, oldest first: the one that ended the recording, or each one followed (a launched
     * program, or with {@code --subprocesses}). Any thread, any time.
     */
    default java.util.List<TargetExec> execs() { return java.util.List.of(); }
}
