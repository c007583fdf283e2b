package dev.pyrometer.model.aggregate;

import java.util.Arrays;

/**
 * Interns (a, b, c) int triples to dense ids with an open-addressing index: no object per entry. Used for tree
 * nodes (parent, label, 0) and composite keys. Ids are handed out in first-seen order.
 */
final class TupleInterner {
    private int[] a;
    private int[] b;
    private int[] c;
    private int size;
    /** Slots hold id + 1; 0 marks an empty slot. Kept at most half full. */
    private int[] index;

    TupleInterner(int expected) {
        int capacity = Math.max(16, Integer.highestOneBit(Math.max(1, expected)) * 2);
        a = new int[capacity];
        b = new int[capacity];
        c = new int[capacity];
        index = new int[capacity * 2];
    }

    int intern(int x, int y, int z) {
        int mask = index.length - 1;
        int slot = hash(x, y, z) & mask;
        for (int probe; (probe = index[slot]) != 0; slot = (slot + 1) & mask) {
            int id = probe - 1;
            if (a[id] == x && b[id] == y && c[id] == z) return id;
        }
        int id = size;
        if (id == a.length) {
            a = Arrays.copyOf(a, id * 2);
            b = Arrays.copyOf(b, id * 2);
            c = Arrays.copyOf(c, id * 2);
        }
        a[id] = x;
        b[id] = y;
        c[id] = z;
        index[slot] = id + 1;
        size = id + 1;
        if (2 * size > index.length) rehash();
        return id;
    }

    int size() { return size; }
    int first(int id) { return a[id]; }
    int second(int id) { return b[id]; }
    int third(int id) { return c[id]; }

    /** All input bits reach the low bits the table uses (murmur3's 64-bit finaliser). */
    private static int hash(int x, int y, int z) {
        long h = ((long) x << 32 | (y & 0xFFFFFFFFL)) ^ (z * 0x9E3779B97F4A7C15L);
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        return (int) (h ^ (h >>> 33));
    }

    private void rehash() {
        int[] bigger = new int[index.length * 2];
        int mask = bigger.length - 1;
        for (int id = 0; id < size; id++) {
            int slot = hash(a[id], b[id], c[id]) & mask;
            while (bigger[slot] != 0) slot = (slot + 1) & mask;
            bigger[slot] = id + 1;
        }
        index = bigger;
    }
}
