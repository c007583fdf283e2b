package dev.pyrometer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.model.testing.ExternalTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An output path that is not a regular file is written to, not replaced: a symbolic link keeps pointing where it
 * did and its file gets the content, a FIFO stays a FIFO and its reader gets the content, a device node stays a
 * device; a full device fails with one line instead of "written".
 */
class OutputTargetTest {
    private static final byte[] CONTENT = {1, 2, 3, 4};
    @TempDir Path dir;

    @Test
    void aLinkToAFileIsFollowedAndStaysALink() throws IOException {
        Path file = Files.writeString(dir.resolve("real.txt"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), Path.of("real.txt"));
        AtomicFiles.write(link, out -> out.write(CONTENT));
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(Path.of("real.txt"), Files.readSymbolicLink(link));
        assertArrayEquals(CONTENT, Files.readAllBytes(file));
        assertEquals(2, listed(dir), "no temporary file is left behind");
    }

    @Test
    void aLinkToAFileNotYetMadeMakesThatFile() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), sub.resolve("new.txt"));
        AtomicFiles.write(link, out -> out.write(CONTENT));
        assertTrue(Files.isSymbolicLink(link));
        assertArrayEquals(CONTENT, Files.readAllBytes(sub.resolve("new.txt")));
    }

    @Test
    void aFifoIsWrittenThroughToItsReader() throws Exception {
        Path fifo = dir.resolve("pipe");
        run("mkfifo", fifo.toString());
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readAllBytes(fifo);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        AtomicFiles.write(fifo, out -> out.write(CONTENT));
        assertArrayEquals(CONTENT, read.get(30, TimeUnit.SECONDS));
        assertTrue(Files.readAttributes(fifo, "unix:mode", LinkOption.NOFOLLOW_LINKS).get("mode") instanceof Integer mode
            && (mode & 0170000) == 0010000, "still a FIFO");
        assertEquals(1, listed(dir));
    }

    @Test
    void aDeviceNodeStaysADevice() throws Exception {
        // A copy of /dev/null made in the test's folder: on failure the test must not destroy the real one.
        Path device = dir.resolve("null");
        ExternalTools.requireThat(mknod(device, 3), "making a device node needs root (mknod " + device + " c 1 3)");
        AtomicFiles.write(device, out -> out.write(CONTENT));
        assertTrue(isCharacterDevice(device), "still a character device, not replaced by a regular file");
        assertEquals(1, listed(dir));
    }

    @Test
    void aFullDeviceFailsInOneLine() throws Exception {
        // A copy of /dev/full made in the test's folder: the real one must never be at stake (as root, replacing it
        // by a regular file is exactly the bug).
        Path full = dir.resolve("full");
        ExternalTools.requireThat(mknod(full, 7), "making a device node needs root (mknod " + full + " c 1 7)");
        PyrometerException e = assertThrows(PyrometerException.class, () -> AtomicFiles.write(full, out -> out.write(CONTENT)));
        assertEquals(FileErrors.UNWRITABLE, e.exitCode());
        assertEquals("cannot write " + full + ": No space left on device.", e.getMessage());
        assertTrue(isCharacterDevice(full));
    }

    /** Makes a character device node of major 1 (memory devices): minor 3 is null, 7 is full. */
    private static boolean mknod(Path device, int minor) throws Exception {
        Process p = new ProcessBuilder("mknod", device.toString(), "c", "1", Integer.toString(minor))
            .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor() == 0;
    }

    private static boolean isCharacterDevice(Path path) {
        try {
            int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            return (mode & 0170000) == 0020000;
        } catch (IOException e) {
            return false;
        }
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + out);
    }

    private static long listed(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.count();
        }
    }
}
