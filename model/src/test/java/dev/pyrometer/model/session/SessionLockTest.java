package dev.pyrometer.model.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.model.FileErrors;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.PyrometerException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two recordings into one session file would interleave their chunks and both report success: the second recorder,
 * in another process or this one, is refused in one line and leaves the first one's file as it was.
 */
class SessionLockTest {
    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(60);
    @TempDir Path dir;

    @Test
    void aSecondRecorderInAnotherProcessIsRefused() throws Exception {
        Path file = dir.resolve("shared.pyro");
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process child = new ProcessBuilder(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
            RecordingChild.class.getName(), file.toString())).redirectErrorStream(true)
            .redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            long start = System.nanoTime();
            while (!Files.exists(file) || Files.size(file) < 4096) {
                assertTrue(child.isAlive(), () -> "the child died: " + log());
                assertTrue(System.nanoTime() - start < DEADLINE_NANOS, "the child never flushed");
                Thread.sleep(10);
            }
            long before = Files.size(file);
            PyrometerException e = assertThrows(PyrometerException.class,
                () -> SessionRecorder.start(new Profile(), file, Duration.ofMillis(20)));
            assertEquals(FileErrors.UNWRITABLE, e.exitCode());
            assertEquals("cannot write the session " + file + ": another recording is writing it; record into"
                + " another file.", e.getMessage());
            assertTrue(Files.size(file) >= before, "the first recording's file was not emptied");
        } finally {
            child.destroyForcibly();
            child.waitFor(60, TimeUnit.SECONDS);
        }
        // The lock ends with its process, however it ends: the file can be recorded into again.
        SessionRecorder.start(new Profile(), file, Duration.ofMillis(20)).close();
    }

    @Test
    void aSecondRecorderInThisProcessIsRefusedUntilTheFirstCloses() {
        Path file = dir.resolve("twice.pyro");
        SessionRecorder first = SessionRecorder.start(new Profile(), file, Duration.ofMillis(20));
        PyrometerException e = assertThrows(PyrometerException.class,
            () -> SessionRecorder.start(new Profile(), file, Duration.ofMillis(20)));
        assertEquals(FileErrors.UNWRITABLE, e.exitCode());
        first.close();
        SessionRecorder.start(new Profile(), file, Duration.ofMillis(20)).close();
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("child.log"));
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
