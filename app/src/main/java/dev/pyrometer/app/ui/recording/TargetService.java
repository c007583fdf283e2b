package dev.pyrometer.app.ui.recording;

/**
 * Reaches Python processes: attach to a running one or launch a command under the profiler. Errors the user can act
 * on (no such process, permission denied, not Python) are {@link dev.pyrometer.model.PyrometerException}s whose
 * message says what to do.
 */
public interface TargetService {

    /** Attaches to one process. */
    default AttachedTarget attach(int pid) {
        return attach(pid, false);
    }

    /**
     * Attaches to a process; with {@code subprocesses} its recording also follows its Python descendants, those
     * running now and those it starts, as a launch with {@link LaunchSpec#subprocesses} does.
     */
    AttachedTarget attach(int pid, boolean subprocesses);

    AttachedTarget launch(LaunchSpec spec);
}
