package dev.pyrometer.app.ui.bench;

import dev.pyrometer.app.ui.shell.Services;
import dev.pyrometer.app.ui.shell.WorkbenchView;
import dev.pyrometer.app.ui.shell.WorkbenchViewModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.stage.Stage;

/** What the desktop benchmarks share: the FX platform, work on its thread, the workbench on a stage, timed repaints. */
final class BenchFx {
    private BenchFx() {}

    static void startPlatform() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
    }

    /** Runs {@code action} on the FX thread and waits for it; its failure is rethrown here. */
    static void onFx(Runnable action) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Platform.runLater(() -> {
            try {
                action.run();
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                done.countDown();
            }
        });
        if (!done.await(120, TimeUnit.SECONDS)) throw new IllegalStateException("the FX thread did not answer");
        if (failure.get() != null) throw new IllegalStateException(failure.get());
    }

    /** Makes something on the FX thread and hands it back. */
    static <T> T fromFx(Supplier<T> make) throws Exception {
        AtomicReference<T> made = new AtomicReference<>();
        onFx(() -> made.set(make.get()));
        return made.get();
    }

    /** The workbench on a shown 1000×1000 stage: the headless platform's screen size. */
    static WorkbenchView workbench(Supplier<Services> services) throws Exception {
        return fromFx(() -> {
            WorkbenchView view = new WorkbenchView(new WorkbenchViewModel(services.get()));
            Stage stage = new Stage();
            stage.setScene(new Scene(view.root(), 1000, 1000));
            stage.show();
            return view;
        });
    }

    /**
     * A drawing surface laid out at a size, in a scene that is not shown (the headless screen is too small for a
     * full-HD canvas); painting costs the UI thread the same either way: rasterising happens on the render thread.
     */
    static <R extends Region> R laidOut(Supplier<R> make, double width, double height) throws Exception {
        return fromFx(() -> {
            R region = make.get();
            new Scene(region, width, height);
            region.applyCss();
            region.resize(width, height);
            region.layout();
            return region;
        });
    }

    /** 300 repaints, one per UI-thread turn (as when a view changes every frame), after 50 to warm up; ns each, sorted. */
    static long[] paints(IntSupplier paint) throws Exception {
        onFx(() -> {
            for (int i = 0; i < 50; i++) paint.getAsInt();
        });
        long[] times = new long[300];
        for (int i = 0; i < times.length; i++) {
            int at = i;
            onFx(() -> {
                long start = System.nanoTime();
                paint.getAsInt();
                times[at] = System.nanoTime() - start;
            });
        }
        Arrays.sort(times);
        return times;
    }

    static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
