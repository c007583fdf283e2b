package dev.pyrometer.model.session;

import static dev.pyrometer.model.ProfileAssertions.assertSameRecording;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.LoadReport;
import dev.pyrometer.model.Loaded;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.Progress;
import dev.pyrometer.model.PyrometerException;
import dev.pyrometer.model.SampleState;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionRecorderTest {
    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(60);
    @TempDir Path dir;

    /** Loads whatever the file holds right now, as a viewer opening a recording in progress would. */
    static Loaded peek(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Profile p = new Profile();
        if (bytes.length < SessionFormat.HEADER_BYTES) return new Loaded(p, null);
        LoadReport report = SessionReader.readInto(new ByteArrayInputStream(bytes), file.toString(), bytes.length, p,
            Progress.NONE, Cancel.NEVER);
        return new Loaded(p, report);
    }

    static void appendSamples(Profile p, int from, int count) {
        int t = p.thread(1, "MainThread");
        int[] frames = {p.frame("a.py", "f", 1, 1), p.frame("a.py", "main", 9, 8)};
        for (int i = from; i < from + count; i++) p.sample(i * 1_000_000L, t, frames, 2, SampleState.RUNNING, 0, 0);
    }

    @Test
    void theFileFollowsTheRecordingAndEndsCleanly() throws Exception {
        Profile live = new Profile();
        Path file = dir.resolve("live.pyro");
        try (SessionRecorder recorder = SessionRecorder.start(live, file, Duration.ofMillis(20))) {
            appendSamples(live, 0, 10_000);
            long start = System.nanoTime();
            while (peek(file).profile().samples().size() < 10_000) {
                assertTrue(System.nanoTime() - start < DEADLINE_NANOS, "the background flush never came");
                Thread.sleep(10);
            }
            Loaded partial = peek(file);
            assertFalse(partial.report().complete(), "no end marker while recording");
            assertEquals(10_000, recorder.samplesWritten());
            appendSamples(live, 10_000, 5);
        }
        Loaded done = SessionReader.read(file, Progress.NONE, Cancel.NEVER);
        assertTrue(done.report().complete());
        assertSameRecording(live, done.profile());
    }

    @Test
    void flushWritesAtOnceAndCloseTwiceIsHarmless() throws IOException {
        Profile live = new Profile();
        Path file = dir.resolve("on-demand.pyro");
        SessionRecorder recorder = SessionRecorder.start(live, file, Duration.ofHours(1));
        appendSamples(live, 0, 3);
        recorder.flush();
        assertEquals(3, peek(file).profile().samples().size());
        assertTrue(recorder.bytesWritten() > SessionFormat.HEADER_BYTES);
        recorder.close();
        recorder.close();
        recorder.flush();
        assertTrue(SessionReader.read(file, Progress.NONE, Cancel.NEVER).report().complete());
    }

    @Test
    void anInterruptedCallerDoesNotBreakTheRecording() throws IOException {
        Profile live = new Profile();
        Path file = dir.resolve("interrupted.pyro");
        try (SessionRecorder recorder = SessionRecorder.start(live, file, Duration.ofHours(1))) {
            appendSamples(live, 0, 100);
            Thread.currentThread().interrupt(); // a UI task cancelled while it saves
            recorder.flush();
            appendSamples(live, 100, 100);
        } finally {
            Thread.interrupted();
        }
        Loaded loaded = SessionReader.read(file, Progress.NONE, Cancel.NEVER);
        assertTrue(loaded.report().complete());
        assertEquals(200, loaded.profile().samples().size());
    }

    @Test
    void anUnwritablePlaceIsReportedInOneLine() {
        Path file = dir.resolve("no/such/dir/x.pyro");
        PyrometerException e = assertThrows(PyrometerException.class, () -> SessionRecorder.start(new Profile(), file));
        assertEquals("cannot write the session " + file + ": the folder " + file.getParent() + " does not exist.", e.getMessage());
        assertEquals(dev.pyrometer.model.FileErrors.UNWRITABLE, e.exitCode());
    }

    @Test
    void aRecordingKilledWithSigkillLoadsUpToItsLastFlush() throws Exception {
        Path file = dir.resolve("killed.pyro");
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process child = new ProcessBuilder(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
            RecordingChild.class.getName(), file.toString())).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        int seen = 0;
        try {
            long start = System.nanoTime();
            while (seen < 5_000) {
                assertTrue(child.isAlive(), () -> "the child died: " + readLog());
                assertTrue(System.nanoTime() - start < DEADLINE_NANOS, "the child never flushed");
                if (Files.exists(file)) seen = peek(file).profile().samples().size();
                Thread.sleep(10);
            }
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no end marker
            child.waitFor(60, TimeUnit.SECONDS);
        }
        Loaded loaded = SessionReader.read(file, Progress.NONE, Cancel.NEVER);
        assertFalse(loaded.report().complete());
        assertTrue(loaded.report().samples() >= seen, loaded.report().samples() + " < " + seen);
        assertTrue(loaded.report().hasWarning());
        assertEquals("recording child", loaded.profile().metadata("command"));
    }

    private String readLog() {
        try {
            return Files.readString(dir.resolve("child.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Test
    void aStreamThatFailsAtOnceIsClosedAndReportedInOneLine() {
        boolean[] closed = {false};
        java.io.OutputStream broken = new java.io.OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        };
        PyrometerException e = assertThrows(PyrometerException.class,
            () -> SessionRecorder.start(new Profile(), broken, "the viewer", Duration.ofSeconds(1)));
        assertEquals("cannot write the session to the viewer: Broken pipe.", e.getMessage());
        assertTrue(closed[0], "the recorder owned the stream and must close it when it cannot start");
    }
}
