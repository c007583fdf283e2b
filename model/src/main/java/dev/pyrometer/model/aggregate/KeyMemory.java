package dev.pyrometer.model.aggregate;

import dev.pyrometer.model.Cancel;
import java.util.function.BooleanSupplier;

/**
 * Resident memory growth and release per key (function, line, file or module) for the hot functions table, after
 * the same transforms as the call tree, so a merged or focused-away frame's memory goes where its time goes. Self:
 * the key was innermost on the stack the change went to (see {@link MemoryCounts}); total: anywhere on it (once per
 * tick under recursion). Net is growth minus release; each figure has the ticks behind it. Key ids are those of
 * {@code Keys.of(snapshot, by)}, which a {@link CallTree} of the same snapshot and strategy shares. Immutable.
 */
public final class KeyMemory {
    private final long[] selfGrowth;
    private final long[] selfRelease;
    private final long[] totalGrowth;
    private final long[] totalRelease;
    private final int[] selfTicks;
    private final int[] totalTicks;
    private final MemoryCounts memory;

    private KeyMemory(MemoryCounts memory, long[] selfGrowth, long[] selfRelease, long[] totalGrowth, long[] totalRelease,
                      int[] selfTicks, int[] totalTicks) {
        this.memory = memory;
        this.selfGrowth = selfGrowth;
        this.selfRelease = selfRelease;
        this.totalGrowth = totalGrowth;
        this.totalRelease = totalRelease;
        this.selfTicks = selfTicks;
        this.totalTicks = totalTicks;
    }

    public static KeyMemory of(MemoryCounts memory, KeyBy by, Transforms transforms, BooleanSupplier cancelled) {
        if (!memory.hasMemory()) {
            int keys = Keys.of(memory.snapshot(), by).size();
            return new KeyMemory(memory, new long[keys], new long[keys], new long[keys], new long[keys], new int[keys], new int[keys]);
        }
        KeyedForest forest = KeyedForest.build(memory.snapshot(), by, transforms, cancelled);
        int nodes = forest.size;
        long[] nodeGrowth = new long[nodes], nodeRelease = new long[nodes];
        int[] nodeTicks = new int[nodes];
        for (int s = -1; s < memory.stackCount(); s++) {
            int node = forest.nodeOfStack[s + 1];
            if (node < 0) continue;
            nodeGrowth[node] += memory.growth(s);
            nodeRelease[node] += memory.release(s);
            nodeTicks[node] += memory.ticks(s);
        }
        int keys = forest.keys.size();
        long[] selfGrowth = new long[keys], selfRelease = new long[keys];
        long[] totalGrowth = new long[keys], totalRelease = new long[keys];
        int[] selfTicks = new int[keys], totalTicks = new int[keys];
        int[] stamp = new int[keys];
        for (int node = 0; node < nodes; node++) {
            if ((node & (Cancel.POLL_INTERVAL - 1)) == 0) Cancel.check(cancelled);
            int ticks = nodeTicks[node];
            if (ticks == 0) continue;
            long g = nodeGrowth[node], r = nodeRelease[node];
            int top = forest.key[node];
            if (top < 0) continue;
            selfGrowth[top] += g;
            selfRelease[top] += r;
            selfTicks[top] += ticks;
            // Only nodes a tick's change went to walk up: the stacks two ticks shared, not the whole tree.
            for (int up = node; up >= 0; up = forest.parent[up]) {
                int k = forest.key[up];
                if (k < 0 || stamp[k] == node + 1) continue;
                stamp[k] = node + 1;
                totalGrowth[k] += g;
                totalRelease[k] += r;
                totalTicks[k] += ticks;
            }
        }
        return new KeyMemory(memory, selfGrowth, selfRelease, totalGrowth, totalRelease, selfTicks, totalTicks);
    }

    public int size() { return selfGrowth.length; }
    public long selfGrowth(int key) { return at(selfGrowth, key); }
    public long selfRelease(int key) { return at(selfRelease, key); }
    public long totalGrowth(int key) { return at(totalGrowth, key); }
    public long totalRelease(int key) { return at(totalRelease, key); }
    /** Growth minus release while the key was innermost: what stayed. */
    public long selfNet(int key) { return selfGrowth(key) - selfRelease(key); }
    public long totalNet(int key) { return totalGrowth(key) - totalRelease(key); }
    /** The ticks behind the self and total figures. */
    public int selfTicks(int key) { return key >= 0 && key < selfTicks.length ? selfTicks[key] : 0; }
    public int totalTicks(int key) { return key >= 0 && key < totalTicks.length ? totalTicks[key] : 0; }
    /** Whether the self and total nets stand out of the memory track's noise (see {@link MemoryCounts#beyondNoise}). */
    public boolean selfBeyondNoise(int key) { return memory.beyondNoise(selfNet(key), selfTicks(key)); }
    public boolean totalBeyondNoise(int key) { return memory.beyondNoise(totalNet(key), totalTicks(key)); }
    public MemoryCounts memory() { return memory; }

    private static long at(long[] values, int key) {
        return key >= 0 && key < values.length ? values[key] : 0;
    }
}
