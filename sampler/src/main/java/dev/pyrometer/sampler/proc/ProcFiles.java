package dev.pyrometer.sampler.proc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** Small readers for /proc files about a whole process (not for the hot path). */
public final class ProcFiles {
    private static final Map<Integer, String> USER_NAMES = new ConcurrentHashMap<>();

    private ProcFiles() {}

    public static Path dir(int pid) {
        return Path.of("/proc", Integer.toString(pid));
    }

    public static boolean exists(int pid) {
        return Files.isDirectory(dir(pid));
    }

    /**
     * The calling thread's kernel id (what a thread it traces shows as TracerPid), from {@code /proc/thread-self}
     * rather than gettid(3), which glibc before 2.30 lacks; -1 if unknown.
     */
    public static int currentThreadId() {
        try {
            Path link = Files.readSymbolicLink(Path.of("/proc/thread-self")); // PID/task/TID
            return Integer.parseInt(link.getFileName().toString());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The scheduler state letter of a process ('R', 'S', 'Z' for a zombie...), or 0 if it is gone. */
    public static char state(long pid) {
        String stat = text(Path.of("/proc", Long.toString(pid), "stat"));
        int close = stat == null ? -1 : stat.lastIndexOf(')');
        return close < 0 || close + 2 >= stat.length() ? 0 : stat.charAt(close + 2);
    }

    /** The command line, split at NULs; empty for kernel threads or when unreadable. */
    public static List<String> commandLine(int pid) {
        try {
            byte[] raw = Files.readAllBytes(dir(pid).resolve("cmdline"));
            List<String> args = new ArrayList<>();
            int from = 0;
            for (int i = 0; i < raw.length; i++) {
                if (raw[i] == 0) {
                    args.add(new String(raw, from, i - from, StandardCharsets.UTF_8));
                    from = i + 1;
                }
            }
            if (from < raw.length) args.add(new String(raw, from, raw.length - from, StandardCharsets.UTF_8));
            return args;
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The executable's path ({@code readlink /proc/PID/exe}), or null when it cannot be read. */
    public static String executable(int pid) {
        try {
            String path = Files.readSymbolicLink(dir(pid).resolve("exe")).toString();
            return path.endsWith(" (deleted)") ? path.substring(0, path.length() - 10) : path;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
    }

    /** A field of /proc/PID/status such as "Uid" or "CapEff" (its value, trimmed), or null. */
    public static String status(int pid, String field) {
        return statusField(dir(pid).resolve("status"), field);
    }

    static String statusField(Path file, String field) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(field + ":")) return line.substring(field.length() + 1).strip();
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    /** The ids of the process's threads ({@code /proc/PID/task}); just {@code pid} if they cannot be listed. */
    public static int[] taskIds(int pid) {
        try (Stream<Path> tasks = Files.list(dir(pid).resolve("task"))) {
            return tasks.mapToInt(p -> Integer.parseInt(p.getFileName().toString())).toArray();
        } catch (IOException | NumberFormatException e) {
            return new int[] {pid};
        }
    }

    /** The real uid of a process, or -1. */
    public static int uid(int pid) {
        String uids = status(pid, "Uid");
        if (uids == null) return -1;
        return Integer.parseInt(uids.split("\\s+")[0]);
    }

    /** The parent pid, or -1. */
    public static int parentPid(int pid) {
        String ppid = status(pid, "PPid");
        return ppid == null ? -1 : Integer.parseInt(ppid);
    }

    /** A uid's login name from /etc/passwd, or the number when it has none. */
    public static String userName(int uid) {
        return USER_NAMES.computeIfAbsent(uid, id -> {
            try {
                for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
                    String[] f = line.split(":", 4);
                    if (f.length >= 3 && f[2].equals(Integer.toString(id))) return f[0];
                }
            } catch (IOException e) {
                // fall through to the number
            }
            return Integer.toString(id);
        });
    }

    /** Seconds since the epoch at which the system booted (btime in /proc/stat). */
    public static long bootTimeSeconds() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/stat"))) {
                if (line.startsWith("btime ")) return Long.parseLong(line.substring(6).strip());
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

    /** The contents of a small text file, or null. */
    public static String text(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            return null;
        }
    }
}
