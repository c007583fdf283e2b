package dev.pyrometer.model.bench;

import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.Loaded;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.Progress;
import dev.pyrometer.model.SampleState;
import dev.pyrometer.model.SampleTable;
import dev.pyrometer.model.aggregate.CallTree;
import dev.pyrometer.model.aggregate.CallerTree;
import dev.pyrometer.model.aggregate.FlameLayout;
import dev.pyrometer.model.aggregate.HotFunctions;
import dev.pyrometer.model.aggregate.KeyBy;
import dev.pyrometer.model.aggregate.KeyMemory;
import dev.pyrometer.model.aggregate.LineHeat;
import dev.pyrometer.model.aggregate.LineMemory;
import dev.pyrometer.model.aggregate.MemoryCounts;
import dev.pyrometer.model.aggregate.Roots;
import dev.pyrometer.model.aggregate.Selection;
import dev.pyrometer.model.aggregate.Snapshot;
import dev.pyrometer.model.aggregate.StackCounts;
import dev.pyrometer.model.aggregate.TimeOrder;
import dev.pyrometer.model.aggregate.Timeline;
import dev.pyrometer.model.aggregate.Transforms;
import dev.pyrometer.model.session.SessionReader;
import dev.pyrometer.model.session.SessionWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The model's benchmark (bench/model.sh): ingest speed, memory per sample, session open time, flame layout,
 * per-line heat, timeline buckets, memory attribution and the time-order chart on a synthetic recording of 10M samples over 100k distinct stacks of depth 30. Stacks are drawn
 * uniformly, the worst case for caches (real profiles are skewed towards a few hot stacks). Every timing is the
 * median of several runs after warm-up runs, in CPU time of the process (the machine is shared) and wall time.
 *
 * <p>Usage: {@code ModelBench [SAMPLES] [STACKS]}.
 */
public final class ModelBench {
    private static final int DEPTH = 30;
    private static final int THREADS = 8;
    private static final String LEAF_FILE = "/app/handlers/leaf.py";

    public static void main(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        int stacks = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        System.out.printf(Locale.ROOT, "Model benchmark: %,d samples over %,d distinct stacks of depth %d, %d threads, Java %s, %d cores%n",
            samples, stacks, DEPTH, THREADS, Runtime.version(), Runtime.getRuntime().availableProcessors());

        Workload work = new Workload(stacks);
        // Ingest: warm up on a smaller profile, then time full ones.
        for (int i = 0; i < 2; i++) work.ingest(Math.min(samples, 2_000_000));
        double[] rates = new double[3];
        double[] wallRates = new double[3];
        Profile profile = null;
        for (int i = 0; i < rates.length; i++) {
            profile = null;
            gc();
            long cpuStart = cpuNanos();
            long start = System.nanoTime();
            profile = work.ingest(samples);
            wallRates[i] = samples / ((System.nanoTime() - start) / 1e9);
            rates[i] = samples / ((cpuNanos() - cpuStart) / 1e9);
        }
        System.out.printf(Locale.ROOT, "%-52s %,.0f samples/s of CPU   (wall %,.0f samples/s)%n", "ingest, depth 30, one thread",
            median(rates), median(wallRates));

        long before = heapAfterGc();
        Profile measured = profile;
        profile = null;
        long withProfile = heapAfterGc();
        profile = measured;
        measured = null;
        profile = null;
        long without = heapAfterGc();
        long bytes = withProfile - without;
        profile = work.ingest(samples);
        report("memory per sample (heap held by the profile)", "%.2f bytes", (double) bytes / samples);
        System.out.printf(Locale.ROOT, "    (columns %.2f bytes/sample; stack tree %,d nodes; %,d frames; heap before %,d MB)%n",
            (double) profile.samples().footprintBytes() / samples, profile.stacks().size(), profile.frames().size(), before >> 20);

        Path file = Files.createTempFile("pyrometer-bench", ".pyro");
        try {
            Profile toSave = profile;
            double save = time(3, () -> {
                SessionWriter.save(toSave, file);
                return null;
            });
            report("save a session (atomic, synced)", "%.2f s", save);
            System.out.printf(Locale.ROOT, "    (%,d bytes, %.2f bytes/sample)%n", Files.size(file), (double) Files.size(file) / samples);
            profile = null;
            gc();
            double open = time(3, () -> SessionReader.read(file, Progress.NONE, Cancel.NEVER));
            report("open a session", "%.2f s", open);
            Loaded loaded = SessionReader.read(file, Progress.NONE, Cancel.NEVER);
            profile = loaded.profile();
        } finally {
            Files.deleteIfExists(file);
        }

        Profile p = profile;
        double count = time(7, () -> StackCounts.of(p, Selection.NOT_IDLE, Cancel.NEVER));
        StackCounts counts = StackCounts.of(p, Selection.NOT_IDLE, Cancel.NEVER);
        double tree = time(7, () -> CallTree.topDown(counts, KeyBy.FUNCTION, Transforms.NONE, Cancel.NEVER));
        CallTree functions = CallTree.topDown(counts, KeyBy.FUNCTION, Transforms.NONE, Cancel.NEVER);
        double layout = time(7, () -> FlameLayout.of(functions, 1.0 / 1600, FlameLayout.Order.ALPHABETICAL, Cancel.NEVER));
        double flame = time(7, () -> {
            StackCounts c = StackCounts.of(p, Selection.NOT_IDLE, Cancel.NEVER);
            CallTree t = CallTree.topDown(c, KeyBy.FUNCTION, Transforms.NONE, Cancel.NEVER);
            return FlameLayout.of(t, 1.0 / 1600, FlameLayout.Order.ALPHABETICAL, Cancel.NEVER);
        });
        report("flame layout of all samples, from the profile", "%.0f ms", flame * 1000);
        System.out.printf(Locale.ROOT, "    (count samples %.0f ms, call tree %.0f ms, layout %.0f ms; %,d tree nodes, %,d laid out)%n",
            count * 1000, tree * 1000, layout * 1000, functions.size(),
            FlameLayout.of(functions, 1.0 / 1600, FlameLayout.Order.ALPHABETICAL, Cancel.NEVER).size());
        double byThread = time(5, () -> CallTree.topDown(counts, KeyBy.FUNCTION, Transforms.NONE, Roots.THREAD, Cancel.NEVER));
        report("call tree with a tower per thread (from counted samples)", "%.0f ms", byThread * 1000);
        System.out.printf(Locale.ROOT, "    (%,d tree nodes, %d towers)%n",
            CallTree.topDown(counts, KeyBy.FUNCTION, Transforms.NONE, Roots.THREAD, Cancel.NEVER).size(), THREADS);
        double lineTree = time(5, () -> CallTree.topDown(counts, KeyBy.LINE, Transforms.NONE, Cancel.NEVER));
        report("call tree by line (from counted samples)", "%.0f ms", lineTree * 1000);
        double bottomUp = time(3, () -> CallTree.bottomUp(functions, Cancel.NEVER));
        report("whole bottom-up tree (from the top-down tree)", "%.0f ms", bottomUp * 1000);
        System.out.printf(Locale.ROOT, "    (%,d nodes)%n", CallTree.bottomUp(functions, Cancel.NEVER).size());
        double bottomUpFlame = time(5, () -> CallTree.bottomUp(functions, 1.0 / 1600, Cancel.NEVER));
        report("bottom-up tree of nodes ≥ 1/1600 wide", "%.0f ms", bottomUpFlame * 1000);
        double callers = time(5, () -> {
            CallerTree lazy = CallerTree.of(functions);
            int node = 0;
            for (int[] children; (children = lazy.children(node)).length > 0; ) node = children[0];
            return lazy;
        });
        report("bottom-up view: root and heaviest path expanded", "%.0f ms", callers * 1000);
        double hot = time(5, () -> HotFunctions.of(functions));
        report("hot functions (from the top-down tree)", "%.0f ms", hot * 1000);

        double heat = time(9, () -> LineHeat.of(counts, LEAF_FILE, Cancel.NEVER));
        report("per-line heat of one file (from counted samples)", "%.1f ms", heat * 1000);
        double heatFull = time(7, () -> LineHeat.of(StackCounts.of(p, Selection.NOT_IDLE, Cancel.NEVER), LEAF_FILE, Cancel.NEVER));
        report("per-line heat of one file, from the profile", "%.0f ms", heatFull * 1000);
        long second = p.samples().timeMicros(p.samples().size() / 2);
        Selection window = Selection.NOT_IDLE.withTimeRange(second, second + 1_000_000);
        double windowFlame = time(7, () -> FlameLayout.of(CallTree.topDown(StackCounts.of(p, window, Cancel.NEVER),
            KeyBy.FUNCTION, Transforms.NONE, Cancel.NEVER), 1.0 / 1600, FlameLayout.Order.ALPHABETICAL, Cancel.NEVER));
        report("flame layout of a 1 s time range, from the profile", "%.0f ms", windowFlame * 1000);

        timeline(p);
    }

    /**
     * The timeline and memory views: a memory reading is added for every tick (every {@value #THREADS} samples, as
     * the sampler reads one per tick), then the timeline's buckets for 1,600 pixels, the memory attribution and the
     * time-order chart of one thread are timed over the whole recording.
     */
    private static void timeline(Profile p) {
        SampleTable samples = p.samples();
        long resident = 64L << 20;
        for (int i = 0; i < samples.size(); i += THREADS) {
            resident += (i / THREADS) % 1000 < 600 ? 4096 : -6144;
            p.memoryAt(samples.timeMicros(i), resident);
        }
        Snapshot snapshot = Snapshot.of(p);
        long end = Timeline.endMicros(snapshot);
        System.out.printf(Locale.ROOT, "    (memory track: %,d readings over %.0f s)%n", snapshot.memory(), end / 1e6);
        double timeline = time(7, () -> Timeline.of(snapshot, 0, end + 1, 1600, Cancel.NEVER));
        report("timeline buckets, 1,600 pixels, whole recording", "%.0f ms", timeline * 1000);
        double memory = time(7, () -> MemoryCounts.of(snapshot, Selection.NOT_IDLE, Cancel.NEVER));
        report("memory attribution, whole recording", "%.0f ms", memory * 1000);
        MemoryCounts counted = MemoryCounts.of(snapshot, Selection.NOT_IDLE, Cancel.NEVER);
        double lines = time(9, () -> LineMemory.of(counted, LEAF_FILE, Cancel.NEVER));
        report("per-line memory of one file (from attributed samples)", "%.1f ms", lines * 1000);
        double keys = time(7, () -> KeyMemory.of(counted, KeyBy.FUNCTION, Transforms.NONE, Cancel.NEVER));
        report("per-function memory (from attributed samples)", "%.0f ms", keys * 1000);
        // Idle samples included: a fifth of the samples are idle, and a hole at every one would leave no long call.
        double chart = time(5, () -> TimeOrder.of(snapshot, Selection.ALL, 0, KeyBy.FUNCTION, Transforms.NONE,
            end / 1600, Cancel.NEVER));
        report("time-order chart of one thread, 1,600 pixels", "%.0f ms", chart * 1000);
        System.out.printf(Locale.ROOT, "    (%,d rectangles)%n",
            TimeOrder.of(snapshot, Selection.ALL, 0, KeyBy.FUNCTION, Transforms.NONE, end / 1600, Cancel.NEVER).size());

        // Last, as it changes the profile: the same samples as a recording of 4 processes of 2 threads each, for the
        // cost of the timeline's per-process CPU lines.
        for (int i = 0; i < 4; i++) {
            p.process(new dev.pyrometer.model.ProcessInfo(100 + i, 1, i == 0 ? -1 : 0, "python3 app.py", "3.12.0", 0,
                dev.pyrometer.model.ProcessInfo.RUNNING));
        }
        for (int t = 0; t < THREADS; t++) p.assignProcess(t, t / 2);
        Snapshot processes = Snapshot.of(p);
        double byProcess = time(7, () -> Timeline.of(processes, 0, end + 1, 1600, Cancel.NEVER));
        report("timeline buckets, the same as 4 processes of 2 threads", "%.0f ms", byProcess * 1000);
    }

    /** Pre-built stacks so the timed loop measures the model, not the generator. */
    private static final class Workload {
        final int[][] stacks;

        Workload(int distinct) {
            stacks = new int[distinct][];
        }

        /**
         * A stack tree shaped like a program's: a common chain (main, event loop...), seven subsystems, then four
         * levels of branching down to the leaves; {@code k} picks the path.
         */
        Profile ingest(int samples) {
            Profile p = new Profile();
            int[] threads = new int[THREADS];
            for (int t = 0; t < THREADS; t++) threads[t] = p.thread(1000 + t, t == 0 ? "MainThread" : "worker-" + t);
            int[][] frames = framesOf(p);
            long seed = 42;
            for (int i = 0; i < samples; i++) {
                seed = seed * 6364136223846793005L + 1442695040888963407L;
                int k = (int) ((seed >>> 33) % stacks.length);
                int[] stack = frames[k];
                int state = (i % 5 == 4) ? 0 : SampleState.RUNNING | (i % 3 == 0 ? SampleState.GIL : 0) | (i % 11 == 0 ? SampleState.NATIVE : 0);
                p.sample(i * 125_000L, threads[i % THREADS], stack, DEPTH, state, 1000, 0);
            }
            return p;
        }

        int[][] framesOf(Profile p) {
            int[][] frames = new int[stacks.length][DEPTH];
            for (int k = 0; k < stacks.length; k++) {
                int sub = k % 7;
                int rest = k / 7;
                for (int d = 0; d < DEPTH; d++) {
                    int frame;
                    if (d < 10) {
                        frame = p.frame("/app/main.py", "layer" + d, 10 + d, 1 + d);
                    } else if (d < 26) {
                        frame = p.frame("/app/sub" + sub + ".py", "step" + (d - 10), 20 + d, 20);
                    } else {
                        int digit = rest % 18;
                        rest /= 18;
                        frame = p.frame(LEAF_FILE, "leaf" + (d - 26) + "_" + digit, 100 + 20 * digit + d, 100 + 20 * digit);
                    }
                    frames[k][DEPTH - 1 - d] = frame; // innermost first, as samplers read them
                }
            }
            return frames;
        }
    }

    /**
     * The median CPU time over the runs: this thread's CPU time plus the garbage collector's pauses, what the work
     * costs on a machine of its own. On a shared machine that stays honest when other processes take the cores;
     * the median wall time is printed beside it.
     */
    private static double time(int runs, Supplier<Object> work) {
        for (int i = 0; i < 2; i++) work.get();
        double[] cpu = new double[runs];
        double[] wall = new double[runs];
        for (int i = 0; i < runs; i++) {
            long cpuStart = cpuNanos();
            long start = System.nanoTime();
            work.get();
            wall[i] = (System.nanoTime() - start) / 1e9;
            cpu[i] = (cpuNanos() - cpuStart) / 1e9;
        }
        lastWall = median(wall);
        return median(cpu);
    }

    private static double lastWall;

    private static long cpuNanos() {
        long gcMillis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) gcMillis += Math.max(0, gc.getCollectionTime());
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() + gcMillis * 1_000_000;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** Prints a figure; timings (from {@link #time}) are CPU time, with the wall time after them. */
    private static void report(String metric, String format, double value) {
        String wall = "";
        if (format.endsWith(" s") || format.endsWith(" ms")) {
            double scale = format.endsWith(" ms") ? 1000 : 1;
            wall = String.format(Locale.ROOT, "   (wall " + format.substring(format.lastIndexOf('%')) + ")", lastWall * scale);
        }
        System.out.printf(Locale.ROOT, "%-52s " + format + "%s%n", metric, value, wall);
    }

    private static void gc() {
        for (int i = 0; i < 3; i++) System.gc();
    }

    private static long heapAfterGc() {
        gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Columns only, for the record: {@value SampleTable#BYTES_PER_SAMPLE} bytes a sample by construction. */
    static final int COLUMN_BYTES = SampleTable.BYTES_PER_SAMPLE;
}
