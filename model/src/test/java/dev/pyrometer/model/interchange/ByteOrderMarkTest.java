package dev.pyrometer.model.interchange;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pyrometer.model.Profile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text profiles saved by Windows editors and shells often start with a UTF-8 byte order mark; it is not part of the
 * first frame, thread or JSON value.
 */
class ByteOrderMarkTest {
    private static final String BOM = "\uFEFF";
    @TempDir Path dir;

    @Test
    void collapsedStacksWithAMarkKeepTheirThreads() throws IOException {
        Path file = dir.resolve("raw.txt");
        Files.writeString(file, BOM + "thread (42): MainThread;main (app.py:3) 5\n", StandardCharsets.UTF_8);
        Profile p = ProfileFiles.read(file).profile();
        assertEquals(5, p.samples().size());
        assertEquals("MainThread", p.threads().name(0));
        assertEquals(42, p.threads().osThreadId(0));
        assertEquals("main", p.functionName(0));
    }

    @Test
    void speedscopeWithAMarkIsRecognisedAndRead() throws IOException {
        Path file = dir.resolve("profile.data");
        Files.writeString(file, BOM + """
            {"shared": {"frames": [{"name": "work", "file": "app.py", "line": 7}]},
             "profiles": [{"type": "sampled", "name": "Thread 9 \\"main\\"", "unit": "none", "samples": [[0]], "weights": [4]}]}
            """, StandardCharsets.UTF_8);
        assertEquals(Format.SPEEDSCOPE, ProfileFiles.detect(file));
        Profile p = ProfileFiles.read(file).profile();
        assertEquals(4, p.samples().size());
        assertEquals("work", p.functionName(0));
    }
}
