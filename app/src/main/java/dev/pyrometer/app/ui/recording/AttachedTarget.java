package dev.pyrometer.app.ui.recording;

import dev.pyrometer.app.ui.snapshot.ThreadDump;
import dev.pyrometer.model.SampleSink;
import java.util.List;

/** A Python process the profiler is attached to (or launched): it can be recorded and its stacks read at once. */
public interface AttachedTarget extends AutoCloseable {

    int pid();

    /** The command line, for titles. */
    String commandLine();

    /** The Python version, for the status bar ("3.11.7"), or null when unknown. */
    String pythonVersion();

    /** Every thread's current stack, innermost frame first (Dump → "Snapshot stacks"). */
    List<ThreadDump> snapshot();

    /** Starts recording into a sink; at most one recording per target. */
    Recording record(RecordingSettings settings, SampleSink sink);

    /** True while the process is alive. */
    boolean isAlive();

    /** Releases the target; a launched program is left running only if it had already been detached from. */
    @Override
    void close();
}
