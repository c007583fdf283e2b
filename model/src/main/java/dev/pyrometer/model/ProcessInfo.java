package dev.pyrometer.model;

/**
 * One process of a recording that followed a program's subprocesses.
 *
 * @param pid           its OS process id (unique among the recording's processes alive at one time, not over all
 *                      time: a pid the kernel reused is a process of its own)
 * @param parentPid     its parent's OS pid when it was found (0 when unknown)
 * @param parent        the index of its parent among the recording's processes, or -1 when its parent is not one of
 *                      them (the target itself, or a child whose parent is a shell or other non-Python program)
 * @param commandLine   its arguments joined by spaces
 * @param pythonVersion its interpreter's version ({@code 3.11.7}), or empty when unknown (imports)
 * @param startMicros   when the recording first met it, in µs since the recording started (0 for one running already)
 * @param endMicros     when it was seen to have ended, in µs since the recording started, or {@link #RUNNING}
 */
public record ProcessInfo(int pid, int parentPid, int parent, String commandLine, String pythonVersion,
                          long startMicros, long endMicros) {
    /** {@link #endMicros} of a process that had not ended when the recording stopped (or still runs). */
    public static final long RUNNING = -1;

    public ProcessInfo {
        commandLine = commandLine == null ? "" : commandLine;
        pythonVersion = pythonVersion == null ? "" : pythonVersion;
    }

    public boolean ended() {
        return endMicros != RUNNING;
    }

    public ProcessInfo endedAt(long micros) {
        return new ProcessInfo(pid, parentPid, parent, commandLine, pythonVersion, startMicros, micros);
    }

    /** The root frame py-spy's {@code --subprocesses} gives every stack of this process: {@code process PID:"CMD"}. */
    public String frameName() {
        return "process " + pid + ":\"" + commandLine + "\"";
    }

    /** A label for views: pid and command line. */
    public String label() {
        return pid + " " + commandLine;
    }
}
