package dev.pyrometer.app.ui.picker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The picker's processes as trees: each under the Python process it descends from ({@link ProcessRow#parentPid}),
 * e.g. a gunicorn master with its workers, a pool's parent with its workers. Immutable; children keep the order of
 * the rows given.
 */
public final class ProcessTree {
    public static final ProcessTree EMPTY = of(List.of());

    private final Map<Integer, ProcessRow> rows = new LinkedHashMap<>();
    private final Map<Integer, List<ProcessRow>> children = new HashMap<>();
    private final List<ProcessRow> roots = new ArrayList<>();
    /** Every row, parents before their children, each tree after the one before. */
    private final List<ProcessRow> preorder = new ArrayList<>();
    private final Map<Integer, Integer> depths = new HashMap<>();

    private ProcessTree(List<ProcessRow> given) {
        for (ProcessRow r : given) rows.putIfAbsent(r.pid(), r);
        for (ProcessRow r : rows.values()) {
            if (r.parentPid() != r.pid() && rows.containsKey(r.parentPid())) {
                children.computeIfAbsent(r.parentPid(), p -> new ArrayList<>()).add(r);
            } else {
                roots.add(r);
            }
        }
        Set<Integer> seen = new HashSet<>();
        for (ProcessRow root : roots) walk(root, 0, seen);
        // A loop of parents (pids reused while /proc was read) has no root: its first row becomes one.
        for (ProcessRow r : rows.values()) {
            if (seen.contains(r.pid())) continue;
            roots.add(r);
            walk(r, 0, seen);
        }
    }

    public static ProcessTree of(List<ProcessRow> rows) {
        return new ProcessTree(rows);
    }

    private void walk(ProcessRow row, int depth, Set<Integer> seen) {
        if (!seen.add(row.pid())) return;
        preorder.add(row);
        depths.put(row.pid(), depth);
        for (ProcessRow child : children(row.pid())) walk(child, depth + 1, seen);
    }

    /** The processes no other listed process is the parent of. */
    public List<ProcessRow> roots() {
        return List.copyOf(roots);
    }

    /** The processes listed directly under {@code pid}. */
    public List<ProcessRow> children(int pid) {
        return List.copyOf(children.getOrDefault(pid, List.of()));
    }

    /** Every process, parents before their children. */
    public List<ProcessRow> rows() {
        return List.copyOf(preorder);
    }

    public int size() {
        return preorder.size();
    }

    public ProcessRow row(int pid) {
        return rows.get(pid);
    }

    /** 0 for a root, 1 for its children, … */
    public int depth(int pid) {
        return depths.getOrDefault(pid, 0);
    }

    /** How many Python processes descend from {@code pid}: children, grandchildren, … */
    public int descendantCount(int pid) {
        int n = 0;
        List<ProcessRow> queue = new ArrayList<>(children(pid));
        Set<Integer> seen = new HashSet<>(Set.of(pid));
        for (int i = 0; i < queue.size(); i++) {
            ProcessRow r = queue.get(i);
            if (!seen.add(r.pid())) continue;
            n++;
            queue.addAll(children(r.pid()));
        }
        return n;
    }

    /**
     * The processes that match, with their parents up to the root (to see where a matching worker belongs) and
     * their descendants (filtering for a program shows its workers, whose command lines may not name it).
     */
    public ProcessTree filter(Predicate<ProcessRow> matches) {
        Set<Integer> keep = new HashSet<>();
        for (ProcessRow r : preorder) {
            if (!matches.test(r)) continue;
            // Ancestors: bounded by the number of rows against a loop of parents.
            ProcessRow up = r;
            for (int steps = 0; up != null && steps <= rows.size() && keep.add(up.pid()); steps++) {
                up = up.parentPid() == up.pid() ? null : rows.get(up.parentPid());
            }
            keep.add(r.pid());
            List<ProcessRow> queue = new ArrayList<>(children(r.pid()));
            for (int i = 0; i < queue.size(); i++) {
                if (keep.add(queue.get(i).pid())) queue.addAll(children(queue.get(i).pid()));
            }
        }
        List<ProcessRow> kept = new ArrayList<>();
        for (ProcessRow r : rows.values()) if (keep.contains(r.pid())) kept.add(r);
        return new ProcessTree(kept);
    }
}
