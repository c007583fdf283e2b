package dev.pyrometer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void versionAnswers() throws Exception {
        JvmRun run = JvmRun.of(Map.of(), "--version");
        assertEquals(0, run.exitCode());
        assertTrue(run.stdout().startsWith("Pyrometer "), run.stdout());
    }

    @Test
    void helpListsTheUsage() throws Exception {
        JvmRun run = JvmRun.of(Map.of(), "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.stdout().contains("Usage: pyrometer"), run.stdout());
    }

    @Test
    void withoutADisplayTheDesktopSaysSoInOneLine() throws Exception {
        JvmRun run = JvmRun.of(Map.of());
        assertEquals(2, run.exitCode());
        assertEquals(1, run.stderr().strip().lines().count(), run.stderr());
        assertTrue(run.stderr().startsWith("pyrometer: no display"), run.stderr());
        assertFalse(run.stderr().contains("Exception"), run.stderr());
    }
}
