package dev.pyrometer.sampler;

import dev.pyrometer.model.RunRoots;

/** The metadata keys a {@link Sampler} writes into its sink (values are strings). */
public final class MetadataKeys {
    public static final String PID = "pid";
    /** The target's command line, arguments joined by spaces. */
    public static final String COMMAND = "command";
    public static final String PYTHON_VERSION = "python.version";
    public static final String PYTHON_EXECUTABLE = "python.executable";
    /** Where the structure layout came from: a generated table or the target's _Py_DebugOffsets. */
    public static final String PYTHON_LAYOUT = "python.layout";
    public static final String HOST = "host";
    public static final String START_EPOCH_MILLIS = "start.epoch.millis";
    public static final String RATE_HZ = "rate.hz";
    /** Samples taken: ticks at which at least one thread's stack was read. */
    public static final String SAMPLES = "sampler.samples";
    /** Thread stacks that could not be read consistently and were dropped. */
    public static final String ERRORS = "sampler.errors";
    /** Ticks that began more than one mean interval after their scheduled time. */
    public static final String LATE_TICKS = "sampler.late_ticks";
    /** The sampling loop's own CPU time per sample (its thread's CPU time), microseconds. */
    public static final String CPU_PER_SAMPLE_US = "sampler.cpu_per_sample_us";
    public static final String DURATION_SECONDS = "sampler.duration_s";
    /** How the recording ended: stopped, duration, target-exited, failed. */
    public static final String OUTCOME = "sampler.outcome";
    /** {@code sys.path}, entries separated by line feeds: see {@link RunRoots}, which reads these keys back. */
    public static final String SYS_PATH = RunRoots.SYS_PATH;
    /** {@code __main__.__file__}: the main script. */
    public static final String MAIN_FILE = RunRoots.MAIN_FILE;
    /** The target's working directory (from /proc). */
    public static final String CWD = RunRoots.CWD;
    public static final String PREFIX = RunRoots.PREFIX;
    public static final String BASE_PREFIX = RunRoots.BASE_PREFIX;
    public static final String EXEC_PREFIX = RunRoots.EXEC_PREFIX;
    /** With subprocesses followed: "true", and how many processes were recorded. */
    public static final String SUBPROCESSES = "sampler.subprocesses";
    public static final String PROCESSES = "sampler.processes";
    /** A launched program's exit code. */
    public static final String EXIT_CODE = "exit.code";

    private MetadataKeys() {}
}
