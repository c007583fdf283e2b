package dev.pyrometer.app.ui.source;

import dev.pyrometer.app.ui.common.MemoryFigure;
import dev.pyrometer.model.aggregate.LineHeat;
import dev.pyrometer.model.aggregate.LineMemory;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.model.StyleSpans;

/**
 * A source file ready to show: its text (or a placeholder when it could not be found), its syntax colouring, the
 * per-line heat, the gutter's text and bar lengths precomputed per line, the hottest lines and where to open it.
 * Immutable; arrays are indexed by line number (1-based; index 0 is unused).
 *
 * @param recordedPath the path as the profile holds it
 * @param foundAt      where the text was read from, or null when it was not found
 * @param tried        the places looked at, in order
 * @param text         the file's text; for a missing file, empty lines up to the last line with samples
 * @param highlighting style spans for the text, or null for none
 * @param gutter       per line, the samples / self / total / python / native / system columns (blank without data)
 * @param totalBar     per line, the line's total samples relative to the file's busiest line, 0 to 1
 * @param selfBar      per line, the line's self samples on the same scale
 * @param targetLine   the line to open at (1-based), or 0 to stay at the top
 * @param memory       per-line memory growth and release, or null when the profile has no memory track
 * @param memoryGutter per line, the net / +mem / −mem columns (null entries are blank); null without a memory track
 * @param memoryTotals per line, the total net column (null entries are blank); null without a memory track
 */
public record SourceDocument(String recordedPath, Path foundAt, List<String> tried, String text,
                             StyleSpans<Collection<String>> highlighting, int lineCount, LineHeat heat,
                             String[] gutter, double[] totalBar, double[] selfBar, List<HotLine> hotLines,
                             int targetLine, LineMemory memory, String[] memoryGutter, String[] memoryTotals) {

    /** The column titles matching {@link #gutter}. */
    public static final String GUTTER_HEADER = SourceLoader.gutterHeader();

    /** A native frame's library (recorded with native frames): never a source file. */
    public boolean nativeCode() {
        return foundAt == null && tried.equals(List.of(SourceLoader.NATIVE));
    }

    public boolean missing() {
        return foundAt == null;
    }

    public String gutterText(int line) {
        return line > 0 && line < gutter.length && gutter[line] != null ? gutter[line] : SourceLoader.BLANK_GUTTER;
    }

    /** True when the gutter has memory columns. */
    public boolean hasMemory() {
        return memoryGutter != null;
    }

    /** The +mem / −mem columns of a line ({@link #hasMemory()} only). */
    public String memoryText(int line) {
        return line > 0 && line < memoryGutter.length && memoryGutter[line] != null ? memoryGutter[line] : MemoryColumns.BLANK;
    }

    /** The total net column of a line ({@link #hasMemory()} only). */
    public String memoryTotalText(int line) {
        return line > 0 && line < memoryTotals.length && memoryTotals[line] != null ? memoryTotals[line] : MemoryColumns.BLANK_TOTAL;
    }

    /** The line's own memory figure: its net, what it rests on and whether it is a finding ({@link #hasMemory()} only). */
    public MemoryFigure memoryFigure(int line) {
        return MemoryColumns.self(memory, line);
    }

    /** The line's total memory figure, its callees included ({@link #hasMemory()} only). */
    public MemoryFigure memoryTotalFigure(int line) {
        return MemoryColumns.total(memory, line);
    }

    /** The titles of the memory columns. */
    public static String memoryHeader() {
        return MemoryColumns.HEADER;
    }

    public double totalBar(int line) {
        return line > 0 && line < totalBar.length ? totalBar[line] : 0;
    }

    public double selfBar(int line) {
        return line > 0 && line < selfBar.length ? selfBar[line] : 0;
    }

    /** A one-sentence explanation for a missing file. */
    public String missingMessage() {
        if (nativeCode()) {
            return recordedPath + " is a native library: its C functions (named from its symbols) have no Python"
                + " source to show.";
        }
        return "Source not found: " + recordedPath + ". Looked at " + String.join(", ", tried)
            + ". Line numbers and heat are shown; add a path mapping to see the code.";
    }
}
