package dev.pyrometer.model.interchange;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The file formats Pyrometer reads and writes, with the names and file extensions that select them. */
public enum Format {
    /** Pyrometer's own recording: everything, crash-safe (docs/session-format.md). */
    SESSION("session", true, ".pyro"),
    /** py-spy raw / flamegraph.pl collapsed stacks: {@code frame;frame;… count} per line. */
    COLLAPSED("collapsed", true, ".txt", ".folded", ".collapsed"),
    /** speedscope's JSON file format. */
    SPEEDSCOPE("speedscope", true, ".speedscope.json", ".json"),
    /** pprof: a gzipped profile.proto, for {@code go tool pprof}, Pyroscope and other continuous profilers. */
    PPROF("pprof", true, ".pb.gz", ".pprof", ".pb"),
    /** A flame graph picture, for sharing (click to zoom and search in a browser); export only. */
    SVG("svg", false, ".svg"),
    /** A flame graph page with zoom, search and the sandwich of a clicked function; export only. */
    HTML("html", false, ".html", ".htm");

    private final String cliName;
    private final boolean readable;
    private final List<String> extensions;

    Format(String cliName, boolean readable, String... extensions) {
        this.cliName = cliName;
        this.readable = readable;
        this.extensions = List.of(extensions);
    }

    /** The name used by {@code -f}. */
    public String cliName() { return cliName; }
    public boolean isReadable() { return readable; }
    public List<String> extensions() { return extensions; }
    /** The extension a new file of this format gets. */
    public String defaultExtension() { return extensions.getFirst(); }

    /** The format whose {@code -f} name this is (case-insensitive), or null. */
    public static Format named(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (Format f : values()) if (f.cliName.equals(lower)) return f;
        return switch (lower) {
            case "raw", "folded", "flamegraph" -> COLLAPSED;
            case "pyro" -> SESSION;
            default -> null;
        };
    }

    /** The format a file name's extension selects, or null. Longer extensions win (.speedscope.json over .json). */
    public static Format ofPath(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        Format best = null;
        int bestLength = 0;
        for (Format f : values()) {
            for (String ext : f.extensions) {
                if (name.endsWith(ext) && ext.length() > bestLength) {
                    best = f;
                    bestLength = ext.length();
                }
            }
        }
        return best;
    }

    /** The {@code -f} names, for help texts. */
    public static String cliNames() {
        StringBuilder out = new StringBuilder();
        for (Format f : values()) out.append(out.isEmpty() ? "" : ", ").append(f.cliName);
        return out.toString();
    }
}
