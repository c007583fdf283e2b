package dev.pyrometer.app.ui.recording;

import dev.pyrometer.app.ui.common.Formats;
import dev.pyrometer.app.ui.common.TaskRunner;
import dev.pyrometer.app.ui.common.Ticker;
import java.time.Duration;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A recording as the status bar shows it: its state, its counters (polled a few times a second), pause / resume /
 * stop, and how it ended ("the target exited"). When it ends by itself it says so once and calls {@code onEnded}.
 */
public final class RecordingViewModel {
    /** What the recording is doing. */
    public enum State { RECORDING, PAUSED, STOPPING, ENDED }

    static final Duration POLL = Duration.ofMillis(250);

    private final Recording recording;
    private final RecordingSettings settings;
    private final TaskRunner runner;
    private final Runnable onEnded;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.RECORDING);
    private final ReadOnlyObjectWrapper<RecordingStats> stats = new ReadOnlyObjectWrapper<>(this, "stats", RecordingStats.NONE);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final Ticker.Subscription polling;

    /** @param onEnded runs once on the UI thread when the recording ends, however it ends */
    public RecordingViewModel(Recording recording, RecordingSettings settings, Ticker ticker, TaskRunner runner, Runnable onEnded) {
        this.recording = recording;
        this.settings = settings;
        this.runner = runner;
        this.onEnded = onEnded;
        this.polling = ticker.every(POLL, this::poll);
        message.set("Recording at " + Formats.rate(settings.rateHz())
            + (settings.duration() == null ? "" : " for " + Formats.elapsed(settings.duration())));
    }

    public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<RecordingStats> statsProperty() { return stats.getReadOnlyProperty(); }
    /** Counters in words: {@code 0:12 · 11,873 samples · 989 Hz · 0 errors · 2 late · target 98% CPU}. */
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    /** What happened last, in a sentence: recording, paused, "the target exited: the recording ended", a failure. */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public RecordingSettings settings() { return settings; }
    public State state() { return state.get(); }

    public boolean isActive() {
        return state.get() == State.RECORDING || state.get() == State.PAUSED;
    }

    public void pause() {
        if (state.get() != State.RECORDING) return;
        recording.pause();
        state.set(State.PAUSED);
        message.set("Paused: the target runs on unobserved");
    }

    public void resume() {
        if (state.get() != State.PAUSED) return;
        recording.resume();
        state.set(State.RECORDING);
        message.set("Recording at " + Formats.rate(settings.rateHz()));
    }

    public void togglePause() {
        if (state.get() == State.RECORDING) pause();
        else resume();
    }

    /** Stops in the background (the sampler finishes its tick first); the state ends up {@link State#ENDED}. */
    public void stop() {
        if (!isActive()) return;
        state.set(State.STOPPING);
        message.set("Stopping…");
        runner.submit("Stopping the recording", (cancelled, progress) -> {
            recording.stop();
            return recording.outcome();
        }, outcome -> ended(), error -> ended());
    }

    /**
     * Lets go of the recording as its tab closes: polling ends and {@code onEnded} will not run. Returns the recording's
     * own stop, which waits for the sampler to finish its tick: the caller runs it off the UI thread.
     */
    public Runnable detach() {
        polling.close();
        if (isActive()) state.set(State.STOPPING);
        return recording::stop;
    }

    /** Reads the counters and notices the end; the ticker calls this a few times a second. */
    void poll() {
        if (state.get() == State.ENDED) return;
        RecordingStats now = recording.stats();
        stats.set(now);
        summary.set(summarize(now));
        if (recording.outcome() != Recording.Outcome.RUNNING && state.get() != State.STOPPING) ended();
    }

    private void ended() {
        if (state.get() == State.ENDED) return;
        polling.close();
        RecordingStats last = recording.stats();
        stats.set(last);
        summary.set(summarize(last));
        String length = Formats.elapsed(Duration.ofNanos(last.elapsedNanos()));
        String text = switch (recording.outcome()) {
            case TARGET_EXITED -> (recording.endedByExec() ? "The target replaced its program" : "The target exited")
                + "; the recording ended after " + length + ".";
            case DURATION_ELAPSED -> "Recorded for the full " + length + ".";
            case FAILED -> "The recording failed: " + recording.failureMessage();
            case STOPPED, RUNNING -> "Stopped after " + length + ".";
        };
        String exec = recording.execNote();
        message.set(exec == null ? text : text + " " + exec);
        state.set(State.ENDED);
        onEnded.run();
    }

    static String summarize(RecordingStats s) {
        return Formats.elapsed(Duration.ofNanos(s.elapsedNanos())) + "  ·  " + Formats.count(s.samples(), "sample") + "  ·  "
            + Formats.rate(s.achievedRate()) + "  ·  " + Formats.count(s.errors(), "error") + "  ·  "
            + Formats.count(s.lateTicks()) + " late  ·  target " + String.format(java.util.Locale.ROOT, "%.0f%%", s.targetCpuPercent()) + " CPU";
    }
}
