package dev.pyrometer.app.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the source file behind a path recorded in a profile. In order: the user's path mappings (their intent wins),
 * the target's own view of its files through {@code /proc/PID/root} (right even when the target runs in a container
 * whose files are not where the path says on this machine), then the path as it is.
 */
public final class SourceLocator {
    private SourceLocator() {}

    /** Where the file was found (or null) and every place that was tried, for the "not found" message. */
    public record Located(Path path, List<String> tried) {
        public boolean found() {
            return path != null;
        }
    }

    /**
     * @param recorded the path as the profile holds it
     * @param pid      the profiled process when it may still be running (its /proc/PID/root is consulted), or 0
     */
    public static Located locate(String recorded, int pid, List<PathMapping> mappings) {
        List<String> tried = new ArrayList<>();
        if (recorded == null || recorded.isEmpty() || recorded.startsWith("<")) {
            // <frozen importlib._bootstrap>, <string>, <stdin>: code without a file
            tried.add(recorded == null ? "(no file name)" : recorded + " (not a file)");
            return new Located(null, tried);
        }
        for (PathMapping mapping : mappings) {
            String mapped = mapping.apply(recorded);
            if (mapped != null && check(mapped, tried)) return new Located(Path.of(mapped), tried);
        }
        if (pid > 0 && recorded.startsWith("/")) {
            String inTarget = "/proc/" + pid + "/root" + recorded;
            if (check(inTarget, tried)) {
                // The same file as ours when the target shares our mount namespace: show the plain path then.
                return new Located(sameFile(Path.of(inTarget), recorded) ? Path.of(recorded) : Path.of(inTarget), tried);
            }
        }
        if (check(recorded, tried)) return new Located(Path.of(recorded), tried);
        return new Located(null, tried);
    }

    private static boolean sameFile(Path inTarget, String recorded) {
        try {
            Path local = Path.of(recorded);
            return Files.exists(local) && Files.isSameFile(inTarget, local);
        } catch (IOException | InvalidPathException | SecurityException e) {
            return false;
        }
    }

    private static boolean check(String candidate, List<String> tried) {
        tried.add(candidate);
        try {
            Path path = Path.of(candidate);
            return Files.isRegularFile(path) && Files.isReadable(path);
        } catch (InvalidPathException | SecurityException e) {
            return false;
        }
    }
}
