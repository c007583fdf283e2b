package dev.pyrometer.model.diff;

import dev.pyrometer.model.aggregate.Keys;

/**
 * What makes a key of one profile the same as a key of another: its text, not its ids. Functions match by file and
 * name (not by first line, which moves when code above them is edited); lines by file, function and line.
 */
final class Identity {
    private Identity() {}

    static String of(Keys keys, int key) {
        return switch (keys.by()) {
            case LINE -> keys.file(key) + '\u0000' + keys.function(key) + '\u0000' + keys.line(key);
            case FUNCTION -> keys.file(key) + '\u0000' + keys.function(key);
            case FILE -> keys.file(key);
            case MODULE -> keys.module(key);
        };
    }
}
