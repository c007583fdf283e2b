package dev.pyrometer.app.ui.recording;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A program to start under the profiler.
 *
 * @param workingDirectory where to start it, or null for Pyrometer's own
 * @param environment      variables added to (or replacing) Pyrometer's own environment
 * @param holdable         start it so that ptrace can hold it still (native frames): through a shell, so that it is
 *                         not the Java runtime's own child (whose ptrace stops the runtime's wait would take)
 * @param subprocesses     also record every Python process it starts (the default)
 */
public record LaunchSpec(String program, List<String> arguments, Path workingDirectory, Map<String, String> environment,
                         boolean holdable, boolean subprocesses) {

    /** Following subprocesses, as Launch… and {@code pyrometer -- CMD} do by default; not holdable. */
    public LaunchSpec(String program, List<String> arguments, Path workingDirectory, Map<String, String> environment) {
        this(program, arguments, workingDirectory, environment, false, true);
    }

    public LaunchSpec withSubprocesses(boolean follow) {
        return new LaunchSpec(program, arguments, workingDirectory, environment, holdable, follow);
    }

    public LaunchSpec {
        arguments = List.copyOf(arguments);
        environment = Map.copyOf(environment);
    }

    /** The same program, started holdable or not. */
    public LaunchSpec holdable(boolean on) {
        return new LaunchSpec(program, arguments, workingDirectory, environment, on, subprocesses);
    }

    /** The command line: program then arguments. */
    public List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(program);
        command.addAll(arguments);
        return command;
    }
}
