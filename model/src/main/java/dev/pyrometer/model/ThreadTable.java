package dev.pyrometer.model;

import java.util.Arrays;

/** Threads by dense index: OS thread id and the latest Python thread name. Append-only, names may change. */
public final class ThreadTable {
    private long[] osThreadId = new long[16];
    private volatile String[] names = new String[16];
    private volatile int size;

    /** Writer only: the index of the thread, registering it or renaming it as needed. */
    public int intern(long osTid, String name) {
        int n = size;
        for (int i = 0; i < n; i++) {
            if (osThreadId[i] == osTid) {
                if (name != null && !name.equals(names[i])) rename(i, name);
                return i;
            }
        }
        if (n == osThreadId.length) {
            osThreadId = Arrays.copyOf(osThreadId, n * 2);
            names = Arrays.copyOf(names, n * 2);
        }
        osThreadId[n] = osTid;
        names[n] = name;
        size = n + 1;
        return n;
    }

    private void rename(int index, String name) {
        String[] copy = names.clone();
        copy[index] = name;
        names = copy;
    }

    public long osThreadId(int index) { return osThreadId[index]; }

    /** The thread's name, or null when the sampler could not read one. */
    public String name(int index) { return names[index]; }

    /** A label for views: the Python name when known, else the OS thread id. */
    public String label(int index) {
        String name = names[index];
        return name != null ? name : "thread " + osThreadId[index];
    }

    public int size() { return size; }
}
