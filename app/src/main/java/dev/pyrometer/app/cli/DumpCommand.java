package dev.pyrometer.app.cli;

import com.google.gson.GsonBuilder;
import dev.pyrometer.model.PyrometerException;
import dev.pyrometer.sampler.Descendants;
import dev.pyrometer.sampler.PythonTarget;
import dev.pyrometer.sampler.TargetExitedException;
import dev.pyrometer.sampler.errors.SamplerErrors;
import dev.pyrometer.sampler.StackFrame;
import dev.pyrometer.sampler.ThreadStack;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pyrometer dump}: every thread's stack right now, like {@code py-spy dump}; {@code --json} uses py-spy's
 * field names and meanings so scripts written for one read the other.
 */
@Command(name = "dump", description = "Print the current stack of every thread of a Python process.",
    mixinStandardHelpOptions = true)
public final class DumpCommand implements Callable<Integer> {
    @Option(names = {"-p", "--pid"}, required = true, paramLabel = "PID", description = "The process to read.")
    int pid;

    @Option(names = "--json", description = "Print a JSON list of threads (py-spy dump --json's fields).")
    boolean json;

    @Option(names = "--nonblocking", description = "Read without pausing the target (the default).")
    boolean nonblocking;

    @Option(names = "--blocking", description = "Hold every thread still (ptrace) while the stacks are read: a"
        + " consistent snapshot of a program that changes fast, for a pause of a millisecond or so.")
    boolean blocking;

    @Option(names = "--native", description = "Also show the C functions each thread is in (its C stack, unwound and"
        + " merged with the Python frames); holds the threads still as --blocking does.")
    boolean nativeFrames;

    @Option(names = "--native-plumbing", description = "With --native, also show the interpreter's own call"
        + " plumbing (calls, vectorcall trampolines, start-up), hidden by default.")
    boolean plumbing;

    @Option(names = {"-s", "--subprocesses"}, description = "Also every Python process descended from it (through"
        + " shells and other programs in between).")
    boolean subprocesses;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        UsageError.checkPauseFlags(blocking, nonblocking);
        UsageError.checkNativeFlags(nativeFrames, nonblocking, plumbing);
        PrintWriter out = spec.commandLine().getOut();
        List<Map<String, Object>> all = new ArrayList<>();
        boolean first = true;
        for (int process : processes()) {
            PythonTarget attached;
            try {
                attached = PythonTarget.attach(process);
            } catch (PyrometerException e) {
                // The root must be readable as ever; a descendant that is not Python (or ended meanwhile) is passed by.
                if (process == pid && !subprocesses) throw e;
                if (process == pid && e.exitCode() != SamplerErrors.NOT_PYTHON) throw e;
                continue;
            }
            try (PythonTarget target = attached) {
                List<ThreadStack> threads = nativeFrames ? target.pausedSnapshot(true, plumbing)
                    : blocking ? target.pausedSnapshot() : target.snapshot();
                if (json) {
                    all.addAll(json(process, threads, target.version().atLeast(3, 11)));
                } else {
                    if (!first) out.println();
                    text(target, threads, out);
                }
                first = false;
            } catch (TargetExitedException e) {
                if (process == pid) throw e;
            }
        }
        if (json) out.println(new GsonBuilder().serializeNulls().setPrettyPrinting().create().toJson(all));
        out.flush();
        return 0;
    }

    /** The target, and with {@code --subprocesses} its descendants, parents first. */
    private List<Integer> processes() {
        List<Integer> pids = new ArrayList<>(List.of(pid));
        if (subprocesses) pids.addAll(Descendants.of(pid));
        return pids;
    }

    /**
     * py-spy's fields: {@code name} is the bare {@code co_name}, as py-spy writes it, so a script looking a function
     * up by name finds it; {@code qualname} adds the qualified name where the version has one (3.11+).
     */
    private static List<Map<String, Object>> json(int pid, List<ThreadStack> threads, boolean hasQualname) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (ThreadStack t : threads) {
            Map<String, Object> thread = new LinkedHashMap<>();
            thread.put("pid", pid);
            thread.put("thread_id", t.pythonThreadId());
            thread.put("thread_name", t.name());
            thread.put("os_thread_id", t.osThreadId());
            thread.put("active", t.running());
            thread.put("owns_gil", t.ownsGil());
            List<Map<String, Object>> frames = new ArrayList<>();
            for (StackFrame f : t.frames()) {
                Map<String, Object> frame = new LinkedHashMap<>();
                frame.put("name", f.name());
                if (hasQualname) frame.put("qualname", f.function());
                frame.put("filename", f.file());
                frame.put("short_filename", shortName(f.file()));
                frame.put("line", f.line());
                if (f.isNative()) frame.put("is_native", true);
                frames.add(frame);
            }
            thread.put("frames", frames);
            list.add(thread);
        }
        return list;
    }

    private void text(PythonTarget target, List<ThreadStack> threads, PrintWriter out) {
        out.println("Process " + target.pid() + ": " + String.join(" ", target.commandLine()));
        out.println("Python v" + target.version() + " (" + target.executable() + ")");
        out.println();
        for (ThreadStack t : threads) {
            String state = (t.running() ? "active" : "idle") + (t.ownsGil() ? "+gil" : "") + (t.inCall() ? "+native" : "");
            out.println("Thread " + t.osThreadId() + " (" + state + ")" + (t.name() == null ? "" : ": \"" + t.name() + "\""));
            for (StackFrame f : t.frames()) {
                // A C function as py-spy --native writes it: its library, no line.
                String where = f.isNative() ? f.file() : shortName(f.file()) + ":" + f.line();
                out.println("    " + f.function() + " (" + where + ")");
            }
        }
    }

    private static String shortName(String file) {
        Path name = Path.of(file).getFileName();
        return name == null ? file : name.toString();
    }
}
