package dev.pyrometer.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.model.Profile;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A paused sampler takes no samples, and its counters know how long it was paused: the achieved rate is samples over
 * the time spent sampling, so a pause does not lower it (100 Hz paused half the time is still 100 Hz, not 50).
 */
class SamplerPauseTest {
    @Test
    void pausedTimeIsCountedApartAndLeftOutOfTheRate() throws Exception {
        Pythons.Python python = Pythons.all().getLast();
        try (TargetProcess target = TargetProcess.start(python.executable(), "busy_threads.py")) {
            target.awaitFile("ready.txt");
            try (PythonTarget attached = target.attachWhenUp()) {
                Sampler sampler = attached.sampler(new SamplerOptions(200, null), new Profile());
                sampler.start();
                target.await(() -> sampler.stats().samples() >= 20, "be sampled 20 times");

                sampler.pause();
                long pausedAt = System.nanoTime();
                // A tick under way when pause() was called may still finish: count from the one after it.
                long before = sampler.stats().samples();
                Thread.sleep(400); // the pause being measured, not a wait for an event
                long during = sampler.stats().samples();
                long resumedAt = System.nanoTime();
                sampler.resume();
                assertTrue(during <= before + 1, "no samples while paused: " + before + " then " + during);
                long afterResume = during;
                target.await(() -> sampler.stats().samples() >= afterResume + 20, "be sampled again after the pause");
                assertEquals(Sampler.Outcome.STOPPED, sampler.stop());

                SamplerStats stats = sampler.stats();
                long pause = resumedAt - pausedAt;
                assertTrue(stats.pausedNanos() >= pause, "paused " + stats.pausedNanos() + " ns, at least " + pause);
                assertTrue(stats.pausedNanos() < pause + TimeUnit.SECONDS.toNanos(5), "paused " + stats.pausedNanos());
                assertTrue(stats.sampledNanos() > 0 && stats.sampledNanos() < stats.elapsedNanos(), stats.toString());
                assertEquals(stats.samples() * 1e9 / stats.sampledNanos(), stats.achievedRate(), 1e-9);
            }
        }
    }

    @Test
    void aSamplerNeverPausedHasNoPausedTime() {
        SamplerStats stats = new SamplerStats(100, 100, 0, 0, 100, 1_000_000_000L, 0, 0);
        assertEquals(0, stats.pausedNanos());
        assertEquals(100, stats.achievedRate(), 1e-9);
        assertEquals(200, new SamplerStats(100, 100, 0, 0, 100, 1_000_000_000L, 0, 0, 500_000_000L, 0).achievedRate(), 1e-9);
    }
}
