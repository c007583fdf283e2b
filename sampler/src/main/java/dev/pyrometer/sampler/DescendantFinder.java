package dev.pyrometer.sampler;

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
final class DescendantFinder {
    /** A member the last {@link #poll} found for the first time. */
    record Found(int pid, int parentPid, long startTicks) {}

    private static final Path PROC = Path.of("/proc");
    private final boolean childrenFiles;
    /** Members: pid → start time. */
    private final Map<Integer, Long> members = new HashMap<>();
    /** With the /proc scan: every pid of the last listing that is not a member: {parent pid, start time}. */
    private final Map<Integer, long[]> others = new HashMap<>();

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
    List<Found> poll() {
        return childrenFiles ? pollChildren() : pollScan();
    }

    private List<Found> pollChildren() {
        List<Found> found = new ArrayList<>();
        List<Integer> queue = new ArrayList<>(members.keySet());
        for (int q = 0; q < queue.size(); q++) {
            int parent = queue.get(q);
            Long parentStart = members.get(parent);
            if (parentStart == null) continue;
            if (startTicks(parent) != parentStart) {
                members.remove(parent); // ended (or its pid now belongs to another process)
                continue;
            }
            for (int child : children(parent)) {
                long start = startTicks(child);
                if (start < 0 || isMember(child, start)) continue;
                members.put(child, start);
                found.add(new Found(child, parent, start));
                queue.add(child);
            }
        }
        return found;
    }

    private static List<Integer> children(int pid) {
        List<Integer> out = new ArrayList<>();
        String[] tasks = PROC.resolve(pid + "/task").toFile().list();
        if (tasks == null) return out;
        for (String task : tasks) {
            try {
                String text = Files.readString(PROC.resolve(pid + "/task/" + task + "/children"));
                for (String child : text.trim().split("\\s+")) if (!child.isEmpty()) out.add(Integer.parseInt(child));
            } catch (IOException | NumberFormatException e) {
                // the thread ended meanwhile
            }
        }
        return out;
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
