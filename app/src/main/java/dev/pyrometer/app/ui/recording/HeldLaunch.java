package dev.pyrometer.app.ui.recording;

import dev.pyrometer.model.PyrometerException;
import dev.pyrometer.sampler.PythonTarget;
import dev.pyrometer.sampler.errors.SamplerErrors;
import dev.pyrometer.sampler.launch.LaunchedProgram;
import java.time.Duration;
import java.util.Optional;

/**
 * A program launched through a shell for native frames ({@link LaunchSpec#holdable()}): the Python process is the
 * shell's child, found among its children and attached once its interpreter can be read.
 */
final class HeldLaunch {
    private static final long POLL_MILLIS = 5;

    private HeldLaunch() {}

    static PythonTarget attachToChild(LaunchedProgram shell, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        PyrometerException last = null;
        while (shell.alive() && System.nanoTime() < deadline) {
            Optional<ProcessHandle> child = ProcessHandle.of(shell.pid()).flatMap(p -> p.children().findFirst());
            if (child.isPresent()) {
                try {
                    return PythonTarget.attach((int) child.get().pid());
                } catch (PyrometerException e) {
                    if (e.exitCode() == SamplerErrors.UNSUPPORTED_VERSION) throw e;
                    last = e; // still exec'ing its way to Python (a pyenv shim), or not up yet
                }
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!shell.alive()) {
            throw new PyrometerException("the program exited before its Python interpreter could be read; nothing was"
                + " recorded.", SamplerErrors.NO_INTERPRETER, null);
        }
        throw last != null ? last : SamplerErrors.noInterpreter(shell.pid(), "it did not start a Python interpreter in time");
    }
}
