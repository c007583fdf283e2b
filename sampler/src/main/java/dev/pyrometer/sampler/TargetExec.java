package dev.pyrometer.sampler;

/**
 * The recorded target replaced its program ({@code exec}): the same pid runs another executable from then on.
 *
 * @param timeNanos     when it was seen, since the recording started
 * @param executable    what it exec'd (its {@code /proc/PID/exe}), or null when that could not be read
 * @param pythonVersion the new program's CPython version once it was attached to, or null: not Python (or not one
 *                      Pyrometer reads, or it ended or exec'd again before its interpreter could be read)
 * @param followed      whether the recording went on into the new program (a launched program, or with
 *                      {@code --subprocesses}); when not, the exec ended the recording
 */
public record TargetExec(long timeNanos, String executable, String pythonVersion, boolean followed) {
    TargetExec attached(String version) {
        return new TargetExec(timeNanos, executable, version, followed);
    }

    /** {@code /usr/bin/sleep (not Python)} or {@code /usr/bin/python3.13 (Python 3.13.1)}; just the path if not followed. */
    public String describe() {
        String what = executable == null ? "an unreadable executable" : executable;
        if (!followed) return what;
        return what + (pythonVersion == null ? " (not Python)" : " (Python " + pythonVersion + ")");
    }
}
