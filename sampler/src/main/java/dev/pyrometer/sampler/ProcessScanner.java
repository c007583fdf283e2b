package dev.pyrometer.sampler;

import dev.pyrometer.sampler.memory.Libc;
import dev.pyrometer.sampler.proc.MemoryMapping;
import dev.pyrometer.sampler.proc.ProcFiles;
import dev.pyrometer.sampler.proc.TaskStat;
import dev.pyrometer.sampler.target.InterpreterLocator;
import dev.pyrometer.sampler.target.PythonBinary;
import dev.pyrometer.sampler.version.PythonVersion;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Lists the Python processes on this machine by scanning /proc: a process is Python when its executable or one
 * of its mappings is a CPython binary; each names the Python process it descends from, so that they can be shown as
 * trees. Keep one scanner to get CPU use between scans (a picker refreshing).
 */
public final class ProcessScanner {
    private final long ticksPerSecond = Libc.clockTicksPerSecond();
    private final long bootSeconds = ProcFiles.bootTimeSeconds();
    private final long self = ProcessHandle.current().pid();
    private Map<Integer, long[]> previous = new HashMap<>();

    /**
     * The Python processes now, by pid, each with the nearest Python process it descends from (through non-Python
     * ones, such as a shell): a gunicorn master's workers, a pool's workers name the master or the pool's parent.
     */
    public List<PythonProcess> scan() {
        List<PythonProcess> found = new ArrayList<>();
        Map<Integer, long[]> times = new HashMap<>();
        // Every process's parent, Python or not, to look through the ones in between.
        Map<Integer, Integer> parents = new HashMap<>();
        long now = System.nanoTime();
        TaskStat stat = new TaskStat();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) continue;
                int pid = Integer.parseInt(name);
                if (!readStat(pid, stat)) continue;
                parents.put(pid, (int) stat.ppid);
                if (pid == self) continue;
                PythonProcess p = inspect(pid, stat, now, times);
                if (p != null) found.add(p);
            }
        } catch (IOException e) {
            return List.of();
        }
        previous = times;
        found.sort((a, b) -> Integer.compare(a.pid(), b.pid()));
        return withPythonParents(found, parents);
    }

    /** The processes with {@link PythonProcess#pythonParentPid} set from the parents of everything listed. */
    static List<PythonProcess> withPythonParents(List<PythonProcess> processes, Map<Integer, Integer> parents) {
        Set<Integer> python = new HashSet<>();
        for (PythonProcess p : processes) python.add(p.pid());
        List<PythonProcess> out = new ArrayList<>(processes.size());
        for (PythonProcess p : processes) {
            int ancestor = p.parentPid();
            // Bounded: /proc is read over a moment, and a pid reused while it was read could close a loop.
            for (int steps = 0; ancestor > 0 && !python.contains(ancestor) && steps < parents.size(); steps++) {
                ancestor = parents.getOrDefault(ancestor, 0);
            }
            int pythonParent = ancestor > 0 && python.contains(ancestor) && ancestor != p.pid() ? ancestor : 0;
            out.add(new PythonProcess(p.pid(), p.user(), p.commandLine(), p.executable(), p.version(), p.cpuPercent(),
                p.startTime(), p.parentPid(), pythonParent));
        }
        return out;
    }

    private static boolean readStat(int pid, TaskStat stat) {
        byte[] raw;
        try {
            raw = Files.readAllBytes(ProcFiles.dir(pid).resolve("stat"));
        } catch (IOException e) {
            return false;
        }
        return stat.parse(ByteBuffer.wrap(raw), raw.length);
    }

    private PythonProcess inspect(int pid, TaskStat stat, long now, Map<Integer, long[]> times) {
        String exe = ProcFiles.executable(pid);
        List<MemoryMapping> maps;
        try {
            maps = MemoryMapping.read(pid);
        } catch (IOException e) {
            return null;
        }
        String pythonFile = pythonFile(exe, maps);
        if (pythonFile == null) return null;
        long cpuTicks = stat.utime + stat.stime;
        times.put(pid, new long[] {cpuTicks, now});
        Instant started = Instant.ofEpochMilli(bootSeconds * 1000 + stat.startTime * 1000 / ticksPerSecond);
        double cpu;
        long[] before = previous.get(pid);
        if (before != null && now > before[1]) {
            cpu = (cpuTicks - before[0]) * 1e9 / ticksPerSecond / (now - before[1]) * 100;
        } else {
            double lifetime = Math.max(1e-3, (System.currentTimeMillis() - started.toEpochMilli()) / 1000.0);
            cpu = cpuTicks / (double) ticksPerSecond / lifetime * 100;
        }
        int uid = ProcFiles.uid(pid);
        return new PythonProcess(pid, uid < 0 ? "?" : ProcFiles.userName(uid), ProcFiles.commandLine(pid), exe,
            version(pid, pythonFile, maps, exe), cpu, started, (int) stat.ppid, 0);
    }

    /** The CPython file (libpython or the executable) of a process, or null if it is not Python. */
    private static String pythonFile(String exe, List<MemoryMapping> maps) {
        for (MemoryMapping m : maps) {
            if (m.fileName().startsWith("libpython") && InterpreterLocator.looksLikePython(m.fileName())) return m.path();
        }
        if (exe != null && InterpreterLocator.looksLikePython(Path.of(exe).getFileName().toString())) return exe;
        return null;
    }

    private static PythonVersion version(int pid, String file, List<MemoryMapping> maps, String exe) {
        PythonVersion named = InterpreterLocator.versionFromName(Path.of(file).getFileName().toString());
        if (named != null && named.micro() != 0) return named;
        try {
            PythonBinary binary = InterpreterLocator.locate(pid, maps, exe);
            if (binary != null && binary.version() != null) return binary.version();
        } catch (IOException e) {
            // fall back to the name
        }
        return named;
    }
}
