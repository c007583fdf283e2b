package dev.pyrometer.app.ui.source;

import dev.pyrometer.app.source.PathMapping;
import dev.pyrometer.app.source.SourceLocator;
import dev.pyrometer.app.source.SourceText;
import dev.pyrometer.app.ui.analysis.FrameSelection;
import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.FrameTable;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.SampleState;
import dev.pyrometer.model.aggregate.LineHeat;
import dev.pyrometer.model.aggregate.LineMemory;
import dev.pyrometer.model.aggregate.MemoryCounts;
import dev.pyrometer.model.aggregate.Snapshot;
import dev.pyrometer.model.aggregate.StackCounts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.fxmisc.richtext.model.StyleSpans;

/** Builds a {@link SourceDocument}: finds and reads the file, colours it, computes its heat. Pure; background thread. */
public final class SourceLoader {
    /** Larger files are shown as missing rather than freezing the editor (generated code, minified bundles). */
    static final long MAX_BYTES = SourceText.MAX_BYTES;
    static final int HOT_LINES = 15;
    private static final String FORMAT = "%6s %5s %5s %5s %5s %5s";
    static final String BLANK_GUTTER = String.format(Locale.ROOT, FORMAT, "", "", "", "", "", "");

    private SourceLoader() {}

    static String gutterHeader() {
        return String.format(Locale.ROOT, FORMAT, "count", "self", "total", "py", "nat", "sys");
    }

    /**
     * @param previous the document shown now: when it is the same file, its text and colouring are reused and only
     *                 the heat is recomputed (a live recording refreshes heat several times a second)
     * @param memory    the memory attributed to the same samples, or null: the gutter then has no memory columns
     * @param selection what was picked, for the line to open at; null to keep no particular line
     */
    /** What a native frame's "tried" list says: it is a library, and {@link SourceDocument} explains it. */
    static final String NATIVE = "(native code)";

    private static boolean nativeLibrary(StackCounts counts, String file) {
        var profile = counts.snapshot().profile();
        int frames = counts.snapshot().frames();
        for (int f = 0; f < frames; f++) {
            if (profile.isNative(f) && profile.fileName(f).equals(file)) return true;
        }
        return false;
    }

    public static SourceDocument load(String recordedPath, int pid, List<PathMapping> mappings, StackCounts counts,
                                      MemoryCounts memory, FrameSelection selection, SourceDocument previous,
                                      BooleanSupplier cancelled) {
        // A native frame's "file" is its library: no source to look for (nor a binary to read as text).
        SourceLocator.Located located = nativeLibrary(counts, recordedPath)
            ? new SourceLocator.Located(null, List.of(NATIVE))
            : SourceLocator.locate(recordedPath, pid, mappings);
        String text;
        StyleSpans<Collection<String>> highlighting = null;
        boolean reuse = previous != null && previous.recordedPath().equals(recordedPath)
            && located.found() && located.path().equals(previous.foundAt());
        if (reuse) {
            text = previous.text();
            highlighting = previous.highlighting();
        } else {
            text = located.found() ? read(located.path()) : null;
            if (text != null) highlighting = PythonHighlighter.spans(text);
        }
        Cancel.check(cancelled);
        LineHeat heat = LineHeat.of(counts, recordedPath, cancelled);
        boolean found = text != null;
        if (!found) text = "\n".repeat(Math.max(0, heat.lastLine() - 1));
        String[] lines = text.split("\n", -1);
        int lineCount = lines.length;

        int all = Math.max(1, heat.sampleCount());
        int size = Math.max(lineCount, heat.lastLine()) + 1;
        String[] gutter = new String[size];
        double[] totalBar = new double[size];
        double[] selfBar = new double[size];
        int busiest = 1;
        for (int l = 1; l <= heat.lastLine(); l++) busiest = Math.max(busiest, heat.total(l));
        List<HotLine> hot = new ArrayList<>();
        for (int l = 1; l <= heat.lastLine(); l++) {
            int total = heat.total(l);
            if (total == 0) continue;
            int self = heat.self(l);
            gutter[l] = String.format(Locale.ROOT, FORMAT, compact(total), pct(self, all), pct(total, all),
                pct(heat.totalIn(l, SampleState.CATEGORY_PYTHON), all), pct(heat.totalIn(l, SampleState.CATEGORY_NATIVE), all),
                pct(heat.totalIn(l, SampleState.CATEGORY_SYSTEM), all));
            totalBar[l] = (double) total / busiest;
            selfBar[l] = (double) self / busiest;
            hot.add(new HotLine(l, self, total, l <= lineCount ? lines[l - 1].strip() : ""));
        }
        hot.sort(Comparator.comparingInt(HotLine::self).reversed().thenComparing(Comparator.comparingInt(HotLine::total).reversed()));
        if (hot.size() > HOT_LINES) hot = hot.subList(0, HOT_LINES);
        int target = selection == null ? 0 : targetLine(counts.snapshot(), recordedPath, selection, heat);
        LineMemory lineMemory = memory == null || !memory.hasMemory() ? null : LineMemory.of(memory, recordedPath, cancelled);
        String[] memoryGutter = lineMemory == null ? null : MemoryColumns.of(lineMemory, size);
        String[] memoryTotals = lineMemory == null ? null : MemoryColumns.totals(lineMemory, size);
        return new SourceDocument(recordedPath, found ? located.path() : null, located.tried(), text,
            found ? highlighting : null, lineCount, heat, gutter, totalBar, selfBar, List.copyOf(hot), target,
            lineMemory, memoryGutter, memoryTotals);
    }

    /** The selected line; for a function, its line with the most samples; for a file, the file's hottest line. */
    static int targetLine(Snapshot snapshot, String file, FrameSelection selection, LineHeat heat) {
        if (selection.line() > 0) return selection.line();
        if (selection.function() == null) {
            int hottest = heat.hottestLine();
            return hottest > 0 ? hottest : 1;
        }
        Profile profile = snapshot.profile();
        FrameTable frames = profile.frames();
        int best = -1;
        for (int f = 0; f < snapshot.frames(); f++) {
            if (frames.firstLine(f) != selection.firstLine() || !selection.function().equals(profile.functionName(f))
                || !file.equals(profile.fileName(f))) continue;
            int line = frames.line(f);
            if (best < 0 || heat.total(line) > heat.total(best) || (heat.total(line) == heat.total(best) && heat.self(line) > heat.self(best))) {
                best = line;
            }
        }
        return best > 0 ? best : Math.max(1, selection.firstLine());
    }

    /** UTF-8 as Python reads it (see {@link SourceText#read}). */
    static String read(Path path) {
        return SourceText.read(path);
    }

    private static String compact(int n) {
        if (n < 100_000) return Integer.toString(n);
        if (n < 10_000_000) return (n / 1000) + "k";
        return (n / 1_000_000) + "M";
    }

    private static String pct(int part, int all) {
        if (part == 0) return "";
        double p = 100.0 * part / all;
        if (p >= 9.95) return String.format(Locale.ROOT, "%.0f%%", p);
        if (p >= 0.05) return String.format(Locale.ROOT, "%.1f%%", p);
        return "<.1%";
    }
}
