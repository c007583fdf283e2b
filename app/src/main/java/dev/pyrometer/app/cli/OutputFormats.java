package dev.pyrometer.app.cli;

import dev.pyrometer.model.PyrometerException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Chooses the {@link OutputFormat} from {@code -f} or, without it, from the output file's extension. Formats the
 * model provides (session, speedscope, pprof) plug in here; until they do, asking for one is a clear error.
 */
final class OutputFormats {
    static final int UNAVAILABLE = 2;
    private static final List<OutputFormat> AVAILABLE = List.of(new CollapsedFormat());
    /** Known names not yet in this build, with the extensions that select them. */
    private static final List<List<String>> PLANNED = List.of(
        List.of("session", ".pyro"), List.of("speedscope", ".speedscope.json"), List.of("pprof", ".pb.gz"));

    private OutputFormats() {}

    static OutputFormat choose(String flag, Path output) {
        String name = flag != null ? flag.toLowerCase(Locale.ROOT) : byExtension(output);
        for (OutputFormat f : AVAILABLE) if (f.name().equals(name)) return f;
        for (List<String> planned : PLANNED) {
            if (planned.get(0).equals(name)) {
                throw new PyrometerException("the " + name + " format is not available in this build yet; use"
                    + " -f collapsed (or an output file ending in .txt).", UNAVAILABLE, null);
            }
        }
        throw new PyrometerException("unknown output format '" + name + "'; use one of: " + names() + ".",
            UNAVAILABLE, null);
    }

    private static String byExtension(Path output) {
        if (output == null) return "collapsed";
        String file = output.getFileName().toString().toLowerCase(Locale.ROOT);
        for (List<String> planned : PLANNED) if (file.endsWith(planned.get(1))) return planned.get(0);
        if (file.endsWith(".json")) return "speedscope";
        if (file.endsWith(".pprof") || file.endsWith(".pb")) return "pprof";
        return "collapsed";
    }

    static String names() {
        StringBuilder all = new StringBuilder();
        for (OutputFormat f : AVAILABLE) all.append(all.isEmpty() ? "" : ", ").append(f.name());
        return all.toString();
    }
}
