package dev.pyrometer.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.app.JvmRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenCommandTest {

    @Test
    void aMissingFileIsOneLineBeforeAnyWindow() throws Exception {
        JvmRun run = JvmRun.of(Map.of("DISPLAY", ":0"), "open", "/no/such/session.pyro");
        assertEquals(10, run.exitCode());
        assertEquals("pyrometer: cannot open /no/such/session.pyro: no such file. Check the path.", run.stderr().strip());
    }

    @Test
    void withoutADisplayItSaysSo(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("s.pyro"), "x");
        JvmRun run = JvmRun.of(Map.of(), "open", file.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.stderr().startsWith("pyrometer: no display"), run.stderr());
        assertFalse(run.stderr().contains("Exception"));
    }

    @Test
    void recordingAPidOrACommandAlsoNeedsADisplay() throws Exception {
        assertTrue(JvmRun.of(Map.of(), "--pid", "1").stderr().startsWith("pyrometer: no display"));
        assertTrue(JvmRun.of(Map.of(), "--", "python3", "app.py").stderr().startsWith("pyrometer: no display"));
    }

    @Test
    void openWithoutFilesIsAUsageError() throws Exception {
        JvmRun run = JvmRun.of(Map.of(), "open");
        assertEquals(2, run.exitCode());
        assertTrue(run.stderr().contains("Missing required parameter: 'FILE'"), run.stderr());
    }
}
