package dev.pyrometer.app.cli;

import com.google.gson.GsonBuilder;
import dev.pyrometer.app.report.SessionReport;
import dev.pyrometer.app.source.PathMapping;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.ThreadTable;
import dev.pyrometer.model.aggregate.ProcessThreads;
import dev.pyrometer.model.aggregate.Selection;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pyrometer report FILE}: a session's hottest functions, or with {@code --lines} a line_profiler-style table
 * per function, as text or JSON. Headless: the same figures as the workbench's hot functions table and source gutter
 * (the model computes both), with the source read the way the source pane reads it.
 */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Print a profile's hottest functions, or per-line tables like line_profiler's (--lines).",
        "Time is a share of the selected samples of running threads. Memory is the change in resident memory, sampled "
            + "once per tick, that went to the function or line (net: growth minus release); '~' marks a figure within "
            + "the memory track's noise (its tick-to-tick jitter times the square root of the figure's ticks)."})
public final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "A session, or any profile convert reads.")
    Path file;

    @Option(names = "--lines", arity = "0..1", fallbackValue = "", paramLabel = "FILE.py|FUNCTION",
        description = "A line table for each function of FILE.py, each function of that name, or (alone) the --top hottest.")
    String lines;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Option(names = "--top", paramLabel = "N", description = "How many functions (default 20; with --lines, 3).")
    Integer top;

    @Option(names = "--range", paramLabel = "START:END",
        description = "Only samples from START to END seconds into the recording (either may be left out: 5:, :10).")
    String range;

    @Option(names = "--thread", paramLabel = "NAME", description = "Only this thread (its name or OS thread id); repeatable.")
    List<String> threads = new ArrayList<>();

    @Option(names = "--process", paramLabel = "PID|TEXT",
        description = "Only this process of a recording that followed subprocesses: its pid, or text of its command line"
            + " (every process whose command line holds it). With --thread: those of its threads.")
    String process;

    @Option(names = "--map", paramLabel = "FROM=TO",
        description = "Read sources recorded under FROM from under TO (a checkout, a container's files); repeatable.")
    List<String> maps = new ArrayList<>();

    @Option(names = "--pid", paramLabel = "PID",
        description = "The recorded process, still running: its sources are read through /proc/PID/root.")
    int pid;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        int n = top == null ? (lines == null ? 20 : 3) : top;
        if (n < 1) throw UsageError.of("--top needs a positive number, not " + n + ".");
        List<PathMapping> mappings = new ArrayList<>();
        for (String rule : maps) {
            PathMapping mapping = PathMapping.decode(rule);
            if (mapping == null) throw UsageError.of("--map takes FROM=TO, not '" + rule + "'.");
            mappings.add(mapping);
        }
        long[] micros = range == null ? null : range(range);
        Profile profile = ProfileInput.read(file, spec).profile();
        Selection selection = Selection.NOT_IDLE;
        if (micros != null) selection = selection.withTimeRange(micros[0], micros[1]);
        if (!threads.isEmpty()) selection = selection.withThreads(threads(profile.threads(), threads));
        if (process != null) {
            Set<Integer> ofProcess;
            try {
                ofProcess = ProcessThreads.threadsOf(profile, process);
            } catch (IllegalArgumentException e) {
                throw UsageError.of(file.getFileName() + ": " + e.getMessage() + ".");
            }
            if (ofProcess != null) {
                Set<Integer> both = new HashSet<>(ofProcess);
                if (selection.threads() != null) both.retainAll(selection.threads());
                selection = selection.withThreads(both);
            }
        }
        SessionReport report = new SessionReport(profile, selection);

        List<SessionReport.Function> functions;
        if (lines == null || lines.isBlank()) {
            functions = report.functions();
            if (functions.size() > n) functions = functions.subList(0, n);
        } else {
            functions = report.matching(lines.strip());
            if (functions.isEmpty()) {
                throw UsageError.of("no function " + (lines.endsWith(".py") || lines.contains("/") ? "of a file " : "")
                    + "'" + lines.strip() + "' has samples in " + file.getFileName() + (selection == Selection.NOT_IDLE ? "" : " (in the selection)") + ".");
            }
        }
        List<SessionReport.Lines> tables = new ArrayList<>();
        if (lines != null) for (SessionReport.Function f : functions) tables.add(report.lines(f, pid, mappings));

        PrintWriter out = spec.commandLine().getOut();
        if (json) out.println(json(report, functions, tables));
        else if (lines == null) ReportText.functions(report, functions, file, out);
        else ReportText.lines(report, tables, file, out);
        out.flush();
        return 0;
    }

    /** {@code START:END} in seconds to microseconds, either side open. */
    static long[] range(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) throw UsageError.of("--range takes START:END in seconds (5:10, 5:, :10), not '" + text + "'.");
        try {
            String a = text.substring(0, colon).strip(), b = text.substring(colon + 1).strip();
            double from = a.isEmpty() ? Double.NEGATIVE_INFINITY : Double.parseDouble(a);
            double to = b.isEmpty() ? Double.POSITIVE_INFINITY : Double.parseDouble(b);
            if (Double.isNaN(from) || Double.isNaN(to) || to <= from) {
                throw UsageError.of("--range needs START before END, not '" + text + "'.");
            }
            return new long[] {a.isEmpty() ? Selection.START : Math.round(from * 1e6), b.isEmpty() ? Selection.END : Math.round(to * 1e6)};
        } catch (NumberFormatException e) {
            throw UsageError.of("--range takes START:END in seconds (5:10, 5:, :10), not '" + text + "'.");
        }
    }

    private Set<Integer> threads(ThreadTable table, List<String> names) {
        Set<Integer> chosen = new HashSet<>();
        List<String> known = new ArrayList<>();
        for (int t = 0; t < table.size(); t++) known.add(table.label(t));
        for (String name : names) {
            boolean any = false;
            for (int t = 0; t < table.size(); t++) {
                if (name.equals(table.name(t)) || name.equals(table.label(t)) || name.equals(Long.toString(table.osThreadId(t)))) {
                    chosen.add(t);
                    any = true;
                }
            }
            if (!any) throw UsageError.of("no thread '" + name + "' in " + file.getFileName() + "; it has " + String.join(", ", known) + ".");
        }
        return chosen;
    }

    private static String json(SessionReport report, List<SessionReport.Function> functions, List<SessionReport.Lines> tables) {
        List<Map<String, Object>> rows = new ArrayList<>();
        double all = Math.max(1, report.samples());
        boolean memory = report.hasMemory();
        for (int i = 0; i < functions.size(); i++) {
            SessionReport.Function f = functions.get(i);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("function", f.bareName());
            row.put("qualname", f.qualname());
            row.put("file", f.file());
            row.put("line", f.line());
            row.put("self", f.self() / all);
            row.put("total", f.total() / all);
            row.put("samples_self", f.self());
            row.put("samples_total", f.total());
            row.put("python", share(f.python(), f.total()));
            row.put("native", share(f.nativeCode(), f.total()));
            row.put("system", share(f.system(), f.total()));
            row.put("mem_net_self", memory ? f.memNetSelf() : null);
            row.put("mem_net_total", memory ? f.memNetTotal() : null);
            row.put("mem_ticks_self", memory ? f.memTicksSelf() : null);
            row.put("mem_ticks_total", memory ? f.memTicksTotal() : null);
            row.put("mem_finding_self", memory ? f.memSelfFinding() : null);
            row.put("mem_finding_total", memory ? f.memTotalFinding() : null);
            if (!tables.isEmpty()) {
                List<Map<String, Object>> lineRows = new ArrayList<>();
                for (SessionReport.Line l : tables.get(i).lines()) {
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("line", l.line());
                    line.put("samples", l.samples());
                    line.put("time_share", l.timeShare());
                    line.put("python", share(l.python(), l.samples()));
                    line.put("native", share(l.nativeCode(), l.samples()));
                    line.put("system", share(l.system(), l.samples()));
                    line.put("mem_net", memory ? l.memNet() : null);
                    line.put("mem_ticks", memory ? l.memTicks() : null);
                    line.put("mem_finding", memory ? l.memFinding() : null);
                    line.put("contents", l.contents());
                    lineRows.add(line);
                }
                row.put("lines", lineRows);
            }
            rows.add(row);
        }
        return new GsonBuilder().serializeNulls().setPrettyPrinting().create().toJson(rows);
    }

    private static double share(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
