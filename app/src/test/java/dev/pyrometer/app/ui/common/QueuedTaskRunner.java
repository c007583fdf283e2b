package dev.pyrometer.app.ui.common;

import dev.pyrometer.model.CancelledException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/** Holds jobs until the test runs them, so a test can cancel work in flight and see what the UI does meanwhile. */
public final class QueuedTaskRunner implements TaskRunner {
    private final Deque<Runnable> queue = new ArrayDeque<>();

    @Override
    public <T> Job submit(String title, Work<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        BasicJob job = new BasicJob(title);
        queue.add(() -> {
            T result;
            try {
                result = work.run(job.token, (done, total) -> job.setProgress(total > 0 ? (double) done / total : -1));
            } catch (CancelledException cancelled) {
                job.markDone();
                return;
            } catch (Throwable failure) {
                job.markDone();
                if (!job.isCancelled()) onFailure.accept(failure);
                return;
            }
            job.markDone();
            if (!job.isCancelled()) onSuccess.accept(result);
        });
        return job;
    }

    /** Runs every queued job (and the jobs they queue), in order. */
    public void runAll() {
        while (!queue.isEmpty()) queue.poll().run();
    }

    public int pending() {
        return queue.size();
    }
}
