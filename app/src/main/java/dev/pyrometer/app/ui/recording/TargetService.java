package dev.pyrometer.app.ui.recording;

/**
 * Reaches Python processes: attach to a running one or launch a command under the profiler. Errors the user can act
 * on (no such process, permission denied, not Python) are {@link dev.pyrometer.model.PyrometerException}s whose
 * message says what to do.
 */
public interface TargetService {

    AttachedTarget attach(int pid);

    AttachedTarget launch(LaunchSpec spec);
}
