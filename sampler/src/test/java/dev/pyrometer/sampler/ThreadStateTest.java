package dev.pyrometer.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.model.Profile;
import dev.pyrometer.model.SampleState;
import dev.pyrometer.model.SampleTable;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * On a live program with a thread spinning in Python, a thread inside a long C call (hashing 32 MiB) and a sleeping
 * main thread: the sleeper is always idle, the spinner mostly running and in Python, the hasher mostly running
 * inside a native call; and a Sampler streams the same states, CPU time, memory and metadata into a sink.
 * (Live threads are scheduled by the OS, so these are majorities over many reads, with wide margins.)
 */
class ThreadStateTest {
    private static final int SNAPSHOTS = 40;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pyrometer.sampler.Pythons#all")
    void idleRunningAndNativeAreToldApart(Pythons.Python python) throws Exception {
        try (TargetProcess target = TargetProcess.start(python.executable(), "busy_threads.py");
             PythonTarget attached = attachWhenReady(target)) {
            Map<String, int[]> counts = new HashMap<>(); // function -> {seen, running, inCall}
            for (int i = 0; i < SNAPSHOTS; i++) {
                for (ThreadStack t : attached.snapshot()) {
                    if (t.frames().isEmpty()) continue;
                    int[] c = counts.computeIfAbsent(t.frames().getFirst().name(), k -> new int[3]);
                    c[0]++;
                    if (t.running()) c[1]++;
                    if (t.inCall()) c[2]++;
                }
                Thread.sleep(10); // spread the reads over time; each assertion below is a majority, not luck
            }
            int[] sleeper = counts.get("<module>");
            int[] spinner = counts.get("spin");
            int[] hasher = counts.get("hash_forever");
            assertNotNull(sleeper, counts.keySet().toString());
            assertNotNull(spinner, counts.keySet().toString());
            assertNotNull(hasher, counts.keySet().toString());
            assertEquals(0, sleeper[1], "the sleeping main thread is never running");
            assertTrue(spinner[1] > spinner[0] / 2, "the spinner runs: " + spinner[1] + "/" + spinner[0]);
            assertTrue(spinner[2] < spinner[0] / 4, "the spinner is in Python, not C: " + spinner[2] + "/" + spinner[0]);
            // Between two hashes the hasher waits for the GIL (not running), longer on a loaded machine.
            assertTrue(hasher[1] > 0 && hasher[2] > hasher[1] / 2, "the hasher runs inside C: " + hasher[2] + "/" + hasher[1]);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pyrometer.sampler.Pythons#all")
    void samplerStreamsStatesCpuMemoryAndMetadata(Pythons.Python python) throws Exception {
        try (TargetProcess target = TargetProcess.start(python.executable(), "busy_threads.py");
             PythonTarget attached = attachWhenReady(target)) {
            Profile profile = new Profile();
            Sampler sampler = attached.sampler(new SamplerOptions(200, Duration.ofMillis(600)), profile);
            sampler.start();
            assertEquals(Sampler.Outcome.DURATION_ELAPSED, sampler.awaitEnd());
            SamplerStats stats = sampler.stats();
            assertTrue(stats.samples() > 20, stats.toString());
            assertEquals(3, profile.threads().size(), "three threads sampled");
            SampleTable samples = profile.samples();
            Map<String, int[]> byLeaf = new HashMap<>(); // leaf function -> {samples, idle, native, user µs}
            for (int i = 0; i < samples.size(); i++) {
                int stack = samples.stack(i);
                String leaf = profile.functionName(profile.stacks().frame(stack));
                int[] c = byLeaf.computeIfAbsent(leaf, k -> new int[4]);
                c[0]++;
                if (SampleState.isIdle(samples.state(i))) c[1]++;
                if (SampleState.category(samples.state(i)) == SampleState.CATEGORY_NATIVE) c[2]++;
                c[3] += samples.userMicros(i);
            }
            int[] sleeper = byLeaf.get("<module>");
            int[] hasher = byLeaf.get("hash_forever");
            int[] spinner = byLeaf.get("spin");
            assertEquals(sleeper[0], sleeper[1], "the sleeper's samples are all idle");
            // Between two hashes the hasher waits for the GIL (idle), longer on a loaded machine; running, it is in C.
            int hasherRunning = hasher[0] - hasher[1];
            assertTrue(hasherRunning > 0 && hasher[2] > hasherRunning / 2,
                "the hasher's running samples are mostly native: " + hasher[2] + "/" + hasherRunning);
            assertTrue(spinner[1] < spinner[0] / 2, "the spinner's samples are mostly running");
            assertTrue(spinner[3] > 0, "the spinner's samples carry its CPU time: " + spinner[3] + " µs");
            assertTrue(profile.memory().size() > 20, "memory read every tick");
            assertEquals(Integer.toString(target.pid()), profile.metadata(MetadataKeys.PID));
            assertEquals(python.version().toString(), profile.metadata(MetadataKeys.PYTHON_VERSION));
            assertEquals(Long.toString(stats.samples()), profile.metadata(MetadataKeys.SAMPLES));
            assertEquals("duration", profile.metadata(MetadataKeys.OUTCOME));
            assertFalse(profile.metadata(MetadataKeys.CPU_PER_SAMPLE_US).isEmpty());
        }
    }

    static PythonTarget attachWhenReady(TargetProcess target) {
        target.awaitFile("ready.txt");
        // After writing the file the main thread still has to take the GIL back and reach time.sleep; a state of S
        // alone could be the wait for the GIL, so wait until it is inside the sleep's system call.
        target.await(target::mainThreadInSleepCall, "sleep in its main thread");
        return PythonTarget.attach(target.pid());
    }
}
