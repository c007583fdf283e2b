package dev.pyrometer.app.cli;

import com.google.gson.GsonBuilder;
import dev.pyrometer.sampler.ProcessScanner;
import dev.pyrometer.sampler.PythonProcess;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code pyrometer ps}: the Python processes on this machine. */
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
                rows.add(row);
            }
            out.println(new GsonBuilder().serializeNulls().setPrettyPrinting().create().toJson(rows));
        } else {
            // Made here, not in a static field: picocli instantiates every subcommand on every run, and the time
            // zone rules it loads cost tens of milliseconds of start-up to `record` as well.
            DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
            out.printf("%7s  %-10s %-8s %6s  %-8s  %s%n", "PID", "USER", "PYTHON", "CPU%", "STARTED", "COMMAND");
            for (PythonProcess p : processes) {
                out.printf(Locale.ROOT, "%7d  %-10s %-8s %6.1f  %-8s  %s%n", p.pid(), p.user(),
                    p.version() == null ? "?" : p.version(), p.cpuPercent(), time.format(p.startTime()),
                    String.join(" ", p.commandLine()));
            }
        }
        out.flush();
        return 0;
    }
}
