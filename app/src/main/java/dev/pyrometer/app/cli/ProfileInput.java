package dev.pyrometer.app.cli;

import dev.pyrometer.model.Loaded;
import dev.pyrometer.model.interchange.CollapsedReader;
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
        PrintWriter err = spec.commandLine().getErr();
        if (loaded.report().hasWarning()) {
            err.println("pyrometer: warning: " + loaded.report().warning());
            err.flush();
        }
        String nonUtf8 = loaded.profile().metadata(CollapsedReader.NON_UTF8_LINES);
        if (nonUtf8 != null) {
            err.println("pyrometer: warning: " + nonUtf8 + (nonUtf8.equals("1") ? " line" : " lines") + " of "
                + file.getFileName() + " held bytes that are not UTF-8; they read as \uFFFD in frame names.");
            err.flush();
        }
        return loaded;
    }
}
