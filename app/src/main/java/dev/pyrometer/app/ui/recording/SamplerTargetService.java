package dev.pyrometer.app.ui.recording;

import dev.pyrometer.sampler.PythonTarget;
import dev.pyrometer.sampler.launch.LaunchedProgram;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Attaching and launching through the sampler. */
public final class SamplerTargetService implements TargetService {
    /** How long a launched program may take to start its interpreter (pyenv shims and wrappers take a moment). */
    static final Duration LAUNCH_PATIENCE = Duration.ofSeconds(10);
    @Override
    public AttachedTarget attach(int pid, boolean subprocesses) {
        return new SamplerTarget(PythonTarget.attach(pid), () -> { }, subprocesses, false);
    }

    @Override
    public AttachedTarget launch(LaunchSpec spec) {
        List<String> command = spec.command();
        if (spec.holdable()) {
            // The shell forks the program and waits for it (a command after it keeps it from exec'ing), so the
            // program is our grandchild: ptrace may hold it, and its exit code still comes back through the shell.
            command = new ArrayList<>(List.of("/bin/sh", "-c", "\"$@\"; exit $?", "sh"));
            command.addAll(spec.command());
        }
        LaunchedProgram program = LaunchedProgram.start(command, new LaunchedProgram.PassThrough(),
            spec.workingDirectory() == null ? null : spec.workingDirectory().toFile(), spec.environment());
        try {
            // A program we started ends with the recording, or with the app if it is killed (LaunchedProgram's hook).
            PythonTarget target = spec.holdable() ? HeldLaunch.attachToChild(program, LAUNCH_PATIENCE)
                : program.attachWhenReady(LAUNCH_PATIENCE);
            return new SamplerTarget(target, program::close, spec.subprocesses(), true);
        } catch (RuntimeException e) {
            program.close();
            throw e;
        }
    }
}
