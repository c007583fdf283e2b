package dev.pyrometer.model.diff;

import dev.pyrometer.model.aggregate.Keys;
import dev.pyrometer.model.aggregate.Modules;

/**
 * What makes a key of one profile the same as a key of another: its text, not its ids. Functions match by file and
 * name (not by first line, which moves when code above them is edited); lines by file, function and line. Files
 * of the standard library and installed packages match by their path inside the library ({@link Modules#portable}),
 * so runs under two Pythons, or two virtual environments, still pair their library frames.
 */
final class Identity {
    private Identity() {}

    static String of(Keys keys, int key) {
        return switch (keys.by()) {
            case LINE -> Modules.portable(keys.file(key)) + '\u0000' + keys.function(key) + '\u0000' + keys.line(key);
            case FUNCTION -> Modules.portable(keys.file(key)) + '\u0000' + keys.function(key);
            case FILE -> Modules.portable(keys.file(key));
            case MODULE -> keys.module(key);
        };
    }
}
