package dev.pyrometer.model.aggregate;

/**
 * What the root of a call tree or flame graph is split by: one tree of every sample ({@link #MERGED}), or a synthetic
 * root frame per process, per thread, or per process with a frame per thread under it, so each is its own tower.
 * The root frames come before every transform and key (see {@link RootFrames}); a recording of one process has no
 * process frames to add.
 */
public enum Roots {
    MERGED("All merged"),
    PROCESS("By process"),
    THREAD("By thread"),
    PROCESS_AND_THREAD("By process and thread");

    private final String label;

    Roots(String label) {
        this.label = label;
    }

    public String label() { return label; }

    /** Whether stacks start with their process's frame (in a recording of several processes). */
    public boolean perProcess() { return this == PROCESS || this == PROCESS_AND_THREAD; }

    /** Whether stacks start with their thread's frame. */
    public boolean perThread() { return this == THREAD || this == PROCESS_AND_THREAD; }

    /** The choice by its name ({@code PROCESS}), or MERGED for null or anything else: saved views are hints. */
    public static Roots parse(String name) {
        if (name != null) for (Roots r : values()) if (r.name().equals(name)) return r;
        return MERGED;
    }

    @Override
    public String toString() { return label; }
}
