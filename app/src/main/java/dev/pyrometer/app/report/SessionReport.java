package dev.pyrometer.app.report;

import dev.pyrometer.app.source.PathMapping;
import dev.pyrometer.app.source.SourceLocator;
import dev.pyrometer.app.source.SourceText;
import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.SampleState;
import dev.pyrometer.model.aggregate.CallTree;
import dev.pyrometer.model.aggregate.FunctionLines;
import dev.pyrometer.model.aggregate.HotFunctions;
import dev.pyrometer.model.aggregate.KeyBy;
import dev.pyrometer.model.aggregate.KeyMemory;
import dev.pyrometer.model.aggregate.Keys;
import dev.pyrometer.model.aggregate.MemoryCounts;
import dev.pyrometer.model.aggregate.Selection;
import dev.pyrometer.model.aggregate.Snapshot;
import dev.pyrometer.model.aggregate.StackCounts;
import dev.pyrometer.model.aggregate.Transforms;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The figures {@code pyrometer report} prints, computed once from a profile and a selection with the same model
 * classes the workbench uses (the hot functions table, the source gutter), so both agree. No UI.
 */
public final class SessionReport {
    private final Profile profile;
    private final StackCounts counts;
    private final HotFunctions hot;
    private final MemoryCounts memory;
    private final KeyMemory keyMemory;

    public SessionReport(Profile profile, Selection selection) {
        this.profile = profile;
        Snapshot snapshot = Snapshot.of(profile);
        this.counts = StackCounts.of(snapshot, selection, Cancel.NEVER);
        this.hot = HotFunctions.of(CallTree.topDown(counts, KeyBy.FUNCTION, Transforms.NONE, Cancel.NEVER));
        this.memory = MemoryCounts.of(snapshot, selection, Cancel.NEVER);
        this.keyMemory = KeyMemory.of(memory, KeyBy.FUNCTION, Transforms.NONE, Cancel.NEVER);
    }

    /** A function's row: time as samples (shares of {@link #samples()}), memory as net bytes with the ticks behind them. */
    public record Function(int key, String qualname, String file, int line, int self, int total, int python, int nativeCode,
                           int system, long memNetSelf, int memTicksSelf, boolean memSelfFinding, long memNetTotal,
                           int memTicksTotal, boolean memTotalFinding) {
        /** The name without its class or enclosing function ({@code Parser.parse} → {@code parse}). */
        public String bareName() {
            int dot = qualname.lastIndexOf('.');
            return dot < 0 ? qualname : qualname.substring(dot + 1);
        }
    }

    /** One line of a function's table; {@code contents} is null when the source could not be read. */
    public record Line(int line, int samples, double timeShare, int python, int nativeCode, int system, long memNet,
                       int memTicks, boolean memFinding, String contents) {}

    /** A function's line table and where its source was looked for. */
    public record Lines(Function function, int samples, List<Line> lines, boolean sourceFound, List<String> tried) {}

    public Profile profile() { return profile; }
    /** All selected samples: the denominator of the functions' shares. */
    public int samples() { return counts.total(); }
    public boolean hasMemory() { return memory.hasMemory(); }
    public MemoryCounts memory() { return memory; }

    /** Every function with samples, heaviest self time first (then total), as the hot functions table sorts them. */
    public List<Function> functions() {
        List<Function> rows = new ArrayList<>();
        Keys keys = hot.keys();
        for (int r = 0; r < hot.size(); r++) {
            int key = hot.key(r);
            if (keys.function(key) == null) continue;
            rows.add(new Function(key, keys.function(key), keys.file(key), keys.line(key), hot.self(r), hot.total(r),
                hot.totalIn(r, SampleState.CATEGORY_PYTHON), hot.totalIn(r, SampleState.CATEGORY_NATIVE),
                hot.totalIn(r, SampleState.CATEGORY_SYSTEM), keyMemory.selfNet(key), keyMemory.selfTicks(key),
                keyMemory.selfBeyondNoise(key), keyMemory.totalNet(key), keyMemory.totalTicks(key), keyMemory.totalBeyondNoise(key)));
        }
        return rows;
    }

    /**
     * The functions {@code --lines TARGET} means: those of a file (a target ending in {@code .py} or holding a
     * {@code /}: the recorded path ends with it), or those of that name (bare or qualified), heaviest total first.
     */
    public List<Function> matching(String target) {
        boolean byFile = target.endsWith(".py") || target.contains("/");
        List<Function> found = new ArrayList<>();
        for (Function f : functions()) {
            boolean match = byFile
                ? f.file() != null && (f.file().equals(target) || f.file().endsWith("/" + target.replaceFirst("^\\./", "")))
                : f.qualname().equals(target) || f.bareName().equals(target);
            if (match) found.add(f);
        }
        found.sort(Comparator.comparingInt(Function::total).reversed());
        return found;
    }

    /** The line table of a function, its source read the way the source pane reads it. */
    public Lines lines(Function function, int pid, List<PathMapping> mappings) {
        FunctionLines lines = FunctionLines.of(counts, memory.hasMemory() ? memory : null, function.file(), function.qualname(),
            function.line(), Cancel.NEVER);
        SourceLocator.Located located = SourceLocator.locate(function.file(), pid, mappings);
        String text = located.found() ? SourceText.read(located.path()) : null;
        String[] source = text == null ? null : text.split("\n", -1);
        int first = Math.max(1, function.line());
        int last = lines.lastLine();
        boolean module = "<module>".equals(function.qualname());
        if (source != null && !module) last = Math.max(last, FunctionBlock.lastLine(source, first));
        List<Line> rows = new ArrayList<>();
        for (int l = first; l <= last; l++) {
            int samples = lines.samples(l);
            // A module's table would be the whole file: only its lines that ran.
            if (module && samples == 0 && lines.memTicks(l) == 0) continue;
            String contents = source != null && l <= source.length ? source[l - 1] : null;
            rows.add(new Line(l, samples, lines.timeShare(l), lines.samplesIn(l, SampleState.CATEGORY_PYTHON),
                lines.samplesIn(l, SampleState.CATEGORY_NATIVE), lines.samplesIn(l, SampleState.CATEGORY_SYSTEM),
                lines.memNet(l), lines.memTicks(l), lines.memBeyondNoise(l), contents));
        }
        return new Lines(function, lines.total(), rows, source != null, located.tried());
    }
}
