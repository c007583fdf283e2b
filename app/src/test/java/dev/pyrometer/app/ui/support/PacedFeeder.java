package dev.pyrometer.app.ui.support;

import dev.pyrometer.app.ui.recording.Recording;
import dev.pyrometer.app.ui.recording.RecordingStats;
import dev.pyrometer.model.Profile;
import java.util.concurrent.locks.LockSupport;

/**
 * A recording fed by its own thread at a fixed rate with demo stacks, like a sampler writing into a live profile;
 * for demos and the UI benchmark (the FX thread must stay smooth while it runs).
 */
public final class PacedFeeder implements Recording {
    private final Profile profile;
    private final double rateHz;
    private final Thread thread;
    private final long start = System.nanoTime();
    private volatile boolean stopped;
    private volatile boolean paused;
    private volatile long ticks;

    public PacedFeeder(Profile profile, double rateHz) {
        this.profile = profile;
        this.rateHz = rateHz;
        this.thread = new Thread(this::run, "demo-feeder");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        long interval = (long) (1e9 / rateHz);
        long next = System.nanoTime();
        while (!stopped) {
            next += interval;
            long wait = next - System.nanoTime();
            if (wait > 0) LockSupport.parkNanos(wait);
            if (paused) continue;
            DemoProfiles.feed(profile, 1, ticks, true);
            ticks++;
        }
    }

    @Override public void pause() { paused = true; }
    @Override public void resume() { paused = false; }
    @Override public boolean isPaused() { return paused; }

    @Override
    public void stop() {
        stopped = true;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public RecordingStats stats() {
        return new RecordingStats(ticks, 0, 0, System.nanoTime() - start, 100);
    }

    @Override public Outcome outcome() { return stopped ? Outcome.STOPPED : Outcome.RUNNING; }
    @Override public String failureMessage() { return null; }
}
