package dev.pyrometer.app.ui.support;

import dev.pyrometer.model.Profile;
import dev.pyrometer.model.SampleState;

/**
 * A recording with two phases for timeline, flame chart and memory tests, at 1 kHz: the main thread runs
 * {@code load()} for the first half, allocating 64 KB a tick at {@link #GROW_LINE}, then {@code crunch()} for the
 * second half, releasing 32 KB a tick at {@link #FREE_LINE}; a second thread waits all along.
 */
public final class PhasedProfiles {
    public static final String FILE = "/srv/app/phases.py";
    public static final int GROW_LINE = 12;
    public static final int FREE_LINE = 25;
    public static final long GROW_STEP = 64 << 10;
    public static final long FREE_STEP = 32 << 10;

    private PhasedProfiles() {}

    /** {@code ticks} ticks: the first half in load(), the second in crunch(). */
    public static Profile twoPhases(int ticks) {
        Profile p = new Profile();
        int module = p.frame(FILE, "<module>", 40, 1);
        int main = p.frame(FILE, "main", 35, 33);
        int mainCrunch = p.frame(FILE, "main", 36, 33);
        int load = p.frame(FILE, "load", GROW_LINE, 10);
        int crunch = p.frame(FILE, "crunch", FREE_LINE, 20);
        int wait = p.frame(FILE, "waiter", 30, 29);
        int mainThread = p.thread(100, "MainThread");
        int waiter = p.thread(101, "waiter");
        long resident = 32L << 20;
        for (int tick = 0; tick < ticks; tick++) {
            long time = tick * 1_000_000L;
            boolean first = tick < ticks / 2;
            if (tick > 0) resident += first ? GROW_STEP : -FREE_STEP;
            p.memory(time, resident);
            int[] stack = first ? new int[] {load, main, module} : new int[] {crunch, mainCrunch, module};
            p.sample(time, mainThread, stack, 3, SampleState.RUNNING | SampleState.GIL, 1000, 0);
            p.sample(time, waiter, new int[] {wait, module}, 2, 0, 0, 0);
        }
        p.metadata("python.version", "3.11.7");
        return p;
    }
}
