package dev.pyrometer.model.session;

import dev.pyrometer.model.Profile;
import dev.pyrometer.model.SampleState;
import java.nio.file.Path;
import java.time.Duration;

/** A process that records into a session file until it is killed: {@code RecordingChild FILE}. */
public final class RecordingChild {
    public static void main(String[] args) throws Exception {
        Profile profile = new Profile();
        profile.metadata("command", "recording child");
        SessionRecorder.start(profile, Path.of(args[0]), Duration.ofMillis(100));
        int thread = profile.thread(1, "MainThread");
        int[] frames = {profile.frame("child.py", "leaf", 3, 2), profile.frame("child.py", "main", 10, 1)};
        for (long i = 0; ; i++) {
            profile.sample(i * 1_000_000, thread, frames, 2, SampleState.RUNNING, 1000, 0);
            if (i % 100 == 99) Thread.sleep(1); // about 100k samples a second: memory grows slowly
        }
    }
}
