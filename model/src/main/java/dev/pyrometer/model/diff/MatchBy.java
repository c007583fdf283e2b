package dev.pyrometer.model.diff;

import java.util.Locale;

/** How a comparison decides that a frame of one run is the same as a frame of the other ({@link Pairing}). */
public enum MatchBy {
    /**
     * The default: by the file's path relative to its run's roots and the function's qualified name, then, for files
     * left over, by module and qualified name (a file moved between folders). Two checkouts, two virtual environments
     * or two hosts pair their frames; {@code main} of {@code a.py} and {@code main} of {@code b.py} stay apart.
     */
    RELATIVE_PATH("relative path"),
    /** By the absolute path and the function's name: only frames of the very same file pair. */
    ABSOLUTE_PATH("absolute path"),
    /** By the function's name alone, whatever file holds it: for a program whose files were renamed. */
    FUNCTION_NAME("function name only");

    private final String label;

    MatchBy(String label) {
        this.label = label;
    }

    /** The word the command line takes: {@code relative}, {@code absolute}, {@code name}. */
    public String option() {
        return switch (this) {
            case RELATIVE_PATH -> "relative";
            case ABSOLUTE_PATH -> "absolute";
            case FUNCTION_NAME -> "name";
        };
    }

    /** The choice for a command-line word, or null when it names none. */
    public static MatchBy ofOption(String word) {
        for (MatchBy m : values()) if (m.option().equals(word.toLowerCase(Locale.ROOT))) return m;
        return null;
    }

    @Override
    public String toString() {
        return label;
    }
}
