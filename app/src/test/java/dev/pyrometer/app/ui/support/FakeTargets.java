package dev.pyrometer.app.ui.support;

import dev.pyrometer.app.ui.recording.AttachedTarget;
import dev.pyrometer.app.ui.recording.LaunchSpec;
import dev.pyrometer.app.ui.recording.Recording;
import dev.pyrometer.app.ui.recording.RecordingSettings;
import dev.pyrometer.app.ui.recording.RecordingStats;
import dev.pyrometer.app.ui.recording.TargetService;
import dev.pyrometer.app.ui.snapshot.ThreadDump;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.PyrometerException;
import dev.pyrometer.model.SampleSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An in-memory stand-in for the sampler, for view model tests: attaching to a known pid gives a target whose
 * recording is driven by the test ({@link FakeRecording#feed}, {@link FakeRecording#end}); unknown pids fail with
 * the message the test chose.
 */
public final class FakeTargets implements TargetService {
    public final Map<Integer, String> failures = new java.util.HashMap<>();
    public final List<FakeTarget> attached = new ArrayList<>();
    public final List<LaunchSpec> launched = new ArrayList<>();

    @Override
    public AttachedTarget attach(int pid, boolean subprocesses) {
        String failure = failures.get(pid);
        if (failure != null) throw new PyrometerException(failure);
        FakeTarget target = new FakeTarget(pid, "python3 app.py");
        target.subprocesses = subprocesses;
        attached.add(target);
        return target;
    }

    @Override
    public AttachedTarget launch(LaunchSpec spec) {
        launched.add(spec);
        FakeTarget target = new FakeTarget(9000 + launched.size(), String.join(" ", spec.command()));
        attached.add(target);
        return target;
    }

    public FakeTarget last() {
        return attached.getLast();
    }

    /** A target whose recording the test drives. */
    public static final class FakeTarget implements AttachedTarget {
        private final int pid;
        private final String command;
        public FakeRecording recording;
        /** Attached with its subprocesses. */
        public boolean subprocesses;
        public boolean closed;
        /** When set, closing fails with this message (after marking the target closed). */
        public String closeFailure;

        FakeTarget(int pid, String command) {
            this.pid = pid;
            this.command = command;
        }

        @Override public int pid() { return pid; }
        @Override public String commandLine() { return command; }
        @Override public String pythonVersion() { return "3.11.7"; }
        @Override public boolean isAlive() { return !closed && (recording == null || recording.outcome == Recording.Outcome.RUNNING); }

        @Override
        public List<ThreadDump> snapshot() {
            return List.of(new ThreadDump(pid, "MainThread", true, true, false,
                List.of(new ThreadDump.Frame("search", "/srv/app.py", 26), new ThreadDump.Frame("<module>", "/srv/app.py", 52))));
        }

        @Override
        public Recording record(RecordingSettings settings, SampleSink sink) {
            recording = new FakeRecording((Profile) sink);
            return recording;
        }

        @Override
        public void close() {
            closed = true;
            if (closeFailure != null) throw new PyrometerException(closeFailure);
        }
    }

    /** A recording that samples only when told to. */
    public static final class FakeRecording implements Recording {
        private final Profile profile;
        private long ticks;
        private volatile boolean paused;
        public volatile Outcome outcome = Outcome.RUNNING;

        FakeRecording(Profile profile) {
            this.profile = profile;
        }

        /** Appends demo samples, as if the sampler had read them. */
        public void feed(int samples) {
            DemoProfiles.feed(profile, samples, ticks);
            ticks += samples;
        }

        public void end(Outcome how) {
            outcome = how;
        }

        @Override public void pause() { paused = true; }
        @Override public void resume() { paused = false; }
        @Override public boolean isPaused() { return paused; }
        @Override public void stop() { if (outcome == Outcome.RUNNING) outcome = Outcome.STOPPED; }
        @Override public RecordingStats stats() { return new RecordingStats(ticks, 0, 0, ticks * 1_000_000L, 100); }
        @Override public Outcome outcome() { return outcome; }
        @Override public String failureMessage() { return outcome == Outcome.FAILED ? "the target's memory could not be read" : null; }
    }
}
