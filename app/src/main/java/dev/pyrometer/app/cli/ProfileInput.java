package dev.pyrometer.app.cli;

import dev.pyrometer.model.Loaded;
import dev.pyrometer.model.interchange.ProfileFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Profiles read by the headless commands: any format {@link ProfileFiles} knows, and a file that loaded only in part
 * (a damaged or interrupted session) says so on standard error before the command goes on with what it holds.
 */
final class ProfileInput {
    private ProfileInput() {}

    static Loaded read(Path file, CommandSpec spec) {
        Loaded loaded = ProfileFiles.read(file);
        if (loaded.report().hasWarning()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("pyrometer: warning: " + loaded.report().warning());
            err.flush();
        }
        return loaded;
    }
}
