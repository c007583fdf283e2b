package dev.pyrometer.model.aggregate;

import java.util.Objects;

/**
 * A frame, function, file or module named by its text rather than by a profile's ids, so that it survives a live
 * profile growing, applies to a second profile in a comparison, and reads well in an undo list.
 *
 * @param level    how much of the rest is meaningful
 * @param module   the module, for {@link KeyBy#MODULE}
 * @param file     the source file, for every level but MODULE
 * @param function the function, for LINE and FUNCTION
 * @param line     the line for LINE, the function's first line for FUNCTION (-1: any), else -1
 */
public record FrameRef(KeyBy level, String module, String file, String function, int line) {

    public FrameRef {
        Objects.requireNonNull(level, "level");
        switch (level) {
            case MODULE -> Objects.requireNonNull(module, "module");
            case FILE -> Objects.requireNonNull(file, "file");
            case FUNCTION, LINE -> {
                Objects.requireNonNull(file, "file");
                Objects.requireNonNull(function, "function");
            }
        }
    }

    public static FrameRef line(String file, String function, int line) {
        return new FrameRef(KeyBy.LINE, null, file, function, line);
    }

    /** A function told apart from others of the same name in its file by its first line. */
    public static FrameRef function(String file, String function, int firstLine) {
        return new FrameRef(KeyBy.FUNCTION, null, file, function, firstLine);
    }

    /** Every function of this name in this file. */
    public static FrameRef function(String file, String function) {
        return new FrameRef(KeyBy.FUNCTION, null, file, function, -1);
    }

    public static FrameRef file(String file) {
        return new FrameRef(KeyBy.FILE, null, file, null, -1);
    }

    public static FrameRef module(String module) {
        return new FrameRef(KeyBy.MODULE, module, null, null, -1);
    }

    /** Whether a frame with these attributes is covered; {@code module} is only consulted at MODULE level. */
    public boolean matches(String frameFile, String frameFunction, int frameLine, int frameFirstLine, String frameModule) {
        return switch (level) {
            case MODULE -> module.equals(frameModule);
            case FILE -> file.equals(frameFile);
            case FUNCTION -> file.equals(frameFile) && function.equals(frameFunction) && (line < 0 || line == frameFirstLine);
            case LINE -> file.equals(frameFile) && function.equals(frameFunction) && line == frameLine;
        };
    }

    /**
     * A short human label, as views show it: {@code work (main.py:18)}, {@code main.py}, {@code numpy}; a frame
     * imported without a file (a flamegraph.pl folded frame) shows its name alone.
     */
    public String label() {
        return switch (level) {
            case MODULE -> module;
            case FILE -> file;
            case FUNCTION, LINE -> file.isEmpty() ? function
                : line > 0 ? function + " (" + file + ":" + line + ")" : function + " (" + file + ")";
        };
    }

    /**
     * The text a search looks in: the label, but with only the file's own name for a function or line, so that a
     * search for {@code main} finds functions named main rather than every frame of a checkout under {@code ~/main/}.
     */
    public String searchText() {
        if ((level != KeyBy.FUNCTION && level != KeyBy.LINE) || file.isEmpty()) return label();
        String name = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
        return line > 0 ? function + " (" + name + ":" + line + ")" : function + " (" + name + ")";
    }
}
