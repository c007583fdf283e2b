package dev.pyrometer.sampler;

import dev.pyrometer.model.SampleSink;
import dev.pyrometer.sampler.proc.ProcFiles;
import dev.pyrometer.sampler.walk.TargetReader;
import java.nio.file.Path;
import java.util.Locale;

/** The facts a {@link Sampler} writes about a recording: what it recorded when it starts, how it went when it ends. */
final class SamplerMetadata {
    private SamplerMetadata() {}

    static void writeStart(SampleSink sink, PythonTarget target, SamplerOptions options) {
        sink.metadata(MetadataKeys.PID, Integer.toString(target.pid()));
        sink.metadata(MetadataKeys.COMMAND, String.join(" ", target.commandLine()));
        sink.metadata(MetadataKeys.PYTHON_VERSION, target.version().toString());
        if (target.executable() != null) sink.metadata(MetadataKeys.PYTHON_EXECUTABLE, target.executable());
        sink.metadata(MetadataKeys.PYTHON_LAYOUT, target.layoutSource());
        sink.metadata(MetadataKeys.HOST, hostName());
        sink.metadata(MetadataKeys.START_EPOCH_MILLIS, Long.toString(System.currentTimeMillis()));
        sink.metadata(MetadataKeys.RATE_HZ, format(options.rateHz()));
    }

    /**
     * Reads the target's roots ({@code sys.path}, prefixes, main script, working directory) into the metadata now, and
     * returns the probe that completes them while a just-launched program is still starting ({@link RootsProbe}).
     */
    static RootsProbe writeRoots(SampleSink sink, PythonTarget target, TargetReader reader) {
        RootsProbe roots = new RootsProbe(target.pid(), sink);
        roots.poll(reader, 0);
        return roots;
    }

    static void writeEnd(SampleSink sink, SamplerStats s, Sampler.Outcome outcome) {
        sink.metadata(MetadataKeys.SAMPLES, Long.toString(s.samples()));
        sink.metadata(MetadataKeys.ERRORS, Long.toString(s.errors()));
        sink.metadata(MetadataKeys.LATE_TICKS, Long.toString(s.lateTicks()));
        sink.metadata(MetadataKeys.CPU_PER_SAMPLE_US, format(s.cpuPerSampleMicros()));
        sink.metadata(MetadataKeys.DURATION_SECONDS, format(s.elapsedNanos() / 1e9));
        sink.metadata(MetadataKeys.OUTCOME, switch (outcome) {
            case STOPPED, RUNNING -> "stopped";
            case DURATION_ELAPSED -> "duration";
            case TARGET_EXITED -> "target-exited";
            case FAILED -> "failed";
        });
    }

    /** From the kernel, not DNS: a name lookup could hang on a machine without a network. */
    private static String hostName() {
        String name = ProcFiles.text(Path.of("/proc/sys/kernel/hostname"));
        return name == null ? "localhost" : name;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
