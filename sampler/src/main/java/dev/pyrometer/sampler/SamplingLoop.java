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

    /** The program the target exec'd into, ending the recording, or null (a followed family: its processes). */
    default String replacedBy() { return null; }
}
