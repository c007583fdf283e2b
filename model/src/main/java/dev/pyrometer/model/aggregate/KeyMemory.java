package dev.pyrometer.model.aggregate;

import dev.pyrometer.model.Cancel;
import java.util.function.BooleanSupplier;

/**
 * Resident memory growth and release per key (function, line, file or module) for the hot functions table, after
 * the same transforms as the call tree, so a merged or focused-away frame's memory goes where its time goes. Self:
 * the key was on top of the stack; total: anywhere on it (once per sample under recursion). Key ids are those of
 * {@code Keys.of(snapshot, by)}, which a {@link CallTree} of the same snapshot and strategy shares. Immutable.
 */
public final class KeyMemory {
    private final long[] selfGrowth;
    private final long[] selfRelease;
    private final long[] totalGrowth;
    private final long[] totalRelease;

    private KeyMemory(long[] selfGrowth, long[] selfRelease, long[] totalGrowth, long[] totalRelease) {
        this.selfGrowth = selfGrowth;
        this.selfRelease = selfRelease;
        this.totalGrowth = totalGrowth;
        this.totalRelease = totalRelease;
    }

    public static KeyMemory of(MemoryCounts memory, KeyBy by, Transforms transforms, BooleanSupplier cancelled) {
        if (memory.totalGrowth() == 0 && memory.totalRelease() == 0) {
            int keys = Keys.of(memory.snapshot(), by).size();
            return new KeyMemory(new long[keys], new long[keys], new long[keys], new long[keys]);
        }
        KeyedForest forest = KeyedForest.build(memory.snapshot(), by, transforms, cancelled);
        int nodes = forest.size;
        long[] nodeGrowth = new long[nodes], nodeRelease = new long[nodes];
        for (int s = 0; s < memory.stackCount(); s++) {
            int node = forest.nodeOfStack[s + 1];
            if (node < 0) continue;
            nodeGrowth[node] += memory.growth(s);
            nodeRelease[node] += memory.release(s);
        }
        int keys = forest.keys.size();
        long[] selfGrowth = new long[keys], selfRelease = new long[keys];
        long[] totalGrowth = new long[keys], totalRelease = new long[keys];
        int[] stamp = new int[keys];
        for (int node = 0; node < nodes; node++) {
            if ((node & (Cancel.POLL_INTERVAL - 1)) == 0) Cancel.check(cancelled);
            long g = nodeGrowth[node], r = nodeRelease[node];
            if ((g | r) == 0) continue;
            selfGrowth[forest.key[node]] += g;
            selfRelease[forest.key[node]] += r;
            // Only nodes that were on top at a tick whose memory changed walk up: a handful of paths, not the tree.
            for (int up = node; up >= 0; up = forest.parent[up]) {
                int k = forest.key[up];
                if (stamp[k] == node + 1) continue;
                stamp[k] = node + 1;
                totalGrowth[k] += g;
                totalRelease[k] += r;
            }
        }
        return new KeyMemory(selfGrowth, selfRelease, totalGrowth, totalRelease);
    }

    public int size() { return selfGrowth.length; }
    public long selfGrowth(int key) { return at(selfGrowth, key); }
    public long selfRelease(int key) { return at(selfRelease, key); }
    public long totalGrowth(int key) { return at(totalGrowth, key); }
    public long totalRelease(int key) { return at(totalRelease, key); }

    private static long at(long[] values, int key) {
        return key >= 0 && key < values.length ? values[key] : 0;
    }
}
