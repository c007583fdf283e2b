package dev.pyrometer.app.ui.compare;

import dev.pyrometer.model.Profile;
import java.nio.file.Path;
import javafx.beans.value.ObservableBooleanValue;

/**
 * One run of a comparison: its profile (a saved session, or a recording that is still growing), the name views
 * give it, its file if it has one, whether it is still recording, and the recorded process while it runs (its
 * {@code /proc/PID/root} finds sources in a container).
 *
 * @param live true while the profile grows; null for a finished run
 * @param pid  the recorded process while it may be alive, else 0
 */
public record RunSource(Profile profile, String name, Path file, ObservableBooleanValue live, int pid) {

    /** A finished run read from a file. */
    public static RunSource saved(Profile profile, Path file) {
        return new RunSource(profile, file.getFileName().toString(), file, null, 0);
    }

    public boolean isLive() {
        return live != null && live.get();
    }
}
