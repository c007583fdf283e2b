package dev.pyrometer.sampler;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.model.Profile;
import dev.pyrometer.model.SampleState;
import org.junit.jupiter.api.Test;

/**
 * A sampler that cannot open the stat file of a thread that appears (this process is out of file descriptors)
 * cannot tell whether it runs: each of its stacks is counted as an error, never recorded as idle; once files open
 * again, new threads are sampled as usual.
 */
class UnreadableStateTest {
    private static final long DEADLINE_NANOS = 30_000_000_000L;

    @Test
    void threadsWhoseStateCannotBeReadAreErrorsNotIdleSamples() throws Exception {
        Pythons.Python python = Pythons.all().getLast();
        try (TargetProcess target = TargetProcess.start(python.executable(), "thread_churn.py")) {
            target.awaitFile("ready.txt");
            try (PythonTarget attached = target.attachWhenUp()) {
                Profile profile = new Profile();
                Sampler sampler = attached.sampler(new SamplerOptions(200, null), profile);
                sampler.start();
                // Warmed up first: the classes the loop needs are loaded (loading one opens a file).
                target.await(() -> sampler.stats().samples() >= 20, "be sampled");
                long errorsBefore = sampler.stats().errors();
                assertTrue(errorsBefore < 1_000_000, "loads the assertion's class before files run out");
                try (OpenFileLimit none = OpenFileLimit.exhausted()) {
                    long start = System.nanoTime();
                    // Each new worker's stat file cannot be opened: its stacks are errors. (Polled without a file.)
                    while (sampler.stats().errors() < errorsBefore + 20 && System.nanoTime() - start < DEADLINE_NANOS) {
                        Thread.sleep(5);
                    }
                }
                assertTrue(sampler.stats().errors() >= errorsBefore + 20, "stacks of unreadable threads counted as"
                    + " errors: " + (sampler.stats().errors() - errorsBefore));
                int threads = profile.threads().size();
                target.await(() -> profile.threads().size() >= threads + 3, "sample new workers once files open again");
                sampler.stop();
                int running = 0;
                for (int i = 0; i < profile.samples().size(); i++) {
                    if (profile.samples().thread(i) >= threads && (profile.samples().state(i) & SampleState.RUNNING) != 0) {
                        running++;
                    }
                }
                assertTrue(running > 0, "the new workers are seen spinning");
            }
        }
    }
}
