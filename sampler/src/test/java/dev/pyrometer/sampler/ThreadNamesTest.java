package dev.pyrometer.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.ThreadTable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Python's thread names, read from {@code threading._active} in a stopped program whose threads keep their names
 * every way the version stores an instance's attributes (shared keys, a dict of their own, 3.13's inline values,
 * a materialised {@code __dict__}), renamed after start and non-ASCII: a snapshot and a sampler's sink both see
 * exactly the names Python itself reports, by OS thread id.
 */
class ThreadNamesTest {
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pyrometer.sampler.Pythons#all")
    void snapshotAndSamplerHaveEveryThreadsPythonName(Pythons.Python python) throws Exception {
        try (TargetProcess target = TargetProcess.start(python.executable(), "named_threads.py", "{dir}/expected.json")) {
            target.awaitStopped();
            JsonObject json = JsonParser.parseString(
                Files.readString(target.dir().resolve("expected.json"), StandardCharsets.UTF_8)).getAsJsonObject();
            Map<Long, String> expected = new TreeMap<>();
            for (String tid : json.keySet()) expected.put(Long.parseLong(tid), json.get(tid).getAsString());
            assertEquals(6, expected.size(), "the program's own list: " + expected);
            try (PythonTarget attached = PythonTarget.attach(target.pid())) {
                Map<Long, String> snapshot = new TreeMap<>();
                for (ThreadStack t : attached.snapshot()) snapshot.put(t.osThreadId(), t.name());
                assertEquals(expected, snapshot, "snapshot");

                Profile profile = new Profile();
                Sampler sampler = attached.sampler(new SamplerOptions(100, Duration.ofMillis(300)), profile);
                sampler.start();
                assertEquals(Sampler.Outcome.DURATION_ELAPSED, sampler.awaitEnd());
                Map<Long, String> sampled = new TreeMap<>();
                ThreadTable threads = profile.threads();
                for (int i = 0; i < threads.size(); i++) sampled.put(threads.osThreadId(i), threads.name(i));
                assertEquals(expected, sampled, "the sampler's sink");
            }
        }
    }
}
