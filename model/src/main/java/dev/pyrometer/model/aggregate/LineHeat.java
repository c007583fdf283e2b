package dev.pyrometer.model.aggregate;

import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.SampleState;
import java.util.function.BooleanSupplier;

/**
 * Per-line heat of one source file, for the source view's gutter: for each line, the selected samples that were
 * executing it (self: it was the innermost frame) and the samples that had it anywhere on the stack (total: it was
 * running or calling; counted once per sample under recursion), each with the python / native / system / idle
 * split. Dense arrays indexed by line number. Immutable.
 */
public final class LineHeat {
    private static final int CATEGORIES = SampleState.CATEGORY_COUNT;

    private final String file;
    private final int sampleCount;
    private final int[] self;
    private final int[] total;
    private final int[] selfByCategory;
    private final int[] totalByCategory;

    private LineHeat(String file, int sampleCount, int[] selfCat, int[] totalCat) {
        this.file = file;
        this.sampleCount = sampleCount;
        this.selfByCategory = selfCat;
        this.totalByCategory = totalCat;
        int lines = selfCat.length / CATEGORIES;
        this.self = new int[lines];
        this.total = new int[lines];
        for (int l = 0; l < lines; l++) {
            for (int c = 0; c < CATEGORIES; c++) {
                self[l] += selfCat[l * CATEGORIES + c];
                total[l] += totalCat[l * CATEGORIES + c];
            }
        }
    }

    /** The heat of {@code file} (a path exactly as the profile holds it) over the counted samples. */
    public static LineHeat of(StackCounts counts, String file, BooleanSupplier cancelled) {
        FileFrames inFile = FileFrames.of(counts.snapshot(), file);
        int lastLine = inFile.lastLine;
        int n = counts.snapshot().stacks();
        int[] selfCat = new int[(lastLine + 1) * CATEGORIES];
        int[] totalCat = new int[(lastLine + 1) * CATEGORIES];
        int[] stamp = new int[lastLine + 1];
        int[] raw = counts.rawCounts();
        for (int s = 0; s < n; s++) {
            if ((s & (Cancel.POLL_INTERVAL - 1)) == 0) Cancel.check(cancelled);
            int at = (s + 1) * CATEGORIES;
            if (inFile.nearest[s] < 0 || (raw[at] | raw[at + 1] | raw[at + 2] | raw[at + 3]) == 0) continue;
            for (int t = inFile.nearest[s]; t >= 0; t = inFile.next(t)) {
                int line = inFile.line(t);
                if (t == s) for (int c = 0; c < CATEGORIES; c++) selfCat[line * CATEGORIES + c] += raw[at + c];
                if (stamp[line] == s + 1) continue;
                stamp[line] = s + 1;
                for (int c = 0; c < CATEGORIES; c++) totalCat[line * CATEGORIES + c] += raw[at + c];
            }
        }
        return new LineHeat(file, counts.total(), selfCat, totalCat);
    }

    public String file() { return file; }
    /** All counted samples (of every file): the denominator of shares. */
    public int sampleCount() { return sampleCount; }
    /** The highest line number with data (arrays cover 0 to this); 0 when the file has no samples. */
    public int lastLine() { return self.length - 1; }

    public int self(int line) { return line >= 0 && line < self.length ? self[line] : 0; }
    public int total(int line) { return line >= 0 && line < total.length ? total[line] : 0; }

    public int selfIn(int line, int category) {
        return line >= 0 && line < self.length ? selfByCategory[line * CATEGORIES + category] : 0;
    }

    public int totalIn(int line, int category) {
        return line >= 0 && line < total.length ? totalByCategory[line * CATEGORIES + category] : 0;
    }

    /** The line with the most self samples (ties: the first), or 0; for "jump to the hot line". */
    public int hottestLine() {
        int best = 0;
        for (int l = 1; l < self.length; l++) if (self[l] > self[best]) best = l;
        return best;
    }
}
