package dev.pyrometer.app.ui.editor;

import dev.pyrometer.app.source.PathMapping;
import dev.pyrometer.app.source.SourceLocator;
import dev.pyrometer.model.PyrometerException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Opens a file a profile recorded in the user's editor: finds it on this machine as the source pane does (path
 * mappings, the target's {@code /proc/PID/root}, the path itself), builds the command ({@link EditorCommand}) and
 * starts it without waiting. Failures are {@link PyrometerException}s with a sentence the user can act on.
 */
public final class EditorLauncher {
    private final Supplier<EditorPreferences> preferences;
    private final Map<String, String> env;

    /** @param env the environment the editor is looked up in and runs with (the app's own, or a test's) */
    public EditorLauncher(Supplier<EditorPreferences> preferences, Map<String, String> env) {
        this.preferences = preferences;
        this.env = Map.copyOf(env);
    }

    /**
     * Starts the editor on a recorded file at a line; returns the command started.
     *
     * @param pid the profiled process when it may still be running (its /proc/PID/root is consulted), or 0
     */
    public List<String> open(String recordedFile, int line, int pid, List<PathMapping> mappings) {
        SourceLocator.Located located = SourceLocator.locate(recordedFile, pid, mappings);
        if (!located.found()) {
            throw new PyrometerException(recordedFile + " is not on this machine (looked at " + String.join(", ", located.tried())
                + "): map its directory to where the code is with Map path… in the source pane.");
        }
        return start(located.path(), line);
    }

    /** Starts the editor on a file that exists here. */
    public List<String> start(Path file, int line) {
        List<String> command = EditorCommand.build(preferences.get(), env, file, line);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(env);
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        try {
            builder.start();
        } catch (IOException e) {
            throw new PyrometerException("Could not start " + command.getFirst() + " (" + e.getMessage()
                + "): pick another editor in Preferences (Ctrl+,).", e);
        }
        return command;
    }
}
