package dev.pyrometer.sampler;

import java.nio.file.Files;
import java.nio.file.Path;

/** What /proc says of a process, for a failing test's message. */
final class ProcFilesView {
    private ProcFilesView() {}

    static String describe(int pid) {
        Path proc = Path.of("/proc", Integer.toString(pid));
        try {
            String stat = Files.readString(proc.resolve("stat"));
            String exe = Files.readSymbolicLink(proc.resolve("exe")).toString();
            long libpython = Files.readAllLines(proc.resolve("maps")).stream().filter(l -> l.contains("libpython")).count();
            return "exe " + exe + ", stat " + stat.substring(stat.lastIndexOf(')') + 2, Math.min(stat.length(),
                stat.lastIndexOf(')') + 60)) + ", libpython mappings " + libpython;
        } catch (Exception e) {
            return "unreadable: " + e;
        }
    }
}
