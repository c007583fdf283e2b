package dev.pyrometer.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.model.MemoryTrack;
import dev.pyrometer.model.Profile;
import java.nio.file.Files;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A program that exits while it is recorded ends the recording as "target exited", and its end adds no false point
 * to the memory track: once its memory is torn down, /proc/PID/statm reads all zeros (and goes on doing so while it
 * is a zombie), which is no resident size of a live process.
 */
class TargetExitTest {
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pyrometer.sampler.Pythons#all")
    void anExitEndsTheRecordingWithoutAZeroMemoryPoint(Pythons.Python python) throws Exception {
        try (TargetProcess parent = TargetProcess.start(python.executable(), "exits_unreaped.py")) {
            int child = Integer.parseInt(Files.readString(parent.awaitFile("child.txt")).strip());
            try (PythonTarget attached = PythonTarget.attach(child)) {
                Profile profile = new Profile();
                Sampler sampler = attached.sampler(new SamplerOptions(200, null), profile);
                sampler.start();
                parent.await(() -> sampler.stats().samples() >= 5, "be sampled");
                Files.writeString(parent.dir().resolve("go"), "");
                assertEquals(Sampler.Outcome.TARGET_EXITED, sampler.awaitEnd(), String.valueOf(sampler.failure()));
                MemoryTrack memory = profile.memory();
                assertTrue(memory.size() >= 5, "memory points: " + memory.size());
                for (int i = 0; i < memory.size(); i++) {
                    assertTrue(memory.residentBytes(i) > 0, "point " + i + " of " + memory.size() + ": "
                        + memory.residentBytes(i) + " bytes");
                }
                assertEquals("target-exited", profile.metadata(MetadataKeys.OUTCOME));
            }
        }
    }
}
