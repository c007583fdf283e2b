package dev.pyrometer.model;

import java.util.Arrays;

/**
 * Threads by dense index: OS thread id, the process it belongs to (an index into the {@link ProcessTable}, -1 for
 * a recording of one process) and the latest Python thread name. Append-only, names may change. A thread is known by
 * its process and OS id together: two processes of one recording may reuse an id.
 */
public final class ThreadTable {
    private long[] osThreadId = new long[16];
    private volatile int[] process = filled(16);
    private volatile String[] names = new String[16];
    private volatile int size;

    /** Writer only: the index of the thread, registering it or renaming it as needed. */
    public int intern(long osTid, String name) {
        return intern(-1, osTid, name);
    }

    /** Writer only: the index of the thread of {@code processIndex} (-1: none), registering or renaming it. */
    public int intern(int processIndex, long osTid, String name) {
        int n = size;
        int[] owners = process;
        for (int i = 0; i < n; i++) {
            if (osThreadId[i] == osTid && owners[i] == processIndex) {
                if (name != null && !name.equals(names[i])) rename(i, name);
                return i;
            }
        }
        return add(processIndex, osTid, name);
    }

    /**
     * Writer only: registers a thread even when one with the same OS id exists, for an import that keeps apart what
     * its file kept apart (py-spy names a thread only once the program has imported {@code threading}, so one file
     * holds {@code thread (TID)} and {@code thread (TID): MainThread}). {@link #intern} finds the first of them.
     */
    public int add(long osTid, String name) {
        return add(-1, osTid, name);
    }

    /** Writer only: {@link #add(long, String)} for a thread of process {@code processIndex}. */
    public int add(int processIndex, long osTid, String name) {
        int n = size;
        if (n == osThreadId.length) {
            osThreadId = Arrays.copyOf(osThreadId, n * 2);
            names = Arrays.copyOf(names, n * 2);
            int[] owners = Arrays.copyOf(process, n * 2);
            Arrays.fill(owners, n, n * 2, -1);
            process = owners;
        }
        process[n] = processIndex;
        osThreadId[n] = osTid;
        names[n] = name;
        size = n + 1;
        return n;
    }

    /** Writer only: says which process a thread belongs to (a session file tells it after the thread). */
    public void assignProcess(int index, int processIndex) {
        int[] owners = process.clone();
        owners[index] = processIndex;
        process = owners;
    }

    /** The index of the thread's process in the profile's {@link ProcessTable}, or -1 when not known. */
    public int process(int index) { return process[index]; }

    /** Writer only: a new Python name for a known thread. */
    public void rename(int index, String name) {
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

    /**
     * True for the thread an import makes up for stacks its file gave no thread (a collapsed line without a
     * {@code thread (TID)} frame): OS id 0, which is never a thread of a process, and no name.
     */
    public boolean isUnknown(int index) {
        return osThreadId[index] == 0 && names[index] == null;
    }

    public int size() { return size; }

    private static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, -1);
        return a;
    }
}
