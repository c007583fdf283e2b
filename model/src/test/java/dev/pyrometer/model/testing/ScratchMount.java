package dev.pyrometer.model.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A folder where writing fails for real, for tests of what the user is told then: a tiny tmpfs that fills up, or a
 * read-only folder. Mounting needs root (as on CI); without it a full file system cannot be had and the test is
 * skipped (failed under {@code CI=true}, see {@link ExternalTools}), while a read-only folder is made with
 * {@code chmod}, which binds everyone but root.
 */
public final class ScratchMount implements AutoCloseable {
    private final Path dir;
    private final boolean mounted;

    private ScratchMount(Path dir, boolean mounted) {
        this.dir = dir;
        this.mounted = mounted;
    }

    /** A tmpfs of {@code kib} KiB on {@code dir} (an empty folder): writing more fails with "No space left on device". */
    public static ScratchMount full(Path dir, int kib) {
        ExternalTools.requireThat(isRoot(), "a small full file system is a tmpfs mounted by the test, which needs root");
        mount(dir, "size=" + kib + "k");
        return new ScratchMount(dir, true);
    }

    /** {@code dir} (an empty folder) made read-only: a read-only tmpfs for root, {@code chmod 555} for anyone else. */
    public static ScratchMount readOnly(Path dir) {
        if (isRoot()) {
            mount(dir, "ro,size=64k");
            return new ScratchMount(dir, true);
        }
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new ScratchMount(dir, false);
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void close() {
        if (mounted) {
            // Lazily: a file the code under test left open must not keep the mount (and the test's temp dir) busy.
            run(List.of("umount", "-l", dir.toString()));
        } else {
            try {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static boolean isRoot() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue() == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static void mount(Path dir, String options) {
        String failed = run(List.of("mount", "-t", "tmpfs", "-o", options, "tmpfs", dir.toString()));
        ExternalTools.requireThat(failed == null, "cannot mount a tmpfs here (" + failed + ")");
    }

    /** Runs a command; null when it succeeded, else what it said. */
    private static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return String.join(" ", command) + " did not finish";
            }
            return p.exitValue() == 0 ? null : String.join(" ", command) + ": " + out;
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e.toString();
        }
    }
}
