package dev.pyrometer.app.ui.recording;

import dev.pyrometer.sampler.PythonTarget;
import dev.pyrometer.sampler.launch.LaunchedProgram;
import java.time.Duration;

/** Attaching and launching through the sampler. */
public final class SamplerTargetService implements TargetService {
    /** How long a launched program may take to start its interpreter (pyenv shims and wrappers take a moment). */
    static final Duration LAUNCH_PATIENCE = Duration.ofSeconds(10);
    @Override
    public AttachedTarget attach(int pid) {
        return new SamplerTarget(PythonTarget.attach(pid), () -> { });
    }

    @Override
    public AttachedTarget launch(LaunchSpec spec) {
        LaunchedProgram program = LaunchedProgram.start(spec.command(), new LaunchedProgram.PassThrough(),
            spec.workingDirectory() == null ? null : spec.workingDirectory().toFile(), spec.environment());
        try {
            // A program we started ends with the recording, or with the app if it is killed (LaunchedProgram's hook).
            return new SamplerTarget(program.attachWhenReady(LAUNCH_PATIENCE), program::close, spec.subprocesses());
        } catch (RuntimeException e) {
            program.close();
            throw e;
        }
    }
}
