package dev.pyrometer.app.ui.common;

import dev.pyrometer.model.CancelledException;
import dev.pyrometer.model.Progress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/** Runs work on a small pool of daemon threads and brings results back with {@link Platform#runLater}. */
public final class FxTaskRunner implements TaskRunner {
    private final ExecutorService pool;

    public FxTaskRunner() {
        AtomicInteger count = new AtomicInteger();
        // Two workers: one long load never holds up the quick aggregations behind it, and a 2-core machine keeps a
        // core for the UI thread and the sampler.
        pool = Executors.newFixedThreadPool(2, work -> {
            Thread thread = new Thread(work, "pyrometer-work-" + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setPriority(Thread.NORM_PRIORITY - 1);
            return thread;
        });
    }

    @Override
    public <T> Job submit(String title, Work<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        BasicJob job = new BasicJob(title);
        Progress progress = throttledProgress(job);
        pool.execute(() -> {
            try {
                T result = work.run(job.token, progress);
                Platform.runLater(() -> finish(job, () -> onSuccess.accept(result)));
            } catch (CancelledException cancelled) {
                Platform.runLater(() -> finish(job, () -> {}));
            } catch (Throwable failure) {
                Platform.runLater(() -> finish(job, () -> onFailure.accept(failure)));
            }
        });
        return job;
    }

    private void finish(BasicJob job, Runnable callback) {
        job.markDone();
        if (!job.isCancelled()) callback.run();
    }

    /** At most one progress update waits in the UI queue at a time; later values overwrite it. */
    private static Progress throttledProgress(BasicJob job) {
        AtomicBoolean queued = new AtomicBoolean();
        double[] latest = {-1};
        return (done, total) -> {
            synchronized (latest) {
                latest[0] = total > 0 ? Math.min(1, (double) done / total) : -1;
            }
            if (queued.compareAndSet(false, true)) {
                Platform.runLater(() -> {
                    queued.set(false);
                    synchronized (latest) {
                        job.setProgress(latest[0]);
                    }
                });
            }
        };
    }
}
