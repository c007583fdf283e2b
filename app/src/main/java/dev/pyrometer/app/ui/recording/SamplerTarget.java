package dev.pyrometer.app.ui.recording;

import dev.pyrometer.app.ui.snapshot.ThreadDump;
import dev.pyrometer.model.SampleSink;
import dev.pyrometer.sampler.PythonTarget;
import dev.pyrometer.sampler.ProcessFollower;
import dev.pyrometer.sampler.SamplingLoop;
import dev.pyrometer.sampler.SamplerOptions;
import dev.pyrometer.sampler.StackFrame;
import dev.pyrometer.sampler.ThreadStack;
import java.util.List;

/** An {@link AttachedTarget} on the sampler's {@link PythonTarget}. */
final class SamplerTarget implements AttachedTarget {
    private final PythonTarget target;
    private final Runnable release;
    private final boolean subprocesses;
    private final boolean launched;
    private SamplingLoop sampler;

    /** @param release what closing also does: ends the child we started; nothing for a process we attached to */
    SamplerTarget(PythonTarget target, Runnable release) {
        this(target, release, false, false);
    }

    /**
     * @param subprocesses record the target's Python descendants too ({@link ProcessFollower})
     * @param launched     a program we started: its execs are followed into what it runs next, as {@code record --
     *                     CMD} does (the follower follows them anyway)
     */
    SamplerTarget(PythonTarget target, Runnable release, boolean subprocesses, boolean launched) {
        this.target = target;
        this.release = release;
        this.subprocesses = subprocesses;
        this.launched = launched;
    }

    @Override public int pid() { return target.pid(); }
    @Override public String commandLine() { return String.join(" ", target.commandLine()); }
    @Override public String pythonVersion() { return target.version() == null ? null : target.version().toString(); }

    @Override
    public boolean isAlive() {
        return ProcessHandle.of(target.pid()).map(ProcessHandle::isAlive).orElse(false);
    }

    @Override
    public List<ThreadDump> snapshot() {
        return target.snapshot().stream().map(SamplerTarget::dump).toList();
    }

    static ThreadDump dump(ThreadStack t) {
        List<ThreadDump.Frame> frames = t.frames().stream().map(SamplerTarget::frame).toList();
        return new ThreadDump(t.osThreadId(), t.name(), t.running(), t.ownsGil(), t.inCall(), frames);
    }

    private static ThreadDump.Frame frame(StackFrame f) {
        return new ThreadDump.Frame(f.function(), f.file(), f.line());
    }

    @Override
    public synchronized Recording record(RecordingSettings settings, SampleSink sink) {
        if (sampler != null) throw new IllegalStateException("already recording");
        SamplerOptions options = new SamplerOptions(settings.rateHz(), settings.duration())
            .withNative(settings.nativeFrames(), settings.showPlumbing())
            // Not with native frames: threads held with ptrace do not carry over an exec, which then ends it.
            .withFollowExecs(launched);
        // The follower reads (and closes) the target itself, beside its descendants. It does not unwind C stacks:
        // a recording with native frames holds and reads the one process it was started on.
        sampler = subprocesses && !settings.nativeFrames()
            ? new ProcessFollower(target.pid(), target, options, sink, SamplerTargetService.LAUNCH_PATIENCE)
            : target.sampler(options, sink);
        sampler.start();
        return new SamplerRecording(sampler);
    }

    @Override
    public synchronized void close() {
        if (sampler != null) sampler.stop();
        if (!(sampler instanceof ProcessFollower)) target.close();
        release.run();
    }
}
