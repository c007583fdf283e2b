package dev.pyrometer.sampler;

import dev.pyrometer.sampler.memory.KeptOpenFile;
import dev.pyrometer.sampler.proc.TaskStat;
import java.util.Arrays;

/**
 * The sampler's per-OS-thread state: a kept-open {@code /proc/PID/task/TID/stat}, the scheduler state and CPU times
 * read at the start of the current tick, those of the previous sample, the sink's thread index and the thread's
 * Python name (with the generation of names it was looked up in). Plain arrays searched linearly: a Python process
 * has few threads.
 *
 * <p>A stat file that cannot be opened or read (too many open files, say) leaves the thread's state unknown for the
 * tick ({@link #stateUnknown}), never "idle"; opening is tried again every tick, so the thread comes back once it can.
 */
final class ThreadSlots implements AutoCloseable {
    private static final int STAT_BYTES = 1024;

    private final int pid;
    private final long microsPerTick;
    private final TaskStat parsed = new TaskStat();
    private int count;
    private long[] tids = new long[16];
    private KeptOpenFile[] stats = new KeptOpenFile[16];
    private int[] sinkIndexes = new int[16];
    private long[] lastSeen = new long[16];
    private boolean[] running = new boolean[16];
    private boolean[] unknown = new boolean[16];
    private long[] utime = new long[16];
    private long[] stime = new long[16];
    private long[] sampledUtime = new long[16];
    private long[] sampledStime = new long[16];
    private String[] names = new String[16];
    private int[] nameGenerations = new int[16];
    private long targetCpuMicros;
    private boolean added;
    /** The main thread's startstack as first seen, and as read last (0: not seen). */
    private long firstStartStack;
    private long startStack;

    ThreadSlots(int pid, long clockTicksPerSecond) {
        this.pid = pid;
        this.microsPerTick = 1_000_000 / clockTicksPerSecond;
    }

    /** Re-reads every known thread's stat file: done first in a tick, before any memory is read. */
    void readAll() {
        for (int i = 0; i < count; i++) readStat(i);
    }

    /** The slot of OS thread {@code tid}, made (and its stat read) if new; marks it seen at {@code tick}. */
    int slot(long tid, long tick) {
        for (int i = 0; i < count; i++) {
            if (tids[i] == tid) {
                lastSeen[i] = tick;
                return i;
            }
        }
        if (count == tids.length) grow();
        int i = count++;
        tids[i] = tid;
        stats[i] = null; // opened by readStat
        sinkIndexes[i] = -1;
        names[i] = null;
        nameGenerations[i] = -1;
        added = true;
        lastSeen[i] = tick;
        readStat(i);
        sampledUtime[i] = utime[i];
        sampledStime[i] = stime[i];
        return i;
    }

    private void readStat(int i) {
        if (stats[i] == null && tids[i] > 0) {
            stats[i] = KeptOpenFile.open("/proc/" + pid + "/task/" + tids[i] + "/stat", STAT_BYTES);
        }
        KeptOpenFile stat = stats[i];
        int n = stat == null ? -1 : stat.reread();
        if (n > 0 && parsed.parse(stat.bytes(), n)) {
            running[i] = parsed.running();
            utime[i] = parsed.utime;
            stime[i] = parsed.stime;
            unknown[i] = false;
            if (tids[i] == pid && parsed.startStack != 0) {
                startStack = parsed.startStack;
                if (firstStartStack == 0) firstStartStack = startStack;
            }
        } else {
            running[i] = false;
            // No OS id (a thread just starting): no file to read, it is not running Python code for us to tell.
            unknown[i] = tids[i] > 0;
        }
    }

    /**
     * True when the thread's stat file could not be read this tick (it could not be opened: too many open files; or
     * the thread is ending): whether it runs is not known, and a sample would have to guess.
     */
    boolean stateUnknown(int slot) {
        return unknown[slot];
    }

    /**
     * Whether the main thread's stack start moved since it was first read: every exec places it anew, so the process
     * has most likely exec'd (an exec into the same non-PIE executable leaves every other address in place). Told
     * once per move; free, from the stat file read anyway.
     */
    boolean stackMoved() {
        if (startStack == firstStartStack) return false;
        firstStartStack = startStack;
        return true;
    }

    /** Whether a thread was added since the last call (its name may not be known yet). */
    boolean takeAdded() {
        boolean was = added;
        added = false;
        return was;
    }

    String name(int slot) {
        return names[slot];
    }

    int nameGeneration(int slot) {
        return nameGenerations[slot];
    }

    void name(int slot, String name, int generation) {
        names[slot] = name;
        nameGenerations[slot] = generation;
    }

    long tid(int slot) {
        return tids[slot];
    }

    boolean running(int slot) {
        return running[slot];
    }

    int sinkIndex(int slot) {
        return sinkIndexes[slot];
    }

    void sinkIndex(int slot, int index) {
        sinkIndexes[slot] = index;
    }

    /** User CPU µs since this thread's previous sample; call {@link #sampled} after reading both deltas. */
    int userMicrosSinceSample(int slot) {
        return (int) Math.min(Integer.MAX_VALUE, (utime[slot] - sampledUtime[slot]) * microsPerTick);
    }

    int systemMicrosSinceSample(int slot) {
        return (int) Math.min(Integer.MAX_VALUE, (stime[slot] - sampledStime[slot]) * microsPerTick);
    }

    void sampled(int slot) {
        targetCpuMicros += (utime[slot] - sampledUtime[slot] + stime[slot] - sampledStime[slot]) * microsPerTick;
        sampledUtime[slot] = utime[slot];
        sampledStime[slot] = stime[slot];
    }

    long targetCpuMicros() {
        return targetCpuMicros;
    }

    /** Forgets threads not seen at {@code tick} (they ended), closing their files. */
    void sweep(long tick) {
        int kept = 0;
        for (int i = 0; i < count; i++) {
            if (lastSeen[i] == tick) {
                move(i, kept++);
            } else if (stats[i] != null) {
                stats[i].close();
            }
        }
        for (int i = kept; i < count; i++) {
            stats[i] = null;
            names[i] = null;
        }
        count = kept;
    }

    private void move(int from, int to) {
        if (from == to) return;
        tids[to] = tids[from];
        stats[to] = stats[from];
        sinkIndexes[to] = sinkIndexes[from];
        lastSeen[to] = lastSeen[from];
        running[to] = running[from];
        unknown[to] = unknown[from];
        utime[to] = utime[from];
        stime[to] = stime[from];
        sampledUtime[to] = sampledUtime[from];
        sampledStime[to] = sampledStime[from];
        names[to] = names[from];
        nameGenerations[to] = nameGenerations[from];
    }

    private void grow() {
        int n = tids.length * 2;
        tids = Arrays.copyOf(tids, n);
        stats = Arrays.copyOf(stats, n);
        sinkIndexes = Arrays.copyOf(sinkIndexes, n);
        lastSeen = Arrays.copyOf(lastSeen, n);
        running = Arrays.copyOf(running, n);
        unknown = Arrays.copyOf(unknown, n);
        utime = Arrays.copyOf(utime, n);
        stime = Arrays.copyOf(stime, n);
        sampledUtime = Arrays.copyOf(sampledUtime, n);
        sampledStime = Arrays.copyOf(sampledStime, n);
        names = Arrays.copyOf(names, n);
        nameGenerations = Arrays.copyOf(nameGenerations, n);
    }

    @Override
    public void close() {
        for (int i = 0; i < count; i++) if (stats[i] != null) stats[i].close();
        count = 0;
    }
}
