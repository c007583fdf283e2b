package dev.pyrometer.sampler;

import dev.pyrometer.sampler.memory.KeptOpenFile;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the processes descended from a root process, as they appear: children, grandchildren, and children of
 * non-Python processes in between (a shell). Where the kernel has {@code /proc/PID/task/TID/children}, each member's
 * threads' children files are read; elsewhere (kernels built without {@code CONFIG_PROC_CHILDREN}) {@code /proc} is
 * listed and only pids not seen before have their {@code stat} read for parent and start time.
 *
 * <p>A process is known by its pid and start time (clock ticks after boot): a pid the kernel reuses for an unrelated
 * process is never taken for an old member, and a member whose pid comes back with another start time has ended.
 * A descendant stays a member when its parent exits and it is adopted by init or a subreaper: it was one of ours.
 */
final class DescendantFinder implements AutoCloseable {
    /** How often a member's thread list (and whether it still lives) is read again with the children files. */
    private static final long RELIST_NANOS = 20_000_000;
    /** A member the last {@link #poll} found for the first time. */
    record Found(int pid, int parentPid, long startTicks) {}

    private static final Path PROC = Path.of("/proc");
    private final boolean childrenFiles;
    /** Members: pid → start time. */
    private final Map<Integer, Long> members = new HashMap<>();
    /** With the /proc scan: every pid of the last listing that is not a member: {parent pid, start time}. */
    private final Map<Integer, long[]> others = new HashMap<>();
    private final Map<Integer, TaskChildren> watched = new HashMap<>();

    DescendantFinder(int rootPid, boolean useChildrenFiles) {
        this.childrenFiles = useChildrenFiles;
        long start = startTicks(rootPid);
        members.put(rootPid, start);
    }

    /** True when this kernel lists children in {@code /proc/PID/task/TID/children}. */
    static boolean kernelListsChildren() {
        long self = ProcessHandle.current().pid();
        return Files.exists(PROC.resolve(self + "/task/" + self + "/children"));
    }

    /** Whether the children files are used (else the /proc scan). */
    boolean usesChildrenFiles() {
        return childrenFiles;
    }

    /** Whether {@code pid} with this start time is a member still. */
    boolean isMember(int pid, long startTicks) {
        Long known = members.get(pid);
        return known != null && known == startTicks;
    }

    /** Looks for new descendants; returns them, parents before their children. Members that ended are dropped. */
    List<Found> poll(long nowNanos) {
        return childrenFiles ? pollChildren(nowNanos) : pollScan();
    }

    private List<Found> pollChildren(long now) {
        List<Found> found = new ArrayList<>();
        List<Integer> queue = new ArrayList<>(members.keySet());
        for (int q = 0; q < queue.size(); q++) {
            int parent = queue.get(q);
            Long parentStart = members.get(parent);
            if (parentStart == null) continue;
            TaskChildren tasks = watched.computeIfAbsent(parent, TaskChildren::new);
            if (now - tasks.listedAt >= RELIST_NANOS || tasks.listedAt == Long.MIN_VALUE) {
                if (startTicks(parent) != parentStart) { // ended (or its pid now belongs to another process)
                    members.remove(parent);
                    watched.remove(parent).close();
                    continue;
                }
                tasks.relist(now);
            }
            for (int i = 0; i < tasks.files.size(); i++) {
                if (!tasks.changed(i)) continue;
                for (int child : tasks.children(i)) {
                    long start = startTicks(child);
                    if (start < 0 || isMember(child, start)) continue;
                    members.put(child, start);
                    found.add(new Found(child, parent, start));
                    queue.add(child);
                }
            }
        }
        return found;
    }

    /**
     * The children files of one member's threads, kept open and re-read with one {@code pread} each: a file whose
     * bytes did not change since the last read is not parsed. The thread list is read again every
     * {@link #RELIST_NANOS}.
     */
    private static final class TaskChildren implements AutoCloseable {
        private final int pid;
        private long listedAt = Long.MIN_VALUE;
        private final List<KeptOpenFile> files = new ArrayList<>();
        private final List<byte[]> last = new ArrayList<>();

        TaskChildren(int pid) {
            this.pid = pid;
        }

        void relist(long now) {
            close();
            listedAt = now;
            String[] tasks = PROC.resolve(pid + "/task").toFile().list();
            if (tasks == null) return;
            for (String task : tasks) {
                KeptOpenFile file = KeptOpenFile.open("/proc/" + pid + "/task/" + task + "/children", 4096);
                if (file == null) continue;
                files.add(file);
                last.add(new byte[0]);
            }
        }

        /** Re-reads file {@code i}; true when its bytes changed. */
        boolean changed(int i) {
            KeptOpenFile file = files.get(i);
            int n = file.reread();
            if (n < 0) return false;
            byte[] before = last.get(i);
            boolean same = before.length == n;
            for (int b = 0; same && b < n; b++) same = before[b] == file.bytes().get(b);
            if (same) return false;
            byte[] now = new byte[n];
            file.bytes().get(0, now);
            last.set(i, now);
            return true;
        }

        List<Integer> children(int i) {
            List<Integer> out = new ArrayList<>();
            int value = -1;
            for (byte b : last.get(i)) {
                if (b >= '0' && b <= '9') value = (value < 0 ? 0 : value * 10) + (b - '0');
                else if (value >= 0) {
                    out.add(value);
                    value = -1;
                }
            }
            if (value >= 0) out.add(value);
            return out;
        }

        @Override
        public void close() {
            files.forEach(KeptOpenFile::close);
            files.clear();
            last.clear();
        }
    }

    /** Closes the kept-open files. */
    @Override
    public void close() {
        watched.values().forEach(TaskChildren::close);
        watched.clear();
    }

    private List<Found> pollScan() {
        String[] names = new File("/proc").list();
        if (names == null) return List.of();
        Set<Integer> listed = new HashSet<>(names.length * 2);
        for (String name : names) {
            int pid = pid(name);
            if (pid <= 0) continue;
            listed.add(pid);
            if (members.containsKey(pid) || others.containsKey(pid)) continue;
            long[] stat = stat(pid);
            if (stat != null) others.put(pid, stat);
        }
        members.keySet().retainAll(listed);
        others.keySet().retainAll(listed);
        // Parents before children: a new grandchild's parent may be new in this same listing (or, listed after its
        // child because it was made while /proc was being read, in a later one: every non-member is looked at again).
        List<Found> found = new ArrayList<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (var it = others.entrySet().iterator(); it.hasNext(); ) {
                var e = it.next();
                int parent = (int) e.getValue()[0];
                if (!members.containsKey(parent)) continue;
                members.put(e.getKey(), e.getValue()[1]);
                found.add(new Found(e.getKey(), parent, e.getValue()[1]));
                it.remove();
                grew = true;
            }
        }
        return found;
    }

    private static int pid(String name) {
        int value = 0;
        if (name.isEmpty() || name.length() > 9) return -1;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') return -1;
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** A process's start time in clock ticks after boot, or -1 when it is gone. */
    static long startTicks(int pid) {
        long[] stat = stat(pid);
        return stat == null ? -1 : stat[1];
    }

    /** The kernel's "forked but did not exec" process flag ({@code PF_FORKNOEXEC}). */
    static final long FORK_NO_EXEC = 0x40;

    /** {parent pid, start time, flags} from {@code /proc/PID/stat}, or null when it is gone. */
    static long[] stat(int pid) {
        byte[] raw;
        try {
            raw = Files.readAllBytes(PROC.resolve(pid + "/stat"));
        } catch (IOException e) {
            return null;
        }
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int close = text.lastIndexOf(')');
        if (close < 0) return null;
        String[] fields = text.substring(close + 2).trim().split(" ");
        // After the command: state (field 3), ppid (4), … starttime (22).
        if (fields.length < 20) return null;
        try {
            return new long[] {Long.parseLong(fields[1]), Long.parseLong(fields[19]), Long.parseLong(fields[6])};
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
