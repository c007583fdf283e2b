package dev.pyrometer.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.app.JvmRun;
import dev.pyrometer.model.FileErrors;
import dev.pyrometer.model.Loaded;
import dev.pyrometer.model.interchange.ProfileFiles;
import dev.pyrometer.model.testing.ScratchMount;
import dev.pyrometer.sampler.Pythons;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code record} into a place that stops taking the session: the failure is printed the moment it happens, the
 * recording goes on in memory and is written again at the end, and when that fails too the exit code is 13 and the
 * file keeps what was written before the failure.
 */
class RecordOutputFailureTest {
    @TempDir Path dir;

    @Test
    void aDiskThatFillsUpIsToldAtOnceAndEndsInExitCode13() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("small"));
        Path script = copy("exits_soon.py");
        try (ScratchMount full = ScratchMount.full(folder, 16)) {
            Path out = folder.resolve("rec.pyro");
            JvmRun run = JvmRun.of(Map.of(), "record", "-r", "2000", "-o", out.toString(), "--",
                Pythons.all().getLast().executable().toString(), script.toString(), "0", "4");
            assertEquals(FileErrors.UNWRITABLE, run.exitCode(), run.stderr());
            List<String> lines = run.stderr().strip().lines().toList();
            assertEquals(3, lines.size(), run.stderr());
            String failure = "pyrometer: could not write the session " + out + ": No space left on device.";
            assertEquals(failure + " Recording goes on in memory; it is written again at the end.", lines.get(0),
                "told when it happened, before the recording ended");
            assertTrue(lines.get(1).contains("; could not write all of " + out + " (session)"), lines.get(1));
            assertEquals(failure + " " + out + " keeps what was written before that; the rest of the recording could"
                + " not be saved.", lines.get(2));
            Loaded kept = ProfileFiles.read(out);
            assertFalse(kept.report().complete());
            assertTrue(kept.profile().samples().size() > 0, "the samples written before the disk filled up are kept");
        }
    }

    @Test
    void aReadOnlyFolderIsRefusedBeforeRecording() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("locked"));
        try (ScratchMount readOnly = ScratchMount.readOnly(folder)) {
            Path out = folder.resolve("rec.pyro");
            JvmRun run = JvmRun.of(Map.of(), "record", "-o", out.toString(), "--", "python3", "-c", "pass");
            assertEquals(FileErrors.UNWRITABLE, run.exitCode(), run.stderr());
            assertTrue(run.stderr().equals("pyrometer: cannot write " + out + ": read-only file system.\n")
                || run.stderr().equals("pyrometer: cannot write " + out + ": permission denied.\n"), run.stderr());
        }
    }

    private Path copy(String resource) throws IOException {
        Path target = dir.resolve(resource);
        try (InputStream in = RecordOutputFailureTest.class.getResourceAsStream("/dev/pyrometer/sampler/" + resource)) {
            Files.copy(in, target);
        }
        return target;
    }
}
