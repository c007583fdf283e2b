package dev.pyrometer.app.ui.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pyrometer.model.Profile;
import dev.pyrometer.model.StackTable;
import dev.pyrometer.sampler.ProcessFollower;
import dev.pyrometer.sampler.Pythons;
import dev.pyrometer.sampler.Sampler;
import dev.pyrometer.sampler.SamplerOptions;
import dev.pyrometer.sampler.TargetProcess;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Real recordings of a {@code multiprocessing.Pool(2)} run (the sampler's {@code pool_briefly.py}), followed whole,
 * and what they hold.
 */
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

    /** {@link #record(String, String)} with the {@code fork} start method. */
    public static Profile record(String seconds) throws Exception {
        return record("fork", seconds);
    }

    /** Whether a function of that name is on the stack. */
    public static boolean runs(Profile profile, int stack, String function) {
        for (int s = stack; s != StackTable.EMPTY; s = profile.stacks().parent(s)) {
            if (profile.functionName(profile.stacks().frame(s)).equals(function)) return true;
        }
        return false;
    }

    /** The process (index) with the most samples in work(): a worker that ran a task. */
    public static int busiestWorker(Profile p) {
        long[] work = new long[p.processes().size()];
        for (int i = 0; i < p.samples().size(); i++) {
            if (runs(p, p.samples().stack(i), "work")) work[p.threads().process(p.samples().thread(i))]++;
        }
        int best = 0;
        for (int q = 1; q < work.length; q++) if (work[q] > work[best]) best = q;
        return best;
    }
}
