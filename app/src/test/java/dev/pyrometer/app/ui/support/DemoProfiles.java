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
