package dev.pyrometer.app.ui.bench;

import static dev.pyrometer.app.ui.bench.BenchFx.onFx;

import dev.pyrometer.app.ui.analysis.AnalysisViewModel;
import dev.pyrometer.app.ui.analysis.FrameSelection;
import dev.pyrometer.app.ui.common.DirectTaskRunner;
import dev.pyrometer.app.ui.flame.FlameGraphViewModel;
import dev.pyrometer.app.ui.flame.FlameStyle;
import dev.pyrometer.app.ui.flame.TimeOrderCanvas;
import dev.pyrometer.app.ui.flame.TimeOrderViewModel;
import dev.pyrometer.app.ui.support.PythonProgram;
import dev.pyrometer.app.ui.timeline.TimelineCanvas;
import dev.pyrometer.app.ui.timeline.TimelineStyle;
import dev.pyrometer.app.ui.timeline.TimelineViewModel;
import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.SampleState;
import dev.pyrometer.model.aggregate.Snapshot;
import dev.pyrometer.model.aggregate.Timeline;
import dev.pyrometer.sampler.memory.KeptOpenFile;
import dev.pyrometer.sampler.proc.Statm;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The timeline's benchmarks, run by {@code bench/ui.sh timeline} on JavaFX's headless platform:
 * <ol>
 *   <li>timeline data: {@link Timeline#of} over a 1,000,000-sample recording (8 threads at 1 kHz for 125 s, states
 *   drawn at random per sample so no two neighbouring pixels look alike, a memory reading per tick) into 1,780
 *   buckets, the plot of a 1920-pixel-wide timeline; the UI thread never waits for it (it runs in the background),
 *   but a frame's budget is the figure to beat;</li>
 *   <li>timeline redraw: the UI-thread time of {@code TimelineCanvas.paint()} on a 1920×300 canvas with that data;</li>
 *   <li>the time-order flame chart of a 1M-sample recording of 256 distinct 40-frame call paths, each call lasting
 *   100 to 3,000 samples (about 26,000 rectangles at least a pixel wide): layout and redraw on a 1920×600 canvas;</li>
 *   <li>the sampler's memory reading: one {@code pread} of {@code /proc/PID/statm} and the parse the sampler does,
 *   on a live Python process, in CPU time of the reading thread.</li>
 * </ol>
 */
final class TimelineBenchmark {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private TimelineBenchmark() {}

    static void run() throws Exception {
        timeline();
        timeOrder();
        memoryRead();
    }

    static void timeline() throws Exception {
        Profile profile = randomStates(8, 125_000);
        Snapshot snapshot = Snapshot.of(profile);
        long end = Timeline.endMicros(snapshot);
        int buckets = 1920 - 140;
        double[] data = timeCpu(50, () -> Timeline.of(snapshot, 0, end + 1, buckets, Cancel.NEVER));

        DirectTaskRunner direct = new DirectTaskRunner();
        AnalysisViewModel analysis = new AnalysisViewModel(profile, direct);
        TimelineViewModel model = new TimelineViewModel(analysis, direct);
        TimelineCanvas canvas = BenchFx.laidOut(() -> new TimelineCanvas(model, TimelineStyle.of(false)), 1920, 300);
        onFx(analysis::rebuild);
        onFx(() -> model.select(end / 3, end / 2)); // a selection drawn over it, as usual
        long[] paint = BenchFx.paints(canvas::paint);
        int drawn = BenchFx.fromFx(canvas::paint);
        System.out.printf(Locale.ROOT, "timeline data, %,d samples (%d threads, %,d memory readings) into %,d buckets: "
                + "median %.1f ms CPU (wall %.1f ms)%n", snapshot.samples(), snapshot.threads(), snapshot.memory(), buckets,
            data[0], data[1]);
        System.out.printf(Locale.ROOT, "timeline redraw, 1920x300, %,d rectangles: median %.2f ms, p95 %.2f ms, worst %.2f ms%n",
            drawn, paint[paint.length / 2] / 1e6, paint[paint.length * 95 / 100] / 1e6, paint[paint.length - 1] / 1e6);
    }

    static void timeOrder() throws Exception {
        Profile profile = WideProfiles.of(256, 40, 1_000_000, 100, 3000);
        DirectTaskRunner direct = new DirectTaskRunner();
        AnalysisViewModel analysis = new AnalysisViewModel(profile, direct);
        SimpleObjectProperty<FrameSelection> selection = new SimpleObjectProperty<>();
        FlameGraphViewModel flame = new FlameGraphViewModel(analysis, selection, direct);
        TimeOrderViewModel chart = new TimeOrderViewModel(analysis, selection, flame, direct);
        TimeOrderCanvas canvas = BenchFx.laidOut(() -> new TimeOrderCanvas(chart, FlameStyle.light()), 1920, 600);
        onFx(analysis::rebuild);
        long[] layout = new long[7];
        for (int i = 0; i < 2 + layout.length; i++) {
            long start = System.nanoTime();
            onFx(() -> flame.timeOrderProperty().set(true));
            if (i >= 2) layout[i - 2] = System.nanoTime() - start;
            onFx(() -> flame.timeOrderProperty().set(false));
        }
        onFx(() -> flame.timeOrderProperty().set(true));
        long[] paint = BenchFx.paints(canvas::paint);
        int drawn = BenchFx.fromFx(canvas::paint);
        Arrays.sort(layout);
        System.out.printf(Locale.ROOT, "time-order chart of %,d samples, %,d rectangles in the layout: layout median %.0f ms; "
                + "redraw 1920x600 (%,d drawn) median %.2f ms, p95 %.2f ms, worst %.2f ms%n", profile.samples().size(),
            chart.scene().chart().size(), layout[layout.length / 2] / 1e6, drawn, paint[paint.length / 2] / 1e6,
            paint[paint.length * 95 / 100] / 1e6, paint[paint.length - 1] / 1e6);
    }

    /** The sampler's per-tick memory reading on a live Python process: pread of statm plus the parse. */
    static void memoryRead() throws Exception {
        var program = PythonProgram.start(BenchFx.tempDir("pyrometer-bench"));
        try (KeptOpenFile statm = KeptOpenFile.open("/proc/" + program.pid() + "/statm", 256)) {
            int reads = 200_000;
            long sink = 0;
            for (int i = 0; i < 20_000; i++) sink += readResident(statm);
            double[] runs = new double[5];
            for (int r = 0; r < runs.length; r++) {
                long cpu = THREADS.getCurrentThreadCpuTime();
                for (int i = 0; i < reads; i++) sink += readResident(statm);
                runs[r] = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e3 / reads;
            }
            Arrays.sort(runs);
            System.out.printf(Locale.ROOT, "memory reading (pread /proc/PID/statm + parse), per tick: median %.2f µs CPU, "
                + "best %.2f µs (%d)%n", runs[runs.length / 2], runs[0], sink & 1);
        } finally {
            program.close();
        }
    }

    /** What Sampler.tick does with statm: read it again and take the second field, resident pages. */
    private static long readResident(KeptOpenFile statm) {
        int n = statm.reread();
        return Statm.residentPages(statm.bytes(), n) * 4096;
    }

    /** Median CPU time and median wall time, in milliseconds, of {@code runs} runs after five to warm up. */
    private static double[] timeCpu(int runs, Supplier<Object> work) {
        for (int i = 0; i < 5; i++) work.get();
        double[] cpu = new double[runs], wall = new double[runs];
        for (int i = 0; i < runs; i++) {
            long c = THREADS.getCurrentThreadCpuTime(), w = System.nanoTime();
            work.get();
            cpu[i] = (THREADS.getCurrentThreadCpuTime() - c) / 1e6;
            wall[i] = (System.nanoTime() - w) / 1e6;
        }
        Arrays.sort(cpu);
        Arrays.sort(wall);
        return new double[] {cpu[runs / 2], wall[runs / 2]};
    }

    /** {@code threads} threads sampled every tick at 1 kHz with a state drawn at random, and a memory reading per tick. */
    static Profile randomStates(int threads, int ticks) {
        Profile p = new Profile();
        int[] thread = new int[threads];
        for (int t = 0; t < threads; t++) thread[t] = p.thread(1000 + t, t == 0 ? "MainThread" : "worker-" + t);
        int[][] stacks = new int[16][];
        for (int s = 0; s < stacks.length; s++) {
            stacks[s] = new int[] {p.frame("/app/work.py", "leaf" + s, 10 + s, 9), p.frame("/app/main.py", "main", 5, 1)};
        }
        int[] states = {SampleState.RUNNING | SampleState.GIL, SampleState.RUNNING | SampleState.NATIVE,
            SampleState.RUNNING | SampleState.SYSTEM, 0};
        SplittableRandom random = new SplittableRandom(7);
        long resident = 100L << 20;
        for (int tick = 0; tick < ticks; tick++) {
            long nanos = tick * 1_000_000L;
            resident += random.nextInt(-64 << 10, (64 << 10) + 1);
            p.memory(nanos, resident);
            for (int t = 0; t < threads; t++) {
                int state = states[random.nextInt(states.length)];
                p.sample(nanos, thread[t], stacks[random.nextInt(stacks.length)], 2, state,
                    state == 0 ? 0 : 800, state == 0 ? 0 : 200);
            }
        }
        return p;
    }
}
