package dev.pyrometer.model.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Outside tools that some tests cross-check against (py-spy, go, gdb, chromium, Xvfb …).
 *
 * <p>On a newcomer's machine a missing tool skips the test with a reason that names the tool and how to get it, so
 * README's test command passes with nothing installed by hand. Under {@code CI=true}, where {@code .ci/run} installs
 * every tool, a missing one fails the test instead: CI can never silently lose a check.
 */
public final class ExternalTools {
    private ExternalTools() {}

    /** Whether missing tools fail tests ({@code CI=true}) rather than skip them. */
    public static boolean strict() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /**
     * The command's path on the PATH; skips the calling test when it is absent (fails under CI).
     *
     * @param command the executable's name, {@code py-spy}
     * @param install how a user gets it, {@code pip install py-spy}
     */
    public static Path require(String command, String install) {
        Path found = onPath(command);
        if (found == null) missing(command + " is not on the PATH (" + install + ")");
        return found;
    }

    /** Skips (or under CI fails) the calling test unless {@code present}; {@code what} says what is missing and how to get it. */
    public static void requireThat(boolean present, String what) {
        if (!present) missing(what);
    }

    /** The command's path on the PATH, or null. */
    public static Path onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path candidate = Path.of(dir, command);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) return candidate;
        }
        return null;
    }

    private static void missing(String what) {
        if (strict()) fail("CI=true, so this check may not be skipped: " + what);
        abort("skipped: " + what);
    }
}
