package dev.pyrometer.app.ui.source;

import dev.pyrometer.model.aggregate.LineMemory;
import java.util.Locale;

/**
 * The gutter's memory columns: per line, the resident memory it grew and released while it was the file's innermost
 * line on the stack (see {@link LineMemory}). Shown only for profiles with a memory track.
 */
final class MemoryColumns {
    private static final String FORMAT = " %6s %6s";
    static final String HEADER = String.format(Locale.ROOT, FORMAT, "+mem", "−mem");
    static final String BLANK = String.format(Locale.ROOT, FORMAT, "", "");

    private MemoryColumns() {}

    /** Per line (1-based, {@code size} entries), the two columns; null where the line has neither. */
    static String[] of(LineMemory memory, int size) {
        String[] text = new String[size];
        for (int l = 1; l < size && l <= memory.lastLine(); l++) {
            long grew = memory.growth(l), freed = memory.release(l);
            if ((grew | freed) == 0) continue;
            text[l] = String.format(Locale.ROOT, FORMAT, grew == 0 ? "" : "+" + compact(grew), freed == 0 ? "" : "−" + compact(freed));
        }
        return text;
    }

    /** Bytes in at most five characters: {@code 512B}, {@code 12K}, {@code 4.2M}, {@code 310M}, {@code 1.5G}. */
    static String compact(long bytes) {
        if (bytes < 1024) return bytes + "B";
        if (bytes < 1024 * 1024) return (bytes >> 10) + "K";
        double mb = bytes / 1048576.0;
        if (mb < 9.95) return String.format(Locale.ROOT, "%.1fM", mb);
        if (mb < 1023.5) return String.format(Locale.ROOT, "%.0fM", mb);
        return String.format(Locale.ROOT, "%.1fG", mb / 1024);
    }
}
