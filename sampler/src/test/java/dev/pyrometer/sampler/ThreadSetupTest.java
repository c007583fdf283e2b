package dev.pyrometer.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.model.Profile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A thread state the interpreter has made for a thread that is still starting (its ids not yet its own, no frame)
 * is no thread yet: it is not listed, and above all not as a second "MainThread" (before it runs, it carries the
 * ident of the thread that created it). Nor does the sampler record a thread for it.
 */
class ThreadSetupTest {
    private static final int SNAPSHOTS = 3000;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pyrometer.sampler.Pythons#all")
    void aThreadStillStartingIsNotListed(Pythons.Python python) throws Exception {
        try (TargetProcess target = TargetProcess.start(python.executable(), "thread_storm.py")) {
            target.awaitFile("ready.txt");
            try (PythonTarget attached = target.attachWhenUp()) {
                List<String> bad = new ArrayList<>();
                int mainId = -1;
                for (int i = 0; i < SNAPSHOTS && bad.size() < 5; i++) {
                    List<ThreadStack> threads = attached.snapshot();
                    int mains = 0;
                    for (ThreadStack t : threads) {
                        if ("MainThread".equals(t.name())) mains++;
                        if (t.frames().isEmpty() && t.osThreadId() <= 0) {
                            bad.add("snapshot " + i + ": a thread without frames nor an OS id: " + t);
                        }
                    }
                    if (mains > 1) bad.add("snapshot " + i + ": " + mains + " MainThreads: " + threads);
                }
                assertEquals(List.of(), bad);

                Profile profile = new Profile();
                Sampler sampler = attached.sampler(new SamplerOptions(2000, null), profile);
                sampler.start();
                target.await(() -> sampler.stats().samples() >= 3000, "be sampled 3000 times");
                sampler.stop();
                // (Up to 3.10 the OS ids come from glibc's struct pthread, at an offset checked when attaching; a
                // check that failed, on a loaded machine, leaves every id 0: so count names, not ids.)
                int mains = 0;
                for (int t = 0; t < profile.threads().size(); t++) {
                    if ("MainThread".equals(profile.threads().name(t))) mains++;
                }
                assertTrue(mains <= 1, mains + " threads named MainThread were recorded");
            }
        }
    }
}
