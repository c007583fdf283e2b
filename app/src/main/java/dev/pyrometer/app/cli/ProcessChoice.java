package dev.pyrometer.app.cli;

import picocli.CommandLine.Option;

/** {@code diff}'s and {@code compare}'s choice of one process per run, as a picocli mixin: merged when none is given. */
final class ProcessChoice {
    @Option(names = "--process", paramLabel = "PID|TEXT",
        description = "Compare only this process of each run (a recording that followed subprocesses): its pid, or text "
            + "of its command line (every process whose command line holds it). Runs are merged by default.")
    String both;

    @Option(names = "--base-process", paramLabel = "PID|TEXT", description = "Only this process of BASE (instead of --process).")
    String base;

    @Option(names = "--new-process", paramLabel = "PID|TEXT", description = "Only this process of NEW (instead of --process).")
    String news;

    /** BASE's process, or null for all of them. */
    String forBase() { return base != null ? base : both; }

    /** NEW's process, or null for all of them. */
    String forNew() { return news != null ? news : both; }
}
