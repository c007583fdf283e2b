package dev.pyrometer.app.ui.bench;

import static dev.pyrometer.app.ui.bench.BenchFx.onFx;
import static dev.pyrometer.app.ui.bench.BenchFx.tempDir;

import dev.pyrometer.app.desktop.DesktopRequest;
import dev.pyrometer.app.ui.analysis.AnalysisViewModel;
import dev.pyrometer.app.ui.analysis.FrameSelection;
import dev.pyrometer.app.ui.common.DirectTaskRunner;
import dev.pyrometer.app.ui.common.FxTaskRunner;
import dev.pyrometer.app.ui.common.FxTicker;
import dev.pyrometer.app.ui.common.UiSettings;
import dev.pyrometer.app.ui.flame.FlameCanvas;
import dev.pyrometer.app.ui.flame.FlameGraphViewModel;
import dev.pyrometer.app.ui.flame.FlameStyle;
import dev.pyrometer.app.ui.recording.SamplerTargetService;
import dev.pyrometer.app.ui.session.ModelSessionFiles;
import dev.pyrometer.app.ui.shell.Services;
import dev.pyrometer.app.ui.shell.WorkbenchView;
import dev.pyrometer.app.ui.shell.WorkbenchViewModel;
import dev.pyrometer.app.ui.support.DemoApp;
import dev.pyrometer.app.ui.support.DemoProfiles;
import dev.pyrometer.app.ui.support.MemorySessionFiles;
import dev.pyrometer.app.ui.support.PythonProgram;
import dev.pyrometer.app.ui.support.ScriptedDialogs;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.session.SessionWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The desktop app's benchmarks, run by {@code bench/ui.sh} on JavaFX's headless platform (software rendering):
 * <ol>
 *   <li>flame graph redraw: the UI-thread time of one full repaint of a 1920×1000 canvas whose layout holds over
 *   100,000 frames (all one pixel or wider), median and worst of 300 repaints;</li>
 *   <li>opening a session: a 1,000,000-sample session file (written by the model's SessionWriter) is opened
 *   through the workbench as the user would; the time runs from the request to the first flame graph painted with
 *   it, including reading the file, aggregating and laying out. Two shapes: the demo program's few stacks, and
 *   256 distinct 40-frame paths;</li>
 *   <li>pulse gaps while recording: the workbench records a real Python program (a busy loop) with the sampler at
 *   1 kHz, with the flame graph, tables and source pane on screen; after 5 s of warm-up
 *   (JIT, first layout) an AnimationTimer timestamps every pulse for 20 s. The longest wall-clock gap includes
 *   time the OS gave to other processes; the UI thread's own CPU time between two pulses (ThreadMXBean) is the
 *   time our code held it. Run it on a real display (or Xvfb): the headless platform paces pulses differently.</li>
 *   <li>the timeline, the time-order chart and the sampler's memory reading: see {@link TimelineBenchmark}.</li>
 * </ol>
 */
public final class UiBenchmark {
    private UiBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchFx.startPlatform();
        List<String> which = args.length == 0 ? List.of("redraw", "open", "pulses") : List.of(args);
        if (which.contains("redraw")) redraw();
        if (which.contains("open")) open();
        if (which.contains("pulses")) pulses(Integer.getInteger("bench.seconds", 20));
        if (which.contains("timeline")) TimelineBenchmark.run();
        Platform.exit();
        System.exit(0);
    }

    static void redraw() throws Exception {
        Profile profile = WideProfiles.of(1024, 120, 400_000);
        DirectTaskRunner direct = new DirectTaskRunner();
        AnalysisViewModel analysis = new AnalysisViewModel(profile, direct);
        FlameGraphViewModel flame = new FlameGraphViewModel(analysis, new SimpleObjectProperty<FrameSelection>(), direct);
        FlameCanvas canvas = BenchFx.laidOut(() -> new FlameCanvas(flame, FlameStyle.light()), 1920, 1000);
        long t0 = System.nanoTime();
        onFx(analysis::rebuild);
        long analysed = System.nanoTime();
        int nodes = flame.scene().size();
        int rows = flame.scene().layout().depthCount();
        long[] times = BenchFx.paints(canvas::paint);
        int drawn = BenchFx.fromFx(canvas::paint);
        System.out.printf(Locale.ROOT, "flame redraw: %,d nodes in the layout over %d levels, %,d rectangles on screen; "
                + "median %.2f ms, p95 %.2f ms, worst %.2f ms (aggregation + layout of 400k samples: %.0f ms)%n",
            nodes, rows, drawn, times[times.length / 2] / 1e6, times[times.length * 95 / 100] / 1e6,
            times[times.length - 1] / 1e6, (analysed - t0) / 1e6);
    }

    static void open() throws Exception {
        Path dir = Files.createTempDirectory("pyrometer-bench-open");
        Path demo = dir.resolve("demo-1m.pyro");
        Path wide = dir.resolve("wide-1m.pyro");
        SessionWriter.save(DemoProfiles.cpuDemo(910_000), demo);
        SessionWriter.save(WideProfiles.of(256, 40, 1_000_000), wide);
        WorkbenchView view = BenchFx.workbench(() -> new Services(new FxTaskRunner(), new FxTicker(), List::of,
            new DemoApp.LiveTargets(), new ModelSessionFiles(), new ScriptedDialogs(), UiSettings.inMemory(),
            tempDir("pyrometer-bench-autosave")));
        WorkbenchViewModel model = view.model();
        // Warm up twice (class loading and JIT), then measure each file seven times.
        for (int i = 0; i < 2; i++) {
            openAndPaint(model, view, demo);
            onFx(() -> model.close(model.selected(), () -> { }));
        }
        for (Path file : List.of(demo, wide)) {
            long[] times = new long[7];
            long samples = 0;
            for (int i = 0; i < times.length; i++) {
                times[i] = openAndPaint(model, view, file);
                samples = model.selected().profile().samples().size();
                onFx(() -> model.close(model.selected(), () -> { }));
            }
            Arrays.sort(times);
            System.out.printf(Locale.ROOT, "open %s (%,d samples, %.1f MB) to first flame graph: best %.0f ms, median %.0f ms, "
                + "worst %.0f ms%n", file.getFileName(), samples, Files.size(file) / 1e6, times[0] / 1e6, times[3] / 1e6, times[6] / 1e6);
        }
    }

    /** Opens a session and returns the nanoseconds until its flame graph has been painted. */
    private static long openAndPaint(WorkbenchViewModel model, WorkbenchView view, Path file) throws Exception {
        long start = System.nanoTime();
        onFx(() -> model.open(List.of(file)));
        long[] painted = {0};
        long[] phases = new long[3];
        while (painted[0] == 0) {
            onFx(() -> {
                var workspace = model.selected();
                var shown = view.selectedView();
                if (workspace == null || shown == null) return;
                if (phases[0] == 0) phases[0] = System.nanoTime();
                if (phases[1] == 0 && workspace.analysis().analysis() != null) phases[1] = System.nanoTime();
                if (workspace.flame().scene() == null) return;
                if (phases[2] == 0) phases[2] = System.nanoTime();
                var canvas = shown.flame().canvas();
                if (canvas.paintedScene() == workspace.flame().scene()) painted[0] = System.nanoTime();
            });
            if (painted[0] == 0) Thread.sleep(2);
        }
        if (Boolean.getBoolean("bench.phases")) {
            System.out.printf(Locale.ROOT, "  read+workspace %.0f ms, analysis %.0f ms, layout %.0f ms, paint %.0f ms%n",
                (phases[0] - start) / 1e6, (phases[1] - phases[0]) / 1e6, (phases[2] - phases[1]) / 1e6, (painted[0] - phases[2]) / 1e6);
        }
        return painted[0] - start;
    }

    static void pulses(int seconds) throws Exception {
        var settings = new UiSettings(Files.createTempDirectory("pyrometer-bench").resolve("ui.properties"));
        settings.put("record.rate", "1000");
        long[] gaps = new long[seconds * 200];
        long[] cpu = new long[seconds * 200];
        int[] count = {0};
        long[] last = {0, 0};
        boolean[] measuring = {false};
        var threads = ManagementFactory.getThreadMXBean();
        var program = PythonProgram.start(tempDir("pyrometer-bench-autosave"));
        WorkbenchViewModel model = BenchFx.workbench(() -> new Services(new FxTaskRunner(), new FxTicker(), List::of,
            new SamplerTargetService(), new MemorySessionFiles(), new ScriptedDialogs(), settings,
            tempDir("pyrometer-bench-autosave"))).model();
        onFx(() -> {
            model.handle(new DesktopRequest(program.pid(), List.of(), List.of()));
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    long cpuNow = threads.getCurrentThreadCpuTime();
                    if (measuring[0] && last[0] != 0 && count[0] < gaps.length) {
                        gaps[count[0]] = now - last[0];
                        cpu[count[0]++] = cpuNow - last[1];
                    }
                    last[0] = now;
                    last[1] = cpuNow;
                }
            }.start();
        });
        // Click into the graph after a second so the source pane and tables follow the live profile too.
        Thread.sleep(1000);
        onFx(() -> {
            var workspace = model.selected();
            var scene = workspace.flame().scene();
            if (scene != null && scene.size() > 3) workspace.flame().click(3);
        });
        Thread.sleep(4000);
        onFx(() -> measuring[0] = true);
        Thread.sleep(seconds * 1000L);
        onFx(() -> measuring[0] = false);
        long samples = model.selected().profile().samples().size();
        String stats = model.selected().recording().summaryProperty().get();
        onFx(() -> model.selected().dispose(true));
        program.close();
        long[] measured = Arrays.copyOf(gaps, count[0]);
        long[] busy = Arrays.copyOf(cpu, count[0]);
        Arrays.sort(measured);
        Arrays.sort(busy);
        System.out.printf(Locale.ROOT, "pulses while recording at 1 kHz (%d s measured, %,d samples in the profile): %,d pulses; "
                + "gap median %.1f ms, p99 %.1f ms, longest %.1f ms; UI-thread CPU per gap median %.1f ms, p99 %.1f ms, "
                + "most %.1f ms%n", seconds, samples, measured.length, measured[measured.length / 2] / 1e6,
            measured[measured.length * 99 / 100] / 1e6, measured[measured.length - 1] / 1e6,
            busy[busy.length / 2] / 1e6, busy[busy.length * 99 / 100] / 1e6, busy[busy.length - 1] / 1e6);
        System.out.println("  recording: " + stats);
    }
}
