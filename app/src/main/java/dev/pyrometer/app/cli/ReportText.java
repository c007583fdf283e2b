package dev.pyrometer.app.cli;

import dev.pyrometer.app.report.MemoryText;
import dev.pyrometer.app.report.SessionReport;
import dev.pyrometer.model.aggregate.MemoryCounts;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The text forms of {@code pyrometer report}: the hot functions table, and line tables laid out like line_profiler's. */
final class ReportText {
    private ReportText() {}

    static void functions(SessionReport report, List<SessionReport.Function> functions, Path file, PrintWriter out) {
        header(report, file, out);
        boolean memory = report.hasMemory();
        double all = Math.max(1, report.samples());
        out.printf(Locale.ROOT, "%7s %7s %8s %8s %8s%s  %s%n", "Self %", "Total %", "Python %", "Native %", "System %",
            memory ? String.format(Locale.ROOT, " %16s %16s", "Mem net self", "Mem net total") : "", "Function");
        for (SessionReport.Function f : functions) {
            String mem = memory ? String.format(Locale.ROOT, " %16s %16s", figure(f.memNetSelf(), f.memTicksSelf(), f.memSelfFinding()),
                figure(f.memNetTotal(), f.memTicksTotal(), f.memTotalFinding())) : "";
            out.printf(Locale.ROOT, "%7.2f %7.2f %8.1f %8.1f %8.1f%s  %s (%s:%d)%n", 100 * f.self() / all, 100 * f.total() / all,
                pct(f.python(), f.total()), pct(f.nativeCode(), f.total()), pct(f.system(), f.total()), mem, f.qualname(),
                f.file(), f.line());
        }
        if (functions.isEmpty()) out.println("(no samples in the selection)");
        footer(report, out);
    }

    static void lines(SessionReport report, List<SessionReport.Lines> tables, Path file, PrintWriter out) {
        header(report, file, out);
        boolean memory = report.hasMemory();
        double rate = rate(report);
        for (SessionReport.Lines table : tables) {
            SessionReport.Function f = table.function();
            out.println();
            out.printf(Locale.ROOT, "Total samples: %,d (%.1f%% of all)%s%n", table.samples(), 100.0 * table.samples() / Math.max(1, report.samples()),
                rate > 0 ? String.format(Locale.ROOT, ", about %.2f s at %.0f Hz", table.samples() / rate, rate) : "");
            out.println("File: " + f.file());
            out.println("Function: " + f.qualname() + " at line " + f.line());
            if (!table.sourceFound()) out.println("Source not found (looked at " + String.join(", ", table.tried()) + "); --map FROM=TO reads it elsewhere.");
            out.println();
            String head = String.format(Locale.ROOT, "%6s %9s %8s %9s %9s %9s%s  %s", "Line #", "Samples", "% Time", "Python %",
                "Native %", "System %", memory ? String.format(Locale.ROOT, " %16s", "Mem net") : "", "Line Contents");
            out.println(head);
            out.println("=".repeat(head.length() + 10));
            for (SessionReport.Line l : table.lines()) {
                String contents = l.contents() == null ? "" : l.contents();
                if (l.samples() == 0 && l.memTicks() == 0) {
                    out.printf(Locale.ROOT, "%6d %9s %8s %9s %9s %9s%s  %s%n", l.line(), "", "", "", "", "",
                        memory ? String.format(Locale.ROOT, " %16s", "") : "", contents);
                    continue;
                }
                out.printf(Locale.ROOT, "%6d %9d %8.1f %9.1f %9.1f %9.1f%s  %s%n", l.line(), l.samples(), 100 * l.timeShare(),
                    pct(l.python(), l.samples()), pct(l.nativeCode(), l.samples()), pct(l.system(), l.samples()),
                    memory ? String.format(Locale.ROOT, " %16s", figure(l.memNet(), l.memTicks(), l.memFinding())) : "", contents);
            }
        }
        out.println();
        footer(report, out);
    }

    private static void header(SessionReport report, Path file, PrintWriter out) {
        String command = report.profile().metadata("command");
        out.printf(Locale.ROOT, "%s: %,d samples of running threads%s%n", file.getFileName(), report.samples(),
            command == null ? "" : " of " + command);
    }

    private static void footer(SessionReport report, PrintWriter out) {
        out.println("% of the selected samples of running threads; Python / Native / System %: of the row's own samples.");
        if (!report.hasMemory()) {
            out.println("No memory track in this profile: no memory figures.");
            return;
        }
        MemoryCounts memory = report.memory();
        out.printf(Locale.ROOT, "Mem net: resident memory grown minus released, read once per tick, between ticks whose stacks both had the"
            + " frame (ticks in brackets). %s: within the track's noise (jitter %s per tick × √ticks), not a finding.%n",
            MemoryText.NOISE_MARK, MemoryText.compact(Math.round(memory.jitter())));
    }

    /** {@code +200.0M [1523]}: the net and the ticks behind it. */
    private static String figure(long net, int ticks, boolean finding) {
        if (ticks == 0) return "";
        return MemoryText.net(net, finding) + " [" + ticks + "]";
    }

    private static double rate(SessionReport report) {
        try {
            String hz = report.profile().metadata("rate.hz");
            return hz == null ? 0 : Double.parseDouble(hz);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static double pct(int part, int whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }
}
