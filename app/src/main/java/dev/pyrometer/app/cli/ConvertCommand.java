package dev.pyrometer.app.cli;

import dev.pyrometer.model.Loaded;
import dev.pyrometer.model.aggregate.KeyBy;
import dev.pyrometer.model.aggregate.Selection;
import dev.pyrometer.model.interchange.ExportOptions;
import dev.pyrometer.model.interchange.Format;
import dev.pyrometer.model.interchange.ProfileFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pyrometer convert IN OUT}: reads any profile Pyrometer knows (its format told by the file's first bytes) and
 * writes it in the format OUT's extension or {@code -f} names. A damaged or interrupted session converts what it
 * holds and says so on stderr.
 */
@Command(name = "convert", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Convert a profile to another format.",
        "Reads sessions (.pyro), collapsed stacks (py-spy raw, flamegraph.pl), speedscope JSON and pprof;"
            + " writes those and SVG flame graphs. Formats follow the file extensions: .pyro, .txt/.folded/.collapsed,"
            + " .speedscope.json, .pb.gz, .svg, .html."})
public final class ConvertCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IN", description = "The profile to read.")
    Path input;

    @Parameters(index = "1", paramLabel = "OUT", description = "The file to write (replaced atomically), or - for standard output.")
    String output;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
        description = "Output format: session, collapsed, speedscope, pprof, svg or html (default: from OUT's extension).")
    String format;

    @Option(names = "--idle", description = "Keep samples of idle threads (left out by default, as py-spy does).")
    boolean idle;

    @Option(names = "--gil", description = "Keep only samples of threads holding the GIL.")
    boolean gilOnly;

    @Option(names = "--threads", negatable = true, defaultValue = "true", fallbackValue = "true",
        description = "For collapsed: start each stack with its thread, as py-spy --threads does (default; --no-threads"
            + " merges threads).")
    boolean threads;

    @Option(names = "--by", paramLabel = "KEY", defaultValue = "function",
        description = "For svg and html: group frames by function (default), line, file or module.")
    String by;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        boolean toStdout = output.equals("-");
        Format target = targetFormat(toStdout);
        ExportOptions options = new ExportOptions(Selection.ALL.withIdle(idle).withGilOnly(gilOnly), keyBy(by), threads);
        Loaded loaded = ProfileInput.read(input, spec);
        long written;
        if (toStdout) {
            OutputStream out = System.out;
            written = ProfileFiles.write(loaded.profile(), out, target, options, input.getFileName().toString());
            out.flush();
        } else {
            written = ProfileFiles.write(loaded.profile(), Path.of(output), target, options);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("Wrote %,d samples to %s (%s).%n", written, output, target.cliName());
            out.flush();
        }
        return 0;
    }

    private Format targetFormat(boolean toStdout) {
        if (format != null) {
            Format named = Format.named(format);
            if (named == null) {
                throw UsageError.of("unknown format '" + format + "'; use one of: " + Format.cliNames() + ".");
            }
            return named;
        }
        if (toStdout) throw UsageError.of("writing to standard output needs a format: add -f " + Format.cliNames().replace(", ", "|") + ".");
        Format byName = Format.ofPath(Path.of(output));
        if (byName == null) {
            throw UsageError.of("cannot tell the format of " + output + " from its extension; name it with -f ("
                + Format.cliNames() + ").");
        }
        return byName;
    }

    static KeyBy keyBy(String name) {
        for (KeyBy k : KeyBy.values()) if (k.name().equalsIgnoreCase(name)) return k;
        throw UsageError.of("--by takes function, line, file or module, not '" + name + "'.");
    }
}
