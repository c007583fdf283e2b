package dev.pyrometer.app.ui.recording;

import dev.pyrometer.sampler.PythonTarget;
import dev.pyrometer.sampler.launch.LaunchedProgram;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Attaching and launching through the sampler. */
public final class SamplerTargetService implements TargetService {
    /** How long a launched program may take to start its interpreter (pyenv shims and wrappers take a moment). */
    static final Duration LAUNCH_PATIENCE = Duration.ofSeconds(10);
    /** Programs we started and have not ended: if the app is killed, they go with it, as with a terminal's Ctrl-C. */
    private static final Set<LaunchedProgram> CHILDREN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> CHILDREN.forEach(LaunchedProgram::close), "pyrometer-children"));
    }

    @Override
    public AttachedTarget attach(int pid) {
        return new SamplerTarget(PythonTarget.attach(pid), () -> { });
    }

    @Override
    public AttachedTarget launch(LaunchSpec spec) {
        LaunchedProgram program = LaunchedProgram.start(spec.command(), new LaunchedProgram.PassThrough(),
            spec.workingDirectory() == null ? null : spec.workingDirectory().toFile(), spec.environment());
        CHILDREN.add(program);
        try {
            return new SamplerTarget(program.attachWhenReady(LAUNCH_PATIENCE), () -> {
                program.close();
                CHILDREN.remove(program);
            });
        } catch (RuntimeException e) {
            program.close();
            CHILDREN.remove(program);
            throw e;
        }
    }
}
