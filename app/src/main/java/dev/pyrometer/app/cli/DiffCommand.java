package dev.pyrometer.app.cli;

import com.google.gson.GsonBuilder;
import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.Loaded;
import dev.pyrometer.model.aggregate.CallTree;
import dev.pyrometer.model.aggregate.KeyBy;
import dev.pyrometer.model.aggregate.ProcessThreads;
import dev.pyrometer.model.aggregate.Selection;
import dev.pyrometer.model.aggregate.StackCounts;
import dev.pyrometer.model.aggregate.Transforms;
import dev.pyrometer.model.diff.DiffTable;
import dev.pyrometer.model.diff.DiffValues.Presence;
import dev.pyrometer.model.diff.MatchBy;
import dev.pyrometer.model.diff.Noise;
import dev.pyrometer.model.diff.Normalization;
import dev.pyrometer.model.diff.Pairing;
import dev.pyrometer.model.diff.PairingSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pyrometer diff BASE NEW}: the functions or lines whose share of the samples changed most between two
 * profiles, with whether each change is beyond sampling noise. Frames pair by their file's path relative to each run's
 * roots and their qualified name, then by module ({@code --match} chooses otherwise). {@code --json} prints one object
 * per pair with {@code function}, {@code file} (the relative path), {@code line} (with {@code --by line}),
 * {@code base_total}, {@code new_total}, {@code base_self} and {@code new_self}, as shares of all samples (0 to 1), and
 * {@code base_file} / {@code new_file}: each run's absolute path, null where only the other run has the frame.
 */
@Command(name = "diff", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Compare two profiles: the biggest changes in where the time goes.",
        "Values are shares of all (non-idle) samples; a change is beyond noise when it exceeds "
            + "3 standard errors of sampling.",
        "Frames pair by their file's path relative to each run's roots (a checkout, a virtual environment) and their "
            + "qualified name, then by module name; --match changes that."})
public final class DiffCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "BASE", description = "The profile before (any format convert reads).")
    Path base;

    @Parameters(index = "1", paramLabel = "NEW", description = "The profile after.")
    Path news;

    @Option(names = "--by", paramLabel = "function|line", defaultValue = "function",
        description = "Compare per function (default) or per line.")
    String by;

    @Option(names = "--match", paramLabel = "relative|absolute|name", defaultValue = "relative",
        description = "How frames of the two runs pair: by path relative to each run's roots (default), by absolute path,"
            + " or by function name only.")
    String match;

    @Option(names = "--json", description = "Print a JSON list instead of a table.")
    boolean json;

    @Option(names = "--top", paramLabel = "N", defaultValue = "20", description = "How many of the biggest changes to show (default 20).")
    int top;

    @Option(names = "--idle", description = "Count samples of idle threads too.")
    boolean idle;

    @Mixin
    ProcessChoice processes = new ProcessChoice();

    @Option(names = "--per-second", description = "In the table, compare thread-seconds per second of wall clock instead of shares.")
    boolean perSecond;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        KeyBy keyBy = switch (by.toLowerCase(Locale.ROOT)) {
            case "function" -> KeyBy.FUNCTION;
            case "line" -> KeyBy.LINE;
            default -> throw UsageError.of("--by takes function or line, not '" + by + "'.");
        };
        MatchBy matchBy = MatchBy.ofOption(match);
        if (matchBy == null) throw UsageError.of("--match takes relative, absolute or name, not '" + match + "'.");
        if (top < 1) throw UsageError.of("--top needs a positive number, not " + top + ".");
        if (json && perSecond) {
            throw UsageError.of("--per-second is for the table: --json always gives shares of all samples (0–1), as its"
                + " field names say; leave one of them out.");
        }
        Selection selection = Selection.ALL.withIdle(idle);
        PrintWriter out = spec.commandLine().getOut();
        Loaded baseRun = ProfileInput.read(base, spec);
        Loaded newRun = ProfileInput.read(news, spec);
        CallTree baseTree = tree(baseRun, only(baseRun, base, processes.forBase(), selection), keyBy);
        CallTree newTree = tree(newRun, only(newRun, news, processes.forNew(), selection), keyBy);
        Pairing pairing = Pairing.of(baseTree.keys(), newTree.keys(), matchBy);
        if (json) {
            out.println(json(DiffTable.of(baseTree, newTree, Normalization.SHARE, pairing), keyBy));
        } else {
            table(DiffTable.of(baseTree, newTree, perSecond ? Normalization.PER_SECOND : Normalization.SHARE, pairing), keyBy, out);
        }
        out.flush();
        return 0;
    }

    /** The selection restricted to the processes {@code spec} names (null: all of them). */
    static Selection only(Loaded run, Path file, String spec, Selection selection) {
        if (spec == null) return selection;
        try {
            return selection.withThreads(ProcessThreads.threadsOf(run.profile(), spec));
        } catch (IllegalArgumentException e) {
            throw UsageError.of(file.getFileName() + ": " + e.getMessage() + ".");
        }
    }

    private static CallTree tree(Loaded loaded, Selection selection, KeyBy keyBy) {
        StackCounts counts = StackCounts.of(loaded.profile(), selection, Cancel.NEVER);
        return CallTree.topDown(counts, keyBy, Transforms.NONE, Cancel.NEVER);
    }

    private static String processNote(String spec) {
        return spec == null ? "" : " [process " + spec + "]";
    }

    private String json(DiffTable diff, KeyBy keyBy) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int r = 0; r < Math.min(top, diff.size()); r++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("function", diff.function(r));
            row.put("file", diff.file(r));
            if (keyBy == KeyBy.LINE) row.put("line", diff.line(r));
            row.put("base_total", diff.baseTotal(r));
            row.put("new_total", diff.newTotal(r));
            row.put("base_self", diff.baseSelf(r));
            row.put("new_self", diff.newSelf(r));
            row.put("base_file", diff.baseFile(r));
            row.put("new_file", diff.newFile(r));
            rows.add(row);
        }
        return new GsonBuilder().serializeNulls().setPrettyPrinting().create().toJson(rows);
    }

    private void table(DiffTable diff, KeyBy keyBy, PrintWriter out) {
        boolean shares = diff.normalization() == Normalization.SHARE;
        String unit = shares ? "%" : " s/s";
        double scale = shares ? 100 : 1;
        out.printf(Locale.ROOT, "%s%s (%,d samples) -> %s%s (%,d samples), by %s, %s:%n", base.getFileName(),
            processNote(processes.forBase()), diff.baseDenominator(), news.getFileName(),
            processNote(processes.forNew()), diff.newDenominator(), keyBy.name().toLowerCase(Locale.ROOT),
            shares ? "share of all samples (total, including callees)" : "thread-seconds per second of wall clock");
        if (!shares) {
            out.printf(Locale.ROOT, "(%,d and %,d sampler ticks)%n", diff.baseDenominator(), diff.newDenominator());
        }
        String roots = PairingSummary.roots(diff.pairing());
        if (roots != null) out.println(roots);
        out.println(PairingSummary.pairedBy(diff.pairing()));
        String header = String.format(Locale.ROOT, "%9s %9s %9s  %-12s  %s", "base" + unit, "new" + unit, "change", "beyond noise",
            keyBy == KeyBy.LINE ? "line" : "function");
        out.println(header);
        int shown = Math.min(top, diff.size());
        for (int r = 0; r < shown; r++) {
            String presence = diff.presence(r) == Presence.NEW ? "  [new]" : diff.presence(r) == Presence.VANISHED ? "  [vanished]" : "";
            out.printf(Locale.ROOT, "%9.2f %9.2f %+9.2f  %-12s  %s%s%n", diff.baseTotal(r) * scale, diff.newTotal(r) * scale,
                diff.totalDelta(r) * scale, diff.totalBeyondNoise(r) ? "yes" : "no", diff.label(r), presence);
        }
        if (diff.size() > shown) out.printf(Locale.ROOT, "... %,d more (--top N shows more)%n", diff.size() - shown);
        out.printf(Locale.ROOT, "Beyond noise: the change exceeds %.0f standard errors of sampling.%n", Noise.THRESHOLD);
    }
}
