package dev.pyrometer.app.ui.source;

import dev.pyrometer.app.ui.common.MemoryFigure;
import dev.pyrometer.model.aggregate.LineMemory;
import java.util.Locale;

/**
 * The gutter's memory columns (see {@link LineMemory}): per line, the net change of resident memory while it was the
 * file's innermost line on the stacks two consecutive ticks shared, with the growth and release behind it, then the
 * net while it was anywhere on them (its callees included). Shown only for profiles with a memory track; a figure
 * within the track's noise is greyed (see {@link SourceGutter}).
 */
final class MemoryColumns {
    private static final String SELF = " %6s %6s %6s";
    private static final String TOTAL = " %6s";
    static final String HEADER = String.format(Locale.ROOT, SELF + TOTAL, "net", "+mem", "−mem", "total");
    static final String BLANK = String.format(Locale.ROOT, SELF, "", "", "");
    static final String BLANK_TOTAL = String.format(Locale.ROOT, TOTAL, "");

    private MemoryColumns() {}

    /** Per line (1-based, {@code size} entries), the net / +mem / −mem columns; null where no tick went to the line. */
    static String[] of(LineMemory memory, int size) {
        String[] text = new String[size];
        for (int l = 1; l < size && l <= memory.lastLine(); l++) {
            if (memory.ticks(l) == 0) continue;
            long grew = memory.growth(l), freed = memory.release(l);
            text[l] = String.format(Locale.ROOT, SELF, self(memory, l).text(), grew == 0 ? "" : "+" + compact(grew),
                freed == 0 ? "" : "−" + compact(freed));
        }
        return text;
    }

    /** Per line, the total column; null where no tick went to a stack with the line on it. */
    static String[] totals(LineMemory memory, int size) {
        String[] text = new String[size];
        for (int l = 1; l < size && l <= memory.lastLine(); l++) {
            if (memory.totalTicks(l) > 0) text[l] = String.format(Locale.ROOT, TOTAL, total(memory, l).text());
        }
        return text;
    }

    static MemoryFigure self(LineMemory memory, int line) {
        return new MemoryFigure(memory.growth(line), memory.release(line), memory.ticks(line), memory.beyondNoise(line),
            memory.memory().jitter(), "while the line was this file's innermost line");
    }

    static MemoryFigure total(LineMemory memory, int line) {
        return new MemoryFigure(memory.totalGrowth(line), memory.totalRelease(line), memory.totalTicks(line),
            memory.totalBeyondNoise(line), memory.memory().jitter(), "while the line was on the stack (what it called included)");
    }

    /** Bytes in at most five characters: {@code 512B}, {@code 12K}, {@code 4.2M}, {@code 310M}, {@code 1.5G}. */
    static String compact(long bytes) {
        return MemoryFigure.compact(bytes);
    }
}
