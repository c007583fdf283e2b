package dev.pyrometer.model;

import java.util.Arrays;

/**
 * The processes of a recording that followed subprocesses, by dense index; empty for a recording of one process (the
 * metadata says which). Processes are few, so each is a record in an array copied on every change: one writer
 * appends or ends them, readers see a consistent array without locks.
 */
public final class ProcessTable {
    private volatile ProcessInfo[] processes = new ProcessInfo[0];

    /** Writer only: registers a process; returns its index. */
    public int add(ProcessInfo process) {
        ProcessInfo[] now = processes;
        ProcessInfo[] copy = Arrays.copyOf(now, now.length + 1);
        copy[now.length] = process;
        processes = copy;
        return now.length;
    }

    /** Writer only: replaces what is known of a process (its end, say). */
    public void set(int index, ProcessInfo process) {
        ProcessInfo[] copy = processes.clone();
        copy[index] = process;
        processes = copy;
    }

    public ProcessInfo get(int index) {
        return processes[index];
    }

    public int size() {
        return processes.length;
    }

    /** Index of the latest process with this pid, or -1. */
    public int indexOfPid(int pid) {
        ProcessInfo[] all = processes;
        for (int i = all.length - 1; i >= 0; i--) if (all[i].pid() == pid) return i;
        return -1;
    }

    /** The process's own frame and its recorded ancestors', root first: py-spy's chain of {@code process} frames. */
    public ProcessInfo[] chain(int index) {
        ProcessInfo[] all = processes;
        int depth = 0;
        for (int p = index; p >= 0 && depth <= all.length; p = all[p].parent()) depth++;
        ProcessInfo[] chain = new ProcessInfo[Math.min(depth, all.length)];
        int i = chain.length - 1;
        for (int p = index; p >= 0 && i >= 0; p = all[p].parent()) chain[i--] = all[p];
        return chain;
    }
}
