package dev.pyrometer.app.ui.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.model.Profile;
import dev.pyrometer.sampler.SamplesIn;
import dev.pyrometer.sampler.Pythons;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The workbench's Launch… records through the same sampler path as {@code record -- CMD}: a launched program that
 * execs another Python is followed into it, with subprocesses followed or not. The program waits for files the test
 * writes once the recording holds what it needs.
 */
class LaunchFollowsExecTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "subprocesses: {0}")
    @ValueSource(booleans = {false, true})
    void aLaunchedProgramIsFollowedThroughItsExec(boolean subprocesses) throws Exception {
        List<Pythons.Python> pythons = Pythons.oldestNewestAndStatic();
        Pythons.Python from = pythons.getFirst();
        Pythons.Python to = pythons.getLast();
        Path before = copy("exec_before.py");
        Path after = copy("exec_after.py");
        LaunchSpec spec = new LaunchSpec(from.executable().toString(), List.of(before.toString(), dir.toString(),
            to.executable().toString(), after.toString(), dir.toString(), "0"), null, Map.of())
            .withSubprocesses(subprocesses);
        Profile profile = new Profile();
        try (AttachedTarget target = new SamplerTargetService().launch(spec)) {
            Recording recording = target.record(new RecordingSettings(200, null), profile);
            try {
                await(() -> SamplesIn.count(profile, "before", before) >= 5, recording, "samples of before()");
                Files.writeString(dir.resolve("exec"), "");
                await(() -> SamplesIn.count(profile, "after", after) >= 5, recording, "samples of after(), past the exec");
                Files.writeString(dir.resolve("stop"), "");
                await(() -> recording.outcome() != Recording.Outcome.RUNNING, recording, "the program's end");
                assertEquals(Recording.Outcome.TARGET_EXITED, recording.outcome(), recording.failureMessage());
                String note = recording.execNote();
                assertTrue(note != null && note.startsWith("It exec'd " + to.executable().toRealPath() + " (Python "
                    + to.version() + ") and was followed"), note);
            } finally {
                Files.writeString(dir.resolve("exec"), "");
                Files.writeString(dir.resolve("stop"), "");
                recording.stop();
            }
        }
        assertEquals(2, profile.processes().size(), "an entry per program");
        assertEquals(from.version().toString(), profile.processes().get(0).pythonVersion());
        assertEquals(to.version().toString(), profile.processes().get(1).pythonVersion());
    }

    private static void await(BooleanSupplier condition, Recording recording, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(recording.outcome() == Recording.Outcome.RUNNING || condition.getAsBoolean(),
                "the recording ended (" + recording.outcome() + ", " + recording.failureMessage() + ") before " + what);
            assertTrue(System.nanoTime() < deadline, "no " + what + " within a minute");
            Thread.sleep(20);
        }
    }

    private Path copy(String resource) throws IOException {
        Path target = dir.resolve(resource);
        try (InputStream in = Pythons.class.getResourceAsStream(resource)) {
            Files.copy(in, target);
        }
        return target;
    }
}
