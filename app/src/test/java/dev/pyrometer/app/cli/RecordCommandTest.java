package dev.pyrometer.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.app.JvmRun;
import dev.pyrometer.sampler.Pythons;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code record -- CMD}: launches the program, records it to its end, writes collapsed stacks, returns its exit code. */
class RecordCommandTest {
    @TempDir
    Path dir;

    @Test
    void launchedProgramIsRecordedAndItsExitCodeReturned() throws Exception {
        Pythons.Python python = Pythons.all().getLast();
        Path script = copy("exits_soon.py");
        Path out = dir.resolve("stacks.txt");
        JvmRun run = JvmRun.of(Map.of(), "record", "-r", "250", "-o", out.toString(), "--",
            python.executable().toString(), script.toString(), "3", "1.0");
        assertEquals(3, run.exitCode(), run.stderr());
        assertTrue(run.stderr().matches("(?s)pyrometer: \\d+ samples, \\d+ errors, \\d+ late ticks in .* s \\(.* Hz achieved\\);"
            + " sampler CPU .* µs per sample; wrote \\d+ samples to .*stacks.txt \\(collapsed\\)\\s*"), run.stderr());
        String collapsed = Files.readString(out);
        // py-spy's raw format: root first, `function (file:line)` frames, a count at the end of each line.
        assertTrue(collapsed.lines().allMatch(l -> l.matches(".+ \\(.+:\\d+\\)(;.+ \\(.+:\\d+\\))* \\d+")), collapsed);
        assertTrue(collapsed.contains("<module> (" + script + ":"), collapsed);
        assertTrue(collapsed.contains(";busy (" + script + ":"), collapsed);
        long samples = collapsed.lines().mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf(' ') + 1))).sum();
        assertTrue(samples > 50, "samples: " + samples);
    }

    private Path copy(String resource) throws IOException {
        Path target = dir.resolve(resource);
        try (InputStream in = Pythons.class.getResourceAsStream(resource)) {
            Files.copy(in, target);
        }
        return target;
    }
}
