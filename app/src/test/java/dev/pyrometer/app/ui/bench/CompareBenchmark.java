package dev.pyrometer.app.ui.bench;

import static dev.pyrometer.app.ui.bench.BenchFx.onFx;

import dev.pyrometer.app.desktop.DesktopRequest;
import dev.pyrometer.app.ui.analysis.Analysis;
import dev.pyrometer.app.ui.analysis.AnalysisRequest;
import dev.pyrometer.app.ui.common.FxTaskRunner;
import dev.pyrometer.app.ui.common.FxTicker;
import dev.pyrometer.app.ui.common.UiSettings;
import dev.pyrometer.app.ui.compare.CompareView;
import dev.pyrometer.app.ui.compare.Comparison;
import dev.pyrometer.app.ui.session.ModelSessionFiles;
import dev.pyrometer.app.ui.shell.Services;
import dev.pyrometer.app.ui.shell.WorkbenchView;
import dev.pyrometer.app.ui.shell.WorkbenchViewModel;
import dev.pyrometer.app.ui.support.DemoApp;
import dev.pyrometer.app.ui.support.ScriptedDialogs;
import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.aggregate.KeyBy;
import dev.pyrometer.model.aggregate.Selection;
import dev.pyrometer.model.aggregate.Snapshot;
import dev.pyrometer.model.aggregate.Transforms;
import dev.pyrometer.model.diff.Normalization;
import dev.pyrometer.model.session.SessionWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;

/**
 * The comparison's benchmarks, run by {@code bench/ui.sh compare} on JavaFX's headless platform:
 * <ol>
 *   <li>computing a comparison of two wide call trees (1,024 and 960 distinct 120-frame paths, 400,000 samples each):
 *   the merged call paths and the per-function table, from two finished analyses, median of 7 after 2 warm-ups;</li>
 *   <li>opening a comparison of two 1,000,000-sample sessions (256 and 240 distinct 40-frame paths) through the
 *   workbench, as {@code pyrometer compare BASE NEW} does: reading both files, analysing both, comparing, laying
 *   out and painting the differential flame graph; best, median and worst of 7 after 2 warm-ups.</li>
 * </ol>
 */
public final class CompareBenchmark {
    private CompareBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchFx.startPlatform();
        int status = 1;
        try {
            compute();
            open();
            status = 0;
        } finally {
            // The FX thread would keep the JVM alive after a failure.
            Platform.exit();
            System.exit(status);
        }
    }

    static void compute() {
        AnalysisRequest request = new AnalysisRequest(Selection.NOT_IDLE, KeyBy.FUNCTION, Transforms.NONE);
        Analysis base = Analysis.compute(Snapshot.of(WideProfiles.of(1024, 120, 400_000)), request, Cancel.NEVER);
        Analysis news = Analysis.compute(Snapshot.of(WideProfiles.of(960, 120, 400_000)), request, Cancel.NEVER);
        long[] times = new long[9];
        Comparison c = null;
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            c = Comparison.compute(base, news, Normalization.SHARE, Cancel.NEVER);
            times[i] = System.nanoTime() - start;
        }
        long[] measured = Arrays.copyOfRange(times, 2, times.length);
        Arrays.sort(measured);
        System.out.printf(Locale.ROOT, "compare compute: trees of %,d and %,d nodes -> %,d merged paths, %,d table rows; "
                + "median %.0f ms, worst %.0f ms%n", base.tree().size(), news.tree().size(), c.tree().size(), c.table().size(),
            measured[measured.length / 2] / 1e6, measured[measured.length - 1] / 1e6);
    }

    static void open() throws Exception {
        Path dir = Files.createTempDirectory("pyrometer-bench-compare");
        Path before = dir.resolve("before-1m.pyro");
        Path after = dir.resolve("after-1m.pyro");
        SessionWriter.save(WideProfiles.of(256, 40, 1_000_000), before);
        SessionWriter.save(WideProfiles.of(240, 40, 1_000_000), after);
        WorkbenchView view = BenchFx.workbench(() -> new Services(new FxTaskRunner(), new FxTicker(), List::of,
            new DemoApp.LiveTargets(), new ModelSessionFiles(), new ScriptedDialogs(), UiSettings.inMemory(), dir.resolve("autosave")));
        WorkbenchViewModel model = view.model();
        long[] times = new long[9];
        for (int i = 0; i < times.length; i++) {
            times[i] = openAndPaint(model, view, before, after);
            onFx(() -> model.closeComparison(model.selectedComparison()));
        }
        long[] measured = Arrays.copyOfRange(times, 2, times.length);
        Arrays.sort(measured);
        // Closed comparisons must not linger: what is left is the workbench and the platform.
        for (int i = 0; i < 3; i++) System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "heap in use after closing %d comparisons: %.0f MB%n", times.length,
            (rt.totalMemory() - rt.freeMemory()) / 1e6);
        System.out.printf(Locale.ROOT, "open a comparison of two 1M-sample sessions (%.1f + %.1f MB) to the painted differential "
                + "flame graph: best %.0f ms, median %.0f ms, worst %.0f ms%n", Files.size(before) / 1e6, Files.size(after) / 1e6,
            measured[0] / 1e6, measured[measured.length / 2] / 1e6, measured[measured.length - 1] / 1e6);
    }

    private static long openAndPaint(WorkbenchViewModel model, WorkbenchView view, Path before, Path after) throws Exception {
        long start = System.nanoTime();
        onFx(() -> model.handle(DesktopRequest.compare(before, after)));
        long[] painted = {0};
        long[] phases = new long[4];
        while (painted[0] == 0) {
            onFx(() -> {
                CompareView shown = view.selectedCompareView();
                if (shown == null) return;
                if (phases[0] == 0) phases[0] = System.nanoTime();
                var m = shown.model();
                if (phases[1] == 0 && m.baseAnalysis().analysis() != null && m.newAnalysis().analysis() != null) phases[1] = System.nanoTime();
                if (m.comparison() == null) return;
                if (phases[2] == 0) phases[2] = System.nanoTime();
                var scene = shown.model().diffFlame().scene();
                if (phases[3] == 0 && scene != null) phases[3] = System.nanoTime();
                if (scene != null && scene.annotations() != null && scene.annotations().tree() == shown.model().comparison().news().tree()
                    && shown.diffFlame().canvas().paintedScene() == scene) {
                    painted[0] = System.nanoTime();
                }
            });
            if (painted[0] == 0) Thread.sleep(2);
        }
        if (Boolean.getBoolean("bench.phases")) {
            System.out.printf(Locale.ROOT, "  read both + view %.0f ms, analyses %.0f ms, comparison %.0f ms, layout %.0f ms, paint %.0f ms%n",
                (phases[0] - start) / 1e6, (phases[1] - phases[0]) / 1e6, (phases[2] - phases[1]) / 1e6,
                (phases[3] - phases[2]) / 1e6, (painted[0] - phases[3]) / 1e6);
        }
        return painted[0] - start;
    }
}
