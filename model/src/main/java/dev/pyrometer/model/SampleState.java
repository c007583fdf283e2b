package dev.pyrometer.model;

/**
 * Bits describing what a thread was doing when sampled. A sample is in exactly one category for the
 * python / native / system / idle split: idle when not running, else system, else native, else python.
 */
public final class SampleState {
    /** The OS scheduled the thread or it was runnable ({@code R} in /proc/PID/task/TID/stat). */
    public static final int RUNNING = 1;
    /** The thread held the GIL. */
    public static final int GIL = 1 << 1;
    /** The innermost Python frame was inside a call into C code. */
    public static final int NATIVE = 1 << 2;
    /** The thread was running in the kernel (it spent more system than user time since its previous sample). */
    public static final int SYSTEM = 1 << 3;

    public static final int CATEGORY_PYTHON = 0;
    public static final int CATEGORY_NATIVE = 1;
    public static final int CATEGORY_SYSTEM = 2;
    public static final int CATEGORY_IDLE = 3;
    public static final int CATEGORY_COUNT = 4;

    private static final String[] CATEGORY_NAMES = {"python", "native", "system", "idle"};

    private SampleState() {}

    public static int category(int state) {
        if ((state & RUNNING) == 0) return CATEGORY_IDLE;
        if ((state & SYSTEM) != 0) return CATEGORY_SYSTEM;
        if ((state & NATIVE) != 0) return CATEGORY_NATIVE;
        return CATEGORY_PYTHON;
    }

    public static String categoryName(int category) {
        return CATEGORY_NAMES[category];
    }

    public static boolean isIdle(int state) {
        return (state & RUNNING) == 0;
    }

    public static boolean holdsGil(int state) {
        return (state & GIL) != 0;
    }
}
