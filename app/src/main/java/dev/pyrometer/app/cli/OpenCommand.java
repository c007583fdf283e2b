package dev.pyrometer.app.cli;

import dev.pyrometer.app.desktop.DesktopGate;
import dev.pyrometer.app.desktop.DesktopRequest;
import dev.pyrometer.model.FileErrors;
import dev.pyrometer.model.PyrometerException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code pyrometer open FILE…}: opens sessions in the desktop app. Not headless: it goes through
 * {@link DesktopGate}, which checks for a display first. Files are checked here, so a typo gets one clear line
 * before any window opens.
 */
@Command(name = "open", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
    description = "Open session files in the desktop workbench.")
public final class OpenCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Session files (.pyro) or profiles to open.")
    List<Path> files = List.of();

    @Override
    public Integer call() {
        List<Path> sessions = new ArrayList<>();
        for (Path file : files) {
            if (!Files.exists(file)) {
                throw new PyrometerException("cannot open " + file + ": no such file. Check the path.", FileErrors.UNREADABLE, null);
            }
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new PyrometerException("cannot open " + file + ": it is not a readable file.", FileErrors.UNREADABLE, null);
            }
            sessions.add(file.toAbsolutePath().normalize());
        }
        return DesktopGate.open(new DesktopRequest(null, List.of(), sessions));
    }
}
