package dev.pyrometer.app.ui.recording;

import dev.pyrometer.model.PyrometerException;
import dev.pyrometer.sampler.SamplingLoop;
import dev.pyrometer.sampler.SamplerStats;
import dev.pyrometer.sampler.TargetExec;
import java.util.List;
import java.util.stream.Collectors;

/** A {@link Recording} backed by the sampler's loop. */
final class SamplerRecording implements Recording {
    private final SamplingLoop sampler;

    SamplerRecording(SamplingLoop sampler) {
        this.sampler = sampler;
    }

    @Override public void pause() { sampler.pause(); }
    @Override public void resume() { sampler.resume(); }
    @Override public boolean isPaused() { return sampler.paused(); }
    @Override public void stop() { sampler.stop(); }

    @Override
    public RecordingStats stats() {
        SamplerStats s = sampler.stats();
        return new RecordingStats(s.samples(), s.errors(), s.lateTicks(), s.elapsedNanos(), s.targetCpuPercent(),
            s.pausedNanos(), sampler.processes());
    }

    @Override
    public Outcome outcome() {
        return switch (sampler.outcome()) {
            case RUNNING -> Outcome.RUNNING;
            case STOPPED -> Outcome.STOPPED;
            case DURATION_ELAPSED -> Outcome.DURATION_ELAPSED;
            case TARGET_EXITED -> Outcome.TARGET_EXITED;
            case FAILED -> Outcome.FAILED;
        };
    }

    @Override
    public String execNote() {
        List<TargetExec> execs = sampler.execs();
        if (execs.isEmpty()) return null;
        String programs = execs.stream().map(TargetExec::describe).collect(Collectors.joining(", then "));
        return execs.getLast().followed()
            ? "It exec'd " + programs + " and was followed: each Python program is a process of its own in the recording."
            : "It exec'd " + programs + ", which a process attached to by pid is not followed into (Launch… follows a"
                + " program it starts).";
    }

    @Override
    public boolean endedByExec() {
        return sampler.replacedBy() != null;
    }

    @Override
    public String failureMessage() {
        Throwable failure = sampler.failure();
        if (failure == null) return null;
        return failure instanceof PyrometerException user ? user.getMessage() : "internal error: " + failure;
    }
}
