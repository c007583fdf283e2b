package dev.pyrometer.model.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.FileErrors;
import dev.pyrometer.model.Loaded;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.Progress;
import dev.pyrometer.model.PyrometerException;
import dev.pyrometer.model.SampleState;
import dev.pyrometer.model.testing.ScratchMount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the autosave cannot be written (a full disk, a read-only folder, the file removed), the recorder says so the
 * moment it happens, keeps what it wrote, and the profile keeps every sample: nothing is recorded into nothing.
 */
class SessionRecorderFailureTest {
    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(60);
    @TempDir Path dir;

    /** Samples over ever new stacks, so that every batch adds bytes to the file. */
    static void appendSamples(Profile p, int from, int count) {
        int t = p.thread(1, "MainThread");
        for (int i = from; i < from + count; i++) {
            int[] frames = {p.frame("a.py", "f" + (i % 5000), i % 997 + 1, 1), p.frame("a.py", "main", 9, 8)};
            p.sample(i * 1_000_000L, t, frames, 2, SampleState.RUNNING, 0, 0);
        }
    }

    /** Appends batches until the recorder has told of a failure. */
    static void recordUntilItFails(Profile live, CountDownLatch told) throws InterruptedException {
        long start = System.nanoTime();
        int added = 0;
        while (!told.await(20, TimeUnit.MILLISECONDS)) {
            assertTrue(System.nanoTime() - start < DEADLINE_NANOS, "writing never failed");
            appendSamples(live, added, 2_000);
            added += 2_000;
        }
    }

    @Test
    void aFullDiskIsToldAtOnceAndWhatWasWrittenStaysReadable() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("small"));
        try (ScratchMount full = ScratchMount.full(folder, 256)) {
            Path file = folder.resolve("rec.pyro");
            Profile live = new Profile();
            SessionRecorder recorder = SessionRecorder.start(live, file, Duration.ofMillis(20));
            CountDownLatch told = new CountDownLatch(1);
            AtomicReference<PyrometerException> heard = new AtomicReference<>();
            recorder.onFailure(e -> {
                heard.set(e);
                told.countDown();
            });
            assertNull(recorder.failure());
            recordUntilItFails(live, told);

            PyrometerException error = heard.get();
            assertEquals("could not write the session " + file + ": No space left on device.", error.getMessage());
            assertEquals(FileErrors.UNWRITABLE, error.exitCode());
            assertEquals(error.getMessage(), recorder.failure().getMessage());
            int recorded = live.samples().size();
            appendSamples(live, recorded, 1_000);
            assertEquals(recorded + 1_000, live.samples().size(), "the recording goes on in memory");
            assertEquals(error.getMessage(), assertThrows(PyrometerException.class, recorder::close).getMessage());

            Loaded kept = SessionReader.read(file, Progress.NONE, Cancel.NEVER);
            assertFalse(kept.report().complete());
            assertTrue(kept.profile().samples().size() > 1_000, "kept " + kept.profile().samples().size());
            assertTrue(kept.profile().samples().size() < live.samples().size());
        }
    }

    @Test
    void aListenerAddedAfterTheFailureIsToldToo() throws Exception {
        Path file = dir.resolve("gone.pyro");
        Profile live = new Profile();
        SessionRecorder recorder = SessionRecorder.start(live, file, Duration.ofMillis(20));
        CountDownLatch first = new CountDownLatch(1);
        recorder.onFailure(e -> first.countDown());
        appendSamples(live, 0, 100);
        recorder.flush();
        Files.delete(file); // writing on would succeed into a file no one can open
        recordUntilItFails(live, first);
        assertEquals("could not write the session " + file + ": it was removed while recording.", recorder.failure().getMessage());
        AtomicReference<PyrometerException> late = new AtomicReference<>();
        recorder.onFailure(late::set);
        assertSame(PyrometerException.class, late.get().getClass());
        assertEquals(recorder.failure().getMessage(), late.get().getMessage());
        assertThrows(PyrometerException.class, recorder::close);
    }

    @Test
    void aReadOnlyFolderFailsAtTheStartInOneLine() {
        Path folder = dir.resolve("locked");
        try (ScratchMount readOnly = ScratchMount.readOnly(createDirectory(folder))) {
            Path file = folder.resolve("rec.pyro");
            PyrometerException e = assertThrows(PyrometerException.class, () -> SessionRecorder.start(new Profile(), file));
            assertTrue(e.getMessage().equals("cannot write the session " + file + ": read-only file system.")
                || e.getMessage().equals("cannot write the session " + file + ": permission denied."), e.getMessage());
            assertEquals(FileErrors.UNWRITABLE, e.exitCode());
        }
    }

    @Test
    void aDeviceThatIsAlwaysFullFailsAtTheStart() {
        PyrometerException e = assertThrows(PyrometerException.class, () -> SessionRecorder.start(new Profile(), Path.of("/dev/full")));
        assertEquals("cannot write the session /dev/full: No space left on device.", e.getMessage());
    }

    private static Path createDirectory(Path folder) {
        try {
            return Files.createDirectory(folder);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
