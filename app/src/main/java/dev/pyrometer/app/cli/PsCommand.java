package dev.pyrometer.app.cli;

import com.google.gson.GsonBuilder;
import dev.pyrometer.sampler.ProcessScanner;
import dev.pyrometer.sampler.PythonProcess;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code pyrometer ps}: the Python processes on this machine, each process's Python descendants indented under it
 * as {@code ps --forest} draws them (a pool's workers under its parent, looked for through a shell in between).
 */
@Command(name = "ps", description = "List the running Python processes Pyrometer can profile.", mixinStandardHelpOptions = true)
public final class PsCommand implements Callable<Integer> {
    @Option(names = "--json", description = "Print a JSON list instead of a table.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<PythonProcess> processes = new ProcessScanner().scan();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (PythonProcess p : processes) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("pid", p.pid());
                row.put("user", p.user());
                row.put("command_line", p.commandLine());
                row.put("executable", p.executable());
                row.put("python_version", p.version() == null ? null : p.version().toString());
                row.put("cpu_percent", Math.round(p.cpuPercent() * 10) / 10.0);
                row.put("start_time", p.startTime().toString());
                row.put("parent_pid", p.parentPid());
                // The process it is listed under: its nearest Python ancestor, or null.
                row.put("python_parent_pid", p.pythonParentPid() == 0 ? null : p.pythonParentPid());
                rows.add(row);
            }
            out.println(new GsonBuilder().serializeNulls().setPrettyPrinting().create().toJson(rows));
        } else {
            // Made here, not in a static field: picocli instantiates every subcommand on every run, and the time
            // zone rules it loads cost tens of milliseconds of start-up to `record` as well.
            DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
            out.printf("%7s  %-10s %-8s %6s  %-8s  %s%n", "PID", "USER", "PYTHON", "CPU%", "STARTED", "COMMAND");
            List<PythonProcess> ordered = new ArrayList<>();
            List<Integer> depths = new ArrayList<>();
            treeOrder(processes, ordered, depths);
            for (int i = 0; i < ordered.size(); i++) {
                PythonProcess p = ordered.get(i);
                int depth = depths.get(i);
                String branch = depth == 0 ? "" : "    ".repeat(depth - 1) + " \\_ ";
                out.printf(Locale.ROOT, "%7d  %-10s %-8s %6.1f  %-8s  %s%s%n", p.pid(), p.user(),
                    p.version() == null ? "?" : p.version(), p.cpuPercent(), time.format(p.startTime()), branch,
                    String.join(" ", p.commandLine()));
            }
        }
        out.flush();
        return 0;
    }

    /** The processes parents first, each followed by its descendants (by pid), with their depths in the tree. */
    static void treeOrder(List<PythonProcess> processes, List<PythonProcess> ordered, List<Integer> depths) {
        Map<Integer, PythonProcess> byPid = new LinkedHashMap<>();
        for (PythonProcess p : processes) byPid.put(p.pid(), p);
        Map<Integer, List<PythonProcess>> children = new HashMap<>();
        for (PythonProcess p : processes) {
            if (byPid.containsKey(p.pythonParentPid())) children.computeIfAbsent(p.pythonParentPid(), k -> new ArrayList<>()).add(p);
        }
        Set<Integer> seen = new HashSet<>();
        for (PythonProcess p : processes) {
            if (!byPid.containsKey(p.pythonParentPid())) visit(p, 0, children, seen, ordered, depths);
        }
        // A loop of parents (a pid reused while /proc was read) has no root: list what is left at the top.
        for (PythonProcess p : processes) visit(p, 0, children, seen, ordered, depths);
    }

    private static void visit(PythonProcess p, int depth, Map<Integer, List<PythonProcess>> children, Set<Integer> seen,
                              List<PythonProcess> ordered, List<Integer> depths) {
        if (!seen.add(p.pid())) return;
        ordered.add(p);
        depths.add(depth);
        for (PythonProcess child : children.getOrDefault(p.pid(), List.of())) {
            visit(child, depth + 1, children, seen, ordered, depths);
        }
    }
}
