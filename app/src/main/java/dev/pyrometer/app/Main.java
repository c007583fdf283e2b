package dev.pyrometer.app;

import dev.pyrometer.app.cli.CompareCommand;
import dev.pyrometer.app.cli.ConvertCommand;
import dev.pyrometer.app.cli.DiffCommand;
import dev.pyrometer.app.cli.DumpCommand;
import dev.pyrometer.app.cli.OpenCommand;
import dev.pyrometer.app.cli.PsCommand;
import dev.pyrometer.app.cli.RecordCommand;
import dev.pyrometer.app.cli.ReportCommand;
import dev.pyrometer.app.desktop.DesktopGate;
import dev.pyrometer.app.desktop.DesktopRequest;
import dev.pyrometer.model.PyrometerException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * The one entry point. With no subcommand it opens the desktop app; subcommands run headless.
 *
 * <p>This class must never touch a JavaFX type: headless subcommands run on servers that have no display
 * libraries and no JavaFX on the classpath. The desktop app is reached through {@link DesktopGate}.
 */
@Command(
    name = "pyrometer",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
        "Profile running Python programs from the outside.",
        "With no command, opens the desktop workbench; `pyrometer -- python3 app.py` opens it already recording."
    },
    subcommands = {RecordCommand.class, DumpCommand.class, PsCommand.class, ConvertCommand.class, DiffCommand.class,
        OpenCommand.class, CompareCommand.class, ReportCommand.class})
public final class Main implements Callable<Integer> {

    @Option(names = "--pid", paramLabel = "PID", description = "Open the workbench recording this running Python process.")
    Integer pid;

    @Parameters(paramLabel = "COMMAND", arity = "0..*",
        description = "After `--`: a command to launch and record in the workbench.")
    List<String> command = List.of();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        // A word before any `--` is no program to launch but a mistyped command: say so, with the list.
        if (!command.isEmpty() && !spec.commandLine().getParseResult().originalArgs().contains("--")) {
            throw new PyrometerException("unknown command '" + command.getFirst() + "'; the commands are "
                + String.join(", ", spec.subcommands().keySet()) + " (to launch a program in the workbench: pyrometer"
                + " -- " + String.join(" ", command) + ").", 2, null);
        }
        return DesktopGate.open(new DesktopRequest(pid, command, List.of()));
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code; user errors become one line on stderr. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(Main::reportFailure);
        return cli.execute(args);
    }

    private static int reportFailure(Exception failure, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (failure instanceof PyrometerException userError) {
            err.println("pyrometer: " + userError.getMessage());
            err.flush();
            return userError.exitCode();
        }
        err.println("pyrometer: internal error, please report it with the trace below.");
        failure.printStackTrace(err);
        err.flush();
        return 70;
    }
}
