package dev.pyrometer.app.ui.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pyrometer.model.Profile;
import dev.pyrometer.sampler.ProcessFollower;
import dev.pyrometer.sampler.Pythons;
import dev.pyrometer.sampler.Sampler;
import dev.pyrometer.sampler.SamplerOptions;
import dev.pyrometer.sampler.TargetProcess;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Real recordings of a {@code multiprocessing.Pool(2)} run (the sampler's {@code pool_briefly.py}), followed whole. */
public final class PoolRecordings {
    private PoolRecordings() {}

    /**
     * Records the pool with the newest Python on the machine, from its start to its end, at 200 Hz.
     *
     * @param startMethod {@code fork}, {@code spawn} or {@code forkserver}
     * @param seconds     the CPU time each worker burns
     */
    public static Profile record(String startMethod, String seconds) throws Exception {
        Pythons.Python python = Pythons.all().getLast();
        Profile pool = new Profile();
        try (TargetProcess t = TargetProcess.start(python.executable(), "pool_briefly.py", startMethod, seconds)) {
            ProcessFollower follower = new ProcessFollower(t.pid(), t.attachWhenUp(), new SamplerOptions(200, null),
                pool, Duration.ofSeconds(30));
            follower.start();
            assertEquals(Sampler.Outcome.TARGET_EXITED, follower.awaitEnd(60, TimeUnit.SECONDS));
        }
        return pool;
    }
}
