package dev.pyrometer.app.ui.support;

import dev.pyrometer.model.Profile;
import dev.pyrometer.model.SampleState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Realistic profiles for tests and demos, shaped like a recording of {@code assets/demo/cpu_demo.py}: the same
 * files, functions and lines, a 3 : 1 split between its two hot lines, calls into the standard library, an idle
 * helper thread, and (when asked) resident memory that build_matrix grows and flattening releases now and then (a
 * sawtooth).
 * Seeded, so every run builds the same profile.
 */
public final class DemoProfiles {
    public static final int BUILD_MATRIX_HOT_LINE = 18;
    public static final int SEARCH_HOT_LINE = 26;

    private DemoProfiles() {}

    /** The demo program's path, found from the app module or the repository root. */
    public static Path demoFile() {
        for (Path candidate : new Path[] {Path.of("../assets/demo/cpu_demo.py"), Path.of("assets/demo/cpu_demo.py")}) {
            if (Files.isRegularFile(candidate)) return candidate.toAbsolutePath().normalize();
        }
        throw new IllegalStateException("assets/demo/cpu_demo.py not found from " + Path.of("").toAbsolutePath());
    }

    /** The deep-stack demo's path ({@code assets/demo/deep_demo.py}). */
    public static Path deepDemoFile() {
        return demoFile().resolveSibling("deep_demo.py");
    }

    public static final int DEEP_HOT_LINE = 18;

    /**
     * A recording of {@code assets/demo/deep_demo.py} at its default depth: {@code depth + 1} calls of
     * {@code descend} before {@code checksum} (its hot line, 4 of 5 samples) does the work; the rest is
     * {@code rank} sorting near the root, half of it in its key lambda. Seeded.
     */
    public static Profile deepDemo(int samples, int depth) {
        Profile p = new Profile();
        String file = deepDemoFile().toString();
        int module = p.frame(file, "<module>", 50, 1);
        int mainDescend = p.frame(file, "main", 42, 32);
        int mainRank = p.frame(file, "main", 44, 32);
        int descend = p.frame(file, "descend", 25, 22);
        int bottom = p.frame(file, "descend", 24, 22);
        int checksum = p.frame(file, "checksum", DEEP_HOT_LINE, 15);
        int rank = p.frame(file, "rank", 29, 28);
        int key = p.frame(file, "rank.<locals>.<lambda>", 29, 29);
        int thread = p.thread(9001, "MainThread");
        SplittableRandom rnd = new SplittableRandom(7);
        int[] stack = new int[depth + 8];
        for (int tick = 0; tick < samples; tick++) {
            double r = rnd.nextDouble();
            int n = 0;
            int state = SampleState.RUNNING | SampleState.GIL;
            if (r < 0.8) {
                stack[n++] = checksum;
                stack[n++] = bottom;
                for (int d = 0; d < depth; d++) stack[n++] = descend;
                stack[n++] = mainDescend;
            } else {
                if (r < 0.9) stack[n++] = key;
                else state |= SampleState.NATIVE;
                stack[n++] = rank;
                stack[n++] = mainRank;
            }
            stack[n++] = module;
            p.sample(tick * 1_000_000L, thread, stack, n, state, 1000, 0);
        }
        p.metadata("python.version", "3.11.7");
        p.metadata("command", "python3 " + file);
        return p;
    }

    /**
     * {@code parse} called from three places (main → load, main → save, and a worker thread's loop) and calling
     * {@code scan} and {@code emit}: 5 + 3 + 4 samples under each caller, plus 6 samples of main elsewhere.
     */
    public static Profile threeCallers() {
        return threeCallers(1, 1);
    }

    /** The same with every count times {@code scale}, and the path main → save → parse → scan times {@code saveFactor} more. */
    public static Profile threeCallers(int scale, int saveFactor) {
        int m = scale;
        Profile p = new Profile();
        String app = "/srv/app/app.py", work = "/srv/app/worker.py";
        int main = p.frame(app, "main", 40, 38);
        int load = p.frame(app, "load", 12, 10);
        int save = p.frame(app, "save", 22, 20);
        int loop = p.frame(work, "loop", 8, 5);
        int parse = p.frame(app, "parse", 31, 29);
        int scan = p.frame(app, "scan", 52, 50);
        int emit = p.frame(app, "emit", 62, 60);
        int other = p.frame(app, "report", 72, 70);
        int thread = p.thread(1, "MainThread");
        int worker = p.thread(2, "worker");
        long tick = 0;
        tick = add(p, tick, 5 * m, thread, scan, parse, load, main);
        tick = add(p, tick, 2 * m, thread, emit, parse, load, main);
        tick = add(p, tick, 3 * m * saveFactor, thread, scan, parse, save, main);
        tick = add(p, tick, 4 * m, worker, parse, loop);
        tick = add(p, tick, m, worker, emit, parse, loop);
        add(p, tick, 6 * m, thread, other, main);
        return p;
    }

    private static long add(Profile p, long tick, int count, int thread, int... innermostFirst) {
        for (int i = 0; i < count; i++) {
            p.sample(tick++ * 1_000_000L, thread, innermostFirst, innermostFirst.length, SampleState.RUNNING | SampleState.GIL, 1000, 0);
        }
        return tick;
    }

    /** {@code samples} ticks of the main thread, plus an idle helper thread sampled every tenth tick. */
    public static Profile cpuDemo(int samples) {
        return cpuDemo(samples, false);
    }

    /** The same, with a resident memory reading at every tick when {@code memory} is true. */
    public static Profile cpuDemo(int samples, boolean memory) {
        Profile profile = new Profile();
        feed(profile, samples, 0, memory);
        return profile;
    }

    /** Appends ticks to a profile as a sampler would; {@code startTick} continues an earlier feed. */
    public static void feed(Profile p, int samples, long startTick) {
        feed(p, samples, startTick, false);
    }

    /** The same, with a resident memory reading at every tick when {@code memory} is true. */
    public static void feed(Profile p, int samples, long startTick, boolean memory) {
        String demo = demoFile().toString();
        String argparse = "/usr/lib/python3.11/argparse.py";
        int module = p.frame(demo, "<module>", 52, 1);
        int main = p.frame(demo, "main", 46, 37);
        int mainParse = p.frame(demo, "main", 41, 37);
        int parseArgs = p.frame(argparse, "ArgumentParser.parse_args", 1869, 1866);
        int oneRoundBuild = p.frame(demo, "one_round", 32, 31);
        int oneRoundFlat = p.frame(demo, "one_round", 33, 31);
        int oneRoundSearch = p.frame(demo, "one_round", 34, 31);
        int buildRow = p.frame(demo, "build_matrix", BUILD_MATRIX_HOT_LINE, 15);
        int buildAppend = p.frame(demo, "build_matrix", 19, 15);
        int listcomp = p.frame(demo, "build_matrix.<locals>.<listcomp>", BUILD_MATRIX_HOT_LINE, 18);
        int flat = p.frame(demo, "one_round.<locals>.<listcomp>", 33, 33);
        int search = p.frame(demo, "search", SEARCH_HOT_LINE, 23);
        int searchCount = p.frame(demo, "search", 27, 23);
        String threading = "/usr/lib/python3.11/threading.py";
        int bootstrap = p.frame(threading, "Thread._bootstrap", 995, 988);
        int run = p.frame(threading, "Thread.run", 975, 968);
        int wait = p.frame(threading, "Condition.wait", 320, 288);

        int mainThread = p.thread(4242, "MainThread");
        int helper = p.thread(4250, "heartbeat");
        // SplittableRandom mixes neighbouring seeds well: feeding one tick at a time stays as random as feeding many.
        SplittableRandom rnd = new SplittableRandom(42 + startTick);
        int[] stack = new int[8];
        // The first tick catches argument parsing, so the standard library shows up too.
        int readings = p.memory().size();
        long resident = readings == 0 ? 48L << 20 : p.memory().residentBytes(readings - 1);
        for (long tick = startTick; tick < startTick + samples; tick++) {
            long time = tick * 1_000_000L; // 1 kHz
            int depth;
            long grows = 0;
            int state = SampleState.RUNNING | SampleState.GIL;
            double r = rnd.nextDouble();
            // build_matrix : search = 3 : 1 at their hot lines; the rest spread over the other lines.
            if (tick == startTick && startTick == 0) {
                stack[0] = parseArgs; stack[1] = mainParse; stack[2] = module; depth = 3;
            } else if (r < 0.60) {
                // random.random() is C code: the sample stays on line 18, and most of them are in native code.
                stack[0] = listcomp; stack[1] = buildRow; stack[2] = oneRoundBuild; stack[3] = main; stack[4] = module; depth = 5;
                grows = 24 << 10; // the matrix rows are what the program allocates
                if (r < 0.45) state |= SampleState.NATIVE;
            } else if (r < 0.65) {
                stack[0] = buildAppend; stack[1] = oneRoundBuild; stack[2] = main; stack[3] = module; depth = 4;
                grows = 8 << 10;
            } else if (r < 0.80) {
                stack[0] = flat; stack[1] = oneRoundFlat; stack[2] = main; stack[3] = module; depth = 4;
                // Flattening drops the matrix now and then: a sawtooth on the memory track.
                if (resident > (96L << 20)) grows = (48L << 20) - resident;
            } else if (r < 0.98) {
                stack[0] = search; stack[1] = oneRoundSearch; stack[2] = main; stack[3] = module; depth = 4;
                if (rnd.nextInt(10) == 0) state |= SampleState.SYSTEM;
            } else {
                stack[0] = searchCount; stack[1] = oneRoundSearch; stack[2] = main; stack[3] = module; depth = 4;
            }
            resident += grows;
            if (memory) p.memory(time, resident);
            p.sample(time, mainThread, stack, depth, state, 1000, 0);
            if (tick % 10 == 0) {
                int[] idle = {wait, run, bootstrap};
                p.sample(time, helper, idle, 3, 0, 0, 0);
            }
        }
        p.metadata("python.version", "3.11.7");
        p.metadata("command", "python3 " + demo);
    }
}
