package dev.pyrometer.app.ui.recording;

/** A recording in progress: the sampler streaming one target into a profile. All methods are thread-safe. */
public interface Recording {

    /** How a recording ended, or that it has not. */
    enum Outcome { RUNNING, STOPPED, DURATION_ELAPSED, TARGET_EXITED, FAILED }

    void pause();

    void resume();

    boolean isPaused();

    /** Stops sampling and waits until the last sample is in the profile. */
    void stop();

    RecordingStats stats();

    Outcome outcome();

    /** Why a {@link Outcome#FAILED} recording failed, in one sentence; else null. */
    String failureMessage();

    /** What the target's execs did to the recording, in one sentence; null when it did not exec. */
    default String execNote() { return null; }

    /** Whether the recording ended because the target replaced its program (an exec not followed). */
    default boolean endedByExec() { return false; }
}
