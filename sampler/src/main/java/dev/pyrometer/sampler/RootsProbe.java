package dev.pyrometer.sampler;

import dev.pyrometer.model.RunRoots;
import dev.pyrometer.model.SampleSink;
import dev.pyrometer.sampler.walk.TargetReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the target's roots ({@link RunRoots}) for the session's metadata, once. A program attached to while it
 * runs has them all at the first read. One just launched may still be starting: until it runs its main script,
 * {@code site} may not have added the package folders to {@code sys.path} and {@code __main__} has no file yet. So an
 * incomplete read is written (better than nothing if the program ends first) and tried again, soon and then less
 * often, until the roots are complete or a minute has passed (a {@code -c} program never has a main file).
 */
final class RootsProbe {
    private static final long FIRST_RETRY_NANOS = 2_000_000;
    private static final long LAST_RETRY_NANOS = 1_000_000_000;
    private static final long GIVE_UP_NANOS = 60_000_000_000L;

    private final int pid;
    private final SampleSink sink;
    private RunRoots written = RunRoots.NONE;
    private boolean done;
    private long nextAt;
    private long interval = FIRST_RETRY_NANOS;

    RootsProbe(int pid, SampleSink sink) {
        this.pid = pid;
        this.sink = sink;
    }

    /** Reads the roots if they are due ({@code time}: nanoseconds since the recording started); cheap once done. */
    void poll(TargetReader reader, long time) {
        if (done || time < nextAt) return;
        RunRoots read = reader.roots();
        if (read != null) {
            RunRoots roots = new RunRoots(read.sysPath(), read.mainFile(), workingDirectory(), read.prefix(),
                read.basePrefix(), read.execPrefix());
            write(roots);
            done = roots.complete() && hasScriptFolder(roots);
        }
        nextAt = time + interval;
        interval = Math.min(interval * 2, LAST_RETRY_NANOS);
        if (time >= GIVE_UP_NANOS) done = true;
    }

    /**
     * Whether {@code sys.path} already holds the main script's folder, which Python puts first only just before it
     * runs the script (3.9 was seen read between the two). A program run with {@code -I}, {@code -P} or {@code -m}
     * never has it: it is read again, less and less often, until the minute is up.
     */
    private static boolean hasScriptFolder(RunRoots roots) {
        if (roots.mainFile() == null) return true;
        Path folder = Path.of(roots.mainFile()).getParent();
        return folder == null || roots.sysPath().contains(folder.toString());
    }

    /** Writes the keys whose values changed since the last read. */
    private void write(RunRoots roots) {
        Map<String, String> before = written.metadata();
        for (Map.Entry<String, String> e : roots.metadata().entrySet()) {
            if (!Objects.equals(before.get(e.getKey()), e.getValue())) sink.metadata(e.getKey(), e.getValue());
        }
        written = roots;
    }

    /** From the kernel: the target's working directory, or null when it cannot be read (it exited, or no right). */
    private String workingDirectory() {
        try {
            return Files.readSymbolicLink(Path.of("/proc", Integer.toString(pid), "cwd")).toString();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
    }
}
