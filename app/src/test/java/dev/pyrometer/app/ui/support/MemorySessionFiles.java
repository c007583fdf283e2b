package dev.pyrometer.app.ui.support;

import dev.pyrometer.app.ui.session.SessionFiles;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.Progress;
import dev.pyrometer.model.PyrometerException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Session files kept in memory: tests check what was saved and decide what opening returns. */
public final class MemorySessionFiles implements SessionFiles {
    public final Map<Path, Profile> files = new HashMap<>();
    public final Map<Path, String> warnings = new HashMap<>();
    public final Map<Path, Boolean> autosaves = new HashMap<>();
    /** Autosave failures to report, by file: set one to make that autosave fail (as a full disk would). */
    public final Map<Path, String> autosaveFailures = new HashMap<>();
    /** Files whose save fails with this message. */
    public final Map<Path, String> saveFailures = new HashMap<>();

    @Override
    public Opened open(Path file, Progress progress, BooleanSupplier cancelled) {
        Profile profile = files.get(file);
        if (profile == null) throw new PyrometerException(file + " does not exist; check the path.");
        return new Opened(profile, warnings.get(file));
    }

    @Override
    public void save(Profile profile, Path file, Progress progress, BooleanSupplier cancelled) {
        if (saveFailures.containsKey(file)) throw new PyrometerException(saveFailures.get(file), 13, null);
        files.put(file, profile);
    }

    @Override
    public Autosave autosave(Profile profile, Path file) {
        autosaves.put(file, true);
        return new Autosave() {
            @Override
            public Path file() {
                return file;
            }

            @Override
            public String failure() {
                return autosaveFailures.get(file);
            }

            @Override
            public void close() {
                autosaves.put(file, false);
                String failure = autosaveFailures.get(file);
                if (failure != null) throw new PyrometerException(failure, 13, null);
            }
        };
    }
}
