package dev.pyrometer.app.ui.picker;

import dev.pyrometer.app.ui.recording.LaunchSpec;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The "Launch…" form's text turned into a {@link LaunchSpec}: arguments split as a shell would (quotes and
 * backslashes), environment as {@code NAME=value} lines. Each problem is one sentence for the dialog.
 */
public final class LaunchForm {
    private LaunchForm() {}

    /** The spec, or a problem to show in the dialog. */
    public record Result(LaunchSpec spec, String problem) {}

    public static Result parse(String program, String arguments, String directory, String environment) {
        if (program == null || program.isBlank()) return new Result(null, "Enter the program to run, for example python3.");
        List<String> args;
        try {
            args = splitArguments(arguments == null ? "" : arguments);
        } catch (IllegalArgumentException e) {
            return new Result(null, e.getMessage());
        }
        Path dir = null;
        if (directory != null && !directory.isBlank()) {
            try {
                dir = Path.of(directory.strip());
            } catch (InvalidPathException e) {
                return new Result(null, "The working directory is not a valid path.");
            }
            if (!Files.isDirectory(dir)) return new Result(null, "The working directory " + dir + " does not exist.");
        }
        Map<String, String> env = new LinkedHashMap<>();
        if (environment != null) {
            int lineNo = 0;
            for (String line : environment.split("\n")) {
                lineNo++;
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) continue;
                int eq = l.indexOf('=');
                if (eq <= 0) return new Result(null, "Environment line " + lineNo + " should read NAME=value.");
                env.put(l.substring(0, eq).strip(), l.substring(eq + 1));
            }
        }
        return new Result(new LaunchSpec(program.strip(), args, dir, env), null);
    }

    /** Splits like a POSIX shell without expansions: 'single', "double" (with \" escapes) and backslash escapes. */
    static List<String> splitArguments(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == '\'') {
                if (c == '\'') quote = 0;
                else word.append(c);
            } else if (quote == '"') {
                if (c == '"') quote = 0;
                else if (c == '\\' && i + 1 < text.length() && "\"\\$`".indexOf(text.charAt(i + 1)) >= 0) word.append(text.charAt(++i));
                else word.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < text.length()) {
                word.append(text.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) words.add(word.toString());
                word.setLength(0);
                inWord = false;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) throw new IllegalArgumentException("The arguments have an unclosed " + (quote == '"' ? "double" : "single") + " quote.");
        if (inWord) words.add(word.toString());
        return words;
    }
}
