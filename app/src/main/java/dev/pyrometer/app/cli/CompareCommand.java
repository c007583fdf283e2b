package dev.pyrometer.app.cli;

import dev.pyrometer.app.desktop.DesktopGate;
import dev.pyrometer.app.desktop.DesktopRequest;
import dev.pyrometer.model.FileErrors;
import dev.pyrometer.model.PyrometerException;
import dev.pyrometer.model.diff.MatchBy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pyrometer compare BASE NEW}: opens the desktop app on a comparison of two sessions (the differential flame
 * graph, both runs side by side, the delta table and per-line deltas). Not headless: it goes through
 * {@link DesktopGate}; {@code pyrometer diff} prints the same comparison as text. Files are checked here, so a typo
 * gets one clear line before any window opens.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
    description = {"Compare two runs in the desktop workbench: a differential flame graph, both runs side by side, "
        + "and the functions and lines whose time changed beyond sampling noise.",
        "For a text report on a server, use: pyrometer diff BASE NEW"})
public final class CompareCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "BASE", description = "The run before (a session, or any profile convert reads).")
    Path base;

    @Parameters(index = "1", paramLabel = "NEW", description = "The run after.")
    Path news;

    @Option(names = "--match", paramLabel = "relative|absolute|name", defaultValue = "relative",
        description = "How frames of the two runs pair: by path relative to each run's roots (default), by absolute path,"
            + " or by function name only. The workbench's \"Match by\" changes it later.")
    String match;

    @Mixin
    ProcessChoice processes = new ProcessChoice();

    @Override
    public Integer call() {
        return DesktopGate.open(request());
    }

    /** What the desktop is asked to show; the files and {@code --match} are checked first. */
    DesktopRequest request() {
        MatchBy matchBy = MatchBy.ofOption(match);
        if (matchBy == null) throw UsageError.of("--match takes relative, absolute or name, not '" + match + "'.");
        return DesktopRequest.compare(checked(base), checked(news), matchBy)
            .withProcesses(processes.forBase(), processes.forNew());
    }

    static Path checked(Path file) {
        if (!Files.exists(file)) {
            throw new PyrometerException("cannot compare " + file + ": no such file. Check the path.", FileErrors.UNREADABLE, null);
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new PyrometerException("cannot compare " + file + ": it is not a readable file.", FileErrors.UNREADABLE, null);
        }
        return file.toAbsolutePath().normalize();
    }
}
