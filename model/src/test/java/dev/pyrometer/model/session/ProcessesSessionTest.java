package dev.pyrometer.model.session;

import static dev.pyrometer.model.ProfileAssertions.assertSameRecording;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.Loaded;
import dev.pyrometer.model.ProcessInfo;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.Progress;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Format 1.1's process table ({@code sessions/golden-v1.1-processes.pyro}): processes, their parents and ends, and
 * threads filed under them (two processes' threads with one OS id stay apart). If this test fails, the format changed.
 * Regenerate only on purpose, with {@code -Dpyrometer.writeGolden=true}.
 */
class ProcessesSessionTest {
    private static final String RESOURCE = "/sessions/golden-v1.1-processes.pyro";
    @TempDir Path dir;

    @Test
    void theGoldenProcessesSessionLoads() throws IOException {
        Path file = dir.resolve("golden.pyro");
        try (InputStream in = ProcessesSessionTest.class.getResourceAsStream(RESOURCE)) {
            assertNotNull(in, "missing " + RESOURCE);
            Files.write(file, in.readAllBytes());
        }
        Loaded loaded = SessionReader.read(file, Progress.NONE, Cancel.NEVER);
        assertTrue(loaded.report().complete(), String.valueOf(loaded.report().problem()));
        Profile p = loaded.profile();
        assertSameRecording(SessionFixtures.processes(), p);
        assertEquals(4, p.processes().size());
        ProcessInfo w1 = p.processes().get(1);
        assertEquals(5001, w1.pid());
        assertEquals(0, w1.parent());
        assertEquals(195_000L, w1.endMicros());
        assertEquals(-1, p.processes().get(3).parent());
        assertEquals(5009, p.processes().get(3).parentPid());
        assertEquals("3.13.0", p.processes().get(3).pythonVersion());
        assertEquals(ProcessInfo.RUNNING, p.processes().get(2).endMicros());
        // Two threads with OS id 7777, one per worker.
        assertEquals(8, p.threads().size() + 1);
        assertEquals(1, p.threads().process(3));
        assertEquals(2, p.threads().process(5));
        assertEquals(7777, p.threads().osThreadId(3));
        assertEquals(7777, p.threads().osThreadId(5));
    }

    @Test
    void theWriterStillProducesTheGoldenBytes() throws IOException {
        byte[] written = SessionFileTest.bytesOf(SessionFixtures.processes());
        if (Boolean.getBoolean("pyrometer.writeGolden")) {
            Files.write(Path.of("src/test/resources" + RESOURCE), written);
        }
        try (InputStream in = ProcessesSessionTest.class.getResourceAsStream(RESOURCE)) {
            assertNotNull(in, "missing " + RESOURCE);
            assertArrayEquals(in.readAllBytes(), written, "the session format changed: see this test's comment");
        }
    }

    @Test
    void aLiveRecordingWritesEachProcessEndOnceItHappens() throws IOException {
        Profile p = new Profile();
        int root = p.process(new ProcessInfo(10, 1, -1, "python3 a.py", "3.12.1", 0, ProcessInfo.RUNNING));
        int thread = p.thread(root, 10, "MainThread");
        int frame = p.frame("/a.py", "f", 1, 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SessionWriter writer = new SessionWriter(p, out);
        p.sample(0, thread, new int[] {frame}, 1, 1, 0, 0);
        writer.writeNew();
        int child = p.process(new ProcessInfo(11, 10, root, "python3 a.py", "3.12.1", 5_000, ProcessInfo.RUNNING));
        int childThread = p.thread(child, 11, "MainThread");
        p.sample(6_000_000, childThread, new int[] {frame}, 1, 1, 0, 0);
        writer.writeNew();
        p.processEnded(child, 9_000_000);
        writer.finish();
        Path file = dir.resolve("live.pyro");
        Files.write(file, out.toByteArray());
        Profile read = SessionReader.read(file, Progress.NONE, Cancel.NEVER).profile();
        assertSameRecording(p, read);
        assertEquals(9_000, read.processes().get(1).endMicros());
        assertEquals(1, read.threads().process(1));
    }
}
