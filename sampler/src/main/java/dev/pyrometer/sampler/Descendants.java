package dev.pyrometer.sampler;

import java.util.ArrayList;
import java.util.List;

/** The processes descended from a process now (children, grandchildren, through shells and other non-Python ones). */
public final class Descendants {
    private Descendants() {}

    /** Their pids, parents before children; empty when it has none (or is gone). */
    public static List<Integer> of(int pid) {
        List<Integer> pids = new ArrayList<>();
        try (DescendantFinder finder = new DescendantFinder(pid, DescendantFinder.kernelListsChildren())) {
            for (DescendantFinder.Found f : finder.poll(System.nanoTime())) pids.add(f.pid());
        }
        return pids;
    }
}
