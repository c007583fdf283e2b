package dev.pyrometer.model;

import java.util.Arrays;

/**
 * Call stacks as a prefix tree: stack id = (parent stack id, frame id), so a sample's whole stack is one int.
 * {@link #EMPTY} is the stack with no Python frames. Append-only; readers see ids below {@link #size()}.
 * A parent always has a smaller id than its children, which lets aggregations run over ids in one forward pass.
 */
public final class StackTable {
    public static final int EMPTY = -1;

    /** (parent, frame) packed in one long per stack, so an index probe costs one memory access more, not two. */
    private long[] node = new long[4096];
    private int[] depth = new int[4096];
    private volatile int size;

    /** Slots hold id + 1; 0 marks an empty slot. Kept at most half full. */
    private int[] index = new int[16384];

    /** Writer only: the stack made of {@code parentStack} with {@code frameId} called from its top. */
    public int intern(int parentStack, int frameId) {
        long key = pack(parentStack, frameId);
        int mask = index.length - 1;
        int slot = hash(key) & mask;
        for (int probe; (probe = index[slot]) != 0; slot = (slot + 1) & mask) {
            if (node[probe - 1] == key) return probe - 1;
        }
        int id = size;
        if (id == node.length) grow();
        node[id] = key;
        depth[id] = parentStack == EMPTY ? 1 : depth[parentStack] + 1;
        index[slot] = id + 1;
        size = id + 1;
        if (2 * (id + 1) > index.length) rehash();
        return id;
    }

    /** Writer only: interns a stack given innermost first, as samplers read it. */
    public int intern(int[] framesInnermostFirst, int count) {
        int stack = EMPTY;
        for (int i = count - 1; i >= 0; i--) stack = intern(stack, framesInnermostFirst[i]);
        return stack;
    }

    public int parent(int id) { return (int) (node[id] >> 32); }
    public int frame(int id) { return (int) node[id]; }
    /** Number of frames in the stack, 1 for a root frame. */
    public int depth(int id) { return id == EMPTY ? 0 : depth[id]; }
    public int size() { return size; }

    private static long pack(int parentStack, int frameId) {
        return (long) parentStack << 32 | (frameId & 0xFFFFFFFFL);
    }

    private static int hash(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> 32);
    }

    private void grow() {
        int capacity = node.length * 2;
        node = Arrays.copyOf(node, capacity);
        depth = Arrays.copyOf(depth, capacity);
    }

    private void rehash() {
        int[] bigger = new int[index.length * 2];
        int mask = bigger.length - 1;
        for (int id = 0; id < size; id++) {
            int slot = hash(node[id]) & mask;
            while (bigger[slot] != 0) slot = (slot + 1) & mask;
            bigger[slot] = id + 1;
        }
        index = bigger;
    }
}
