package dev.pyrometer.app.ui.recording;

import dev.pyrometer.model.PyrometerException;
import dev.pyrometer.sampler.SamplingLoop;
import dev.pyrometer.sampler.SamplerStats;

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
    public String failureMessage() {
        Throwable failure = sampler.failure();
        if (failure == null) return null;
        return failure instanceof PyrometerException user ? user.getMessage() : "internal error: " + failure;
    }
}
