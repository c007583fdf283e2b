package dev.pyrometer.app.ui.editor;

import dev.pyrometer.model.PyrometerException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command that opens a file at a line in the user's editor, built from the preferences and the environment:
 * {@code $VISUAL} / {@code $EDITOR} with the form its program understands ({@code +LINE FILE} for vi, emacs, nano and
 * most others, {@code -g FILE:LINE} for VS Code, {@code --line LINE FILE} for JetBrains IDEs…), run in a terminal
 * when it is a terminal editor; {@code code -g FILE:LINE}; {@code xdg-open FILE}; or a custom command with
 * {@code {file}} and {@code {line}}. Programs are found on the environment's PATH. Pure: nothing is started here.
 */
public final class EditorCommand {
    /** Editors that need a terminal to draw in; a desktop app has none, so they are run in one. */
    private static final Set<String> TERMINAL_EDITORS = Set.of("vi", "vim", "nvim", "nano", "pico", "micro", "hx", "helix",
        "kak", "joe", "jed", "mg", "ne", "vis", "ed", "mcedit", "emacs-nox");
    private static final Set<String> VSCODE_LIKE = Set.of("code", "code-insiders", "codium", "vscodium", "cursor");
    private static final Set<String> FILE_COLON_LINE = Set.of("subl", "sublime_text", "zed", "hx", "helix");
    private static final Set<String> JETBRAINS = Set.of("idea", "idea.sh", "pycharm", "pycharm.sh", "charm", "pycharm-community",
        "pycharm-professional");

    private EditorCommand() {}

    /** The argument vector to run; throws a {@link PyrometerException} saying what to set when nothing fits. */
    public static List<String> build(EditorPreferences preferences, Map<String, String> env, Path file, int line) {
        int at = Math.max(1, line);
        String path = file.toString();
        return switch (preferences.choice()) {
            case AUTOMATIC -> {
                String editor = editorVariable(env);
                if (editor != null) yield forEditor(editor, env, path, at);
                Path code = onPath("code", env);
                if (code != null) yield List.of(code.toString(), "-g", path + ":" + at);
                yield desktop(env, path);
            }
            case ENVIRONMENT -> {
                String editor = editorVariable(env);
                if (editor == null) {
                    throw new PyrometerException("Neither $VISUAL nor $EDITOR is set, so there is no editor to open "
                        + path + " in: set one, or pick another editor in Preferences (Ctrl+,).");
                }
                yield forEditor(editor, env, path, at);
            }
            case VSCODE -> List.of(require("code", env, "VS Code's command line 'code'"), "-g", path + ":" + at);
            case DESKTOP -> desktop(env, path);
            case CUSTOM -> custom(preferences.customCommand(), env, path, at);
        };
    }

    /** {@code $VISUAL} (a full-screen editor), else {@code $EDITOR}, else null. */
    static String editorVariable(Map<String, String> env) {
        for (String name : List.of("VISUAL", "EDITOR")) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) return value.strip();
        }
        return null;
    }

    /** An editor command line ({@code code --wait}, {@code vim}) with the file and line in the form its program takes. */
    static List<String> forEditor(String editor, Map<String, String> env, String file, int line) {
        List<String> words = words(editor);
        String program = words.getFirst();
        String name = Path.of(program).getFileName().toString();
        List<String> command = new ArrayList<>();
        command.add(resolve(program, env));
        command.addAll(words.subList(1, words.size()));
        if (VSCODE_LIKE.contains(name)) {
            command.remove("--wait");
            command.remove("-w");
            command.addAll(List.of("-g", file + ":" + line));
        } else if (FILE_COLON_LINE.contains(name)) {
            command.add(file + ":" + line);
        } else if (JETBRAINS.contains(name)) {
            command.addAll(List.of("--line", Integer.toString(line), file));
        } else if (name.equals("kate")) {
            command.addAll(List.of("--line", Integer.toString(line), file));
        } else {
            command.addAll(List.of("+" + line, file));
        }
        boolean terminal = TERMINAL_EDITORS.contains(name) || name.equals("emacs") && (words.contains("-nw") || words.contains("-t"));
        return terminal ? inTerminal(command, env, name) : command;
    }

    /** A terminal editor in a terminal window: Debian's x-terminal-emulator, else a known terminal. */
    static List<String> inTerminal(List<String> command, Map<String, String> env, String editor) {
        List<String> out = new ArrayList<>();
        Path terminal;
        if ((terminal = onPath("x-terminal-emulator", env)) != null || (terminal = onPath("xterm", env)) != null
            || (terminal = onPath("konsole", env)) != null) {
            out.addAll(List.of(terminal.toString(), "-e"));
        } else if ((terminal = onPath("gnome-terminal", env)) != null) {
            out.addAll(List.of(terminal.toString(), "--"));
        } else {
            throw new PyrometerException(editor + " runs in a terminal and no terminal program was found "
                + "(x-terminal-emulator, xterm, konsole, gnome-terminal): install one, or pick VS Code, the desktop's "
                + "default or a custom command in Preferences (Ctrl+,).");
        }
        out.addAll(command);
        return out;
    }

    private static List<String> desktop(Map<String, String> env, String file) {
        return List.of(require("xdg-open", env, "xdg-open (package xdg-utils)"), file);
    }

    private static List<String> custom(String template, Map<String, String> env, String file, int line) {
        if (template.isBlank() || !template.contains("{file}")) {
            throw new PyrometerException("The custom editor command must name the file as {file} (and may use {line}), "
                + "for example: idea --line {line} {file}; set it in Preferences (Ctrl+,).");
        }
        List<String> command = new ArrayList<>();
        for (String word : words(template)) {
            command.add(word.replace("{file}", file).replace("{line}", Integer.toString(line)));
        }
        command.set(0, resolve(command.getFirst(), env));
        return command;
    }

    private static String require(String program, Map<String, String> env, String what) {
        Path found = onPath(program, env);
        if (found == null) {
            throw new PyrometerException(what + " is not on the PATH: install it, or pick another editor in Preferences (Ctrl+,).");
        }
        return found.toString();
    }

    /** A program named without a directory, looked up on the environment's PATH (as the shell would); else as given. */
    private static String resolve(String program, Map<String, String> env) {
        if (program.contains("/")) return program;
        Path found = onPath(program, env);
        return found == null ? program : found.toString();
    }

    static Path onPath(String program, Map<String, String> env) {
        String path = env.get("PATH");
        if (path == null) return null;
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path candidate = Path.of(dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) return candidate;
        }
        return null;
    }

    /** A command line split into words as a shell would for plain words, single and double quotes, and backslashes. */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                else if (c == '\\' && quote == '"' && i + 1 < line.length()) word.append(line.charAt(++i));
                else word.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
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
        if (inWord) words.add(word.toString());
        if (words.isEmpty()) throw new PyrometerException("The editor command is empty: set one in Preferences (Ctrl+,).");
        return words;
    }
}
