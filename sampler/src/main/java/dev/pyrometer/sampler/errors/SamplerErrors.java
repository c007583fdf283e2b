package dev.pyrometer.sampler.errors;

import dev.pyrometer.model.PyrometerException;
import dev.pyrometer.sampler.version.PythonVersion;
import java.util.List;

/**
 * The errors a user of the sampler meets, each one sentence saying what happened and what to do, with a distinct
 * process exit code.
 */
public final class SamplerErrors {
    public static final int NO_SUCH_PROCESS = 3;
    public static final int NOT_PYTHON = 4;
    public static final int UNSUPPORTED_VERSION = 5;
    public static final int PERMISSION_DENIED = 6;
    /** The target exited before the recording's planned end; what was recorded was kept. */
    public static final int TARGET_EXITED = 7;
    public static final int NO_INTERPRETER = 8;
    public static final int LAUNCH_FAILED = 9;
    /** --blocking could not hold the target still (file errors take 10 to 13, see the model's FileErrors). */
    public static final int CANNOT_PAUSE = 14;

    public static final String SUPPORTED = "3.8 to 3.13";

    private SamplerErrors() {}

    public static PyrometerException noSuchProcess(int pid) {
        return new PyrometerException("no process with pid " + pid + " is running; `pyrometer ps` lists the Python"
            + " processes you can profile.", NO_SUCH_PROCESS, null);
    }

    /** A zombie: it has exited, and only its exit status waits for its parent to collect it. */
    public static PyrometerException exited(int pid) {
        return new PyrometerException("process " + pid + " has exited (its parent has not yet collected its exit"
            + " status); there is nothing left to read.", NO_SUCH_PROCESS, null);
    }

    public static PyrometerException notPython(int pid, List<String> command) {
        String what = command.isEmpty() ? "" : " (" + abbreviate(String.join(" ", command)) + ")";
        return new PyrometerException("process " + pid + what + " is not a Python process: no CPython interpreter"
            + " is loaded in it; `pyrometer ps` lists the Python processes.", NOT_PYTHON, null);
    }

    public static PyrometerException unsupportedVersion(int pid, PythonVersion version, String detail) {
        return new PyrometerException("process " + pid + " runs Python " + version + ", which Pyrometer cannot read"
            + (detail == null ? "" : " (" + detail + ")") + "; supported versions are " + SUPPORTED + ".",
            UNSUPPORTED_VERSION, null);
    }

    public static PyrometerException noInterpreter(int pid, String detail) {
        return new PyrometerException("process " + pid + " has CPython loaded but no running interpreter could be read ("
            + detail + "); if it is still starting, try again in a moment.", NO_INTERPRETER, null);
    }

    public static PyrometerException permissionDenied(int pid, String advice) {
        return new PyrometerException("cannot read the memory of process " + pid + ": " + advice, PERMISSION_DENIED, null);
    }

    /**
     * {@link #permissionDenied(int, String)} naming what the process runs ({@code command}, when it could be read), and
     * saying so when nothing in it names Python (pid 1 of a container, say): then the program is most likely not one
     * to profile at all, though a Python that renames itself (setproctitle) cannot be ruled out unread.
     */
    public static PyrometerException permissionDenied(int pid, List<String> command, boolean looksLikePython,
                                                      PermissionAdvice advice) {
        if (command.isEmpty()) return permissionDenied(pid, advice.explain());
        String what = "process " + pid + " (" + abbreviate(String.join(" ", command)) + ")";
        if (looksLikePython) {
            return new PyrometerException("cannot read the memory of " + what + ": " + advice.explain(),
                PERMISSION_DENIED, null);
        }
        return new PyrometerException("cannot read the memory of " + what + ", which does not look like a Python"
            + " process (its command line names no Python): " + advice.reason() + "; `pyrometer ps` lists the Python"
            + " processes you can profile.", PERMISSION_DENIED, null);
    }

    public static PyrometerException launchFailed(String command, String reason) {
        return new PyrometerException("cannot start `" + abbreviate(command) + "`: " + reason + ".", LAUNCH_FAILED, null);
    }

    public static PyrometerException cannotPause(int pid, String reason) {
        return new PyrometerException("cannot pause process " + pid + " for --blocking: " + reason, CANNOT_PAUSE, null);
    }

    static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
