package dev.pyrometer.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pyrometer.model.FileErrors;
import dev.pyrometer.model.PyrometerException;
import dev.pyrometer.model.testing.ExternalTools;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder bind-mounted read-only (its file system itself writable, so the file store does not say read-only)
 * refuses the output because it is read-only, and record says so rather than "permission denied". Needs root, to
 * mount.
 */
class ReadOnlyBindMountTest {
    @TempDir Path dir;

    @Test
    void aReadOnlyBindMountIsNamedAsSuch() throws Exception {
        ExternalTools.requireThat("root".equals(System.getProperty("user.name")), "a bind mount needs root");
        Path folder = Files.createDirectory(dir.resolve("ro"));
        ExternalTools.requireThat(run("mount", "--bind", folder.toString(), folder.toString())
            && run("mount", "-o", "remount,bind,ro", folder.toString()), "cannot bind-mount a folder read-only here");
        try {
            Path out = folder.resolve("x.txt");
            PyrometerException e = CliRun.error("record", "-o", out.toString(), "--", "python3", "-c", "pass");
            assertEquals(FileErrors.UNWRITABLE, e.exitCode());
            assertEquals("cannot write " + out + ": read-only file system.", e.getMessage());
        } finally {
            run("umount", "-l", folder.toString());
        }
    }

    private static boolean run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor() == 0;
    }
}
