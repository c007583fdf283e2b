package dev.pyrometer.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.model.FileErrors;
import dev.pyrometer.model.session.SessionWriter;
import dev.pyrometer.model.testing.ExternalTools;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code convert} (and {@code record}, through the same writer) to a symbolic link writes the file it points to;
 * to a full device it fails with exit code 13 and never says "Wrote"; the device stays a device.
 */
class ConvertOutputTargetTest {
    @TempDir Path dir;

    @Test
    void aLinkedOutputWritesItsFile() throws Exception {
        Path input = dir.resolve("run.pyro");
        SessionWriter.save(ConvertCommandTest.recording(), input);
        Path real = Files.writeString(dir.resolve("real.txt"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("out.txt"), real.getFileName());
        CliRun run = CliRun.of("convert", input.toString(), link.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.isSymbolicLink(link));
        assertTrue(Files.readString(real).contains("main (/srv/app.py:10)"), Files.readString(real));
    }

    @Test
    void aFullDeviceFailsWithTheUnwritableCode() throws Exception {
        Path input = dir.resolve("run.pyro");
        SessionWriter.save(ConvertCommandTest.recording(), input);
        Path full = dir.resolve("full"); // a copy of /dev/full: the real one must never be at stake
        Process mknod = new ProcessBuilder("mknod", full.toString(), "c", "1", "7").redirectErrorStream(true).start();
        mknod.getInputStream().readAllBytes();
        ExternalTools.requireThat(mknod.waitFor() == 0, "making a device node needs root (mknod " + full + " c 1 7)");
        CliRun run = CliRun.of("convert", input.toString(), full.toString(), "-f", "collapsed");
        assertEquals(FileErrors.UNWRITABLE, run.exitCode());
        assertEquals("cannot write " + full + ": No space left on device.", run.failure().getMessage());
        assertTrue(!run.out().contains("Wrote"), run.out());
        int mode = (Integer) Files.getAttribute(full, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        assertEquals(0020000, mode & 0170000, "still a character device");
    }
}
