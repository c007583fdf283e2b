package dev.pyrometer.app.ui.common;

import java.util.function.Consumer;

/**
 * Background work of which only the newest request counts (a layout for the latest width, the heat of the latest
 * analysis): starting a job cancels the one in flight, and an answer that a newer job overtook is dropped. One per
 * kind of work in a view model; UI thread only.
 */
public final class LatestJob {
    private final TaskRunner runner;
    private Job inFlight;

    public LatestJob(TaskRunner runner) {
        this.runner = runner;
    }

    /**
     * Cancels the job in flight and submits this one to the runner. As with {@link TaskRunner#submit}, exactly one
     * callback runs on the UI thread, unless the job is cancelled or overtaken first (then neither runs).
     */
    public <T> void start(String title, TaskRunner.Work<T> work, Consumer<? super T> onSuccess,
                          Consumer<? super Throwable> onFailure) {
        cancel();
        Job[] job = new Job[1];
        job[0] = runner.submit(title, work, result -> {
            if (landed(job[0])) onSuccess.accept(result);
        }, error -> {
            if (landed(job[0])) onFailure.accept(error);
        });
        // A same-thread runner has already finished the work by now: only a job still running is in flight.
        inFlight = job[0].isDone() ? null : job[0];
    }

    /** True while a job started here has neither landed nor failed. */
    public boolean isRunning() {
        return inFlight != null && !inFlight.isDone();
    }

    /** Asks the job in flight to stop; its callbacks will not run. */
    public void cancel() {
        if (inFlight != null) inFlight.cancel();
    }

    /** Whether an answer is the newest job's; {@code job} is null when a same-thread runner answers inside submit. */
    private boolean landed(Job job) {
        if (job != null && job != inFlight) return false;
        inFlight = null;
        return true;
    }
}
