package dev.pyrometer.app.ui.common;

import dev.pyrometer.model.Progress;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The one door to background work. View models hand long computations here (aggregations, loading a session,
 * reading a source file) and get the result back on the UI thread as an immutable value. Tests swap in
 * {@code DirectTaskRunner}, which runs everything at once on the caller's thread, so async code stays deterministic.
 */
public interface TaskRunner {

    /** A piece of background work: poll {@code cancelled} now and then and report progress when it is long. */
    @FunctionalInterface
    interface Work<T> {
        T run(BooleanSupplier cancelled, Progress progress) throws Exception;
    }

    /**
     * Runs {@code work} in the background. Exactly one of the callbacks runs later on the UI thread, unless the job
     * was cancelled first (then neither runs). A {@link dev.pyrometer.model.CancelledException} thrown by the work
     * counts as a cancellation, not a failure.
     *
     * @param title what the user would call this work, for a progress indicator ("Opening big.pyro")
     */
    <T> Job submit(String title, Work<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);
}
