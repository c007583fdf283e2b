package dev.pyrometer.app.cli;

import dev.pyrometer.app.Main;
import dev.pyrometer.model.PyrometerException;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs a command line in this JVM and keeps what it printed and what it failed with. */
record CliRun(int exitCode, String out, String err, Exception failure) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Exception[] failure = {null};
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((thrown, command, parsed) -> {
            failure[0] = thrown;
            return thrown instanceof PyrometerException user ? user.exitCode() : 70;
        });
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString(), failure[0]);
    }

    /** The user error a command line ends with; fails the test if it ends otherwise. */
    static PyrometerException error(String... args) {
        CliRun run = of(args);
        if (run.failure() instanceof PyrometerException user) return user;
        throw new AssertionError("expected a PyrometerException, got " + run.failure() + " (exit " + run.exitCode() + ")", run.failure());
    }
}
