package dev.pyrometer.sampler.walk;

import java.util.Arrays;

/** An open-addressing map from non-zero long keys (addresses) to ints, without boxing: the hot path's lookup. */
public final class LongIntMap {
    private long[] keys;
    private int[] values;
    private int size;

    public LongIntMap(int capacity) {
        int n = Integer.highestOneBit(Math.max(16, capacity) * 2 - 1);
        keys = new long[n];
        values = new int[n];
    }

    /** The value for {@code key}, or -1. */
    public int get(long key) {
        if (key == 0) return -1; // 0 marks an empty slot
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == key) return values[i];
            if (k == 0) return -1;
        }
    }

    public void put(long key, int value) {
        if (key == 0) throw new IllegalArgumentException("key 0 is reserved");
        if ((size + 1) * 2 > keys.length) grow();
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
            if (keys[i] == 0) {
                keys[i] = key;
                values[i] = value;
                size++;
                return;
            }
        }
    }

    public void clear() {
        Arrays.fill(keys, 0);
        size = 0;
    }

    public int size() {
        return size;
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) if (oldKeys[i] != 0) put(oldKeys[i], oldValues[i]);
    }
}
