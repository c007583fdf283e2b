package dev.pyrometer.app.ui.common;

import dev.pyrometer.model.CancelledException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Runs every job at once on the caller's thread: view model tests stay deterministic and need no UI thread. */
public final class DirectTaskRunner implements TaskRunner {
    private final List<String> titles = new ArrayList<>();

    /** The titles of every job submitted, in order. */
    public List<String> titles() {
        return titles;
    }

    @Override
    public <T> Job submit(String title, Work<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        titles.add(title);
        BasicJob job = new BasicJob(title);
        T result;
        try {
            result = work.run(job.token, (done, total) -> job.setProgress(total > 0 ? (double) done / total : -1));
        } catch (CancelledException cancelled) {
            job.markDone();
            return job;
        } catch (Throwable failure) {
            job.markDone();
            onFailure.accept(failure);
            return job;
        }
        job.markDone();
        onSuccess.accept(result);
        return job;
    }
}
