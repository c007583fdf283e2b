package dev.pyrometer.sampler;

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
    /** A launched program's exit code. */
    public static final String EXIT_CODE = "exit.code";

    private MetadataKeys() {}
}
