package dev.pyrometer.app.ui.session;

import dev.pyrometer.model.Profile;
import dev.pyrometer.model.Progress;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * Reading and writing session files. Errors the user can act on (missing file, not a session, a newer format) are
 * {@link dev.pyrometer.model.PyrometerException}s; a damaged file loads up to the damage and says so.
 */
public interface SessionFiles {

    /** A loaded profile and, when the file was damaged or cut short, a sentence saying what was recovered. */
    record Opened(Profile profile, String warning) {}

    Opened open(Path file, Progress progress, BooleanSupplier cancelled);

    /** Writes a whole profile (to a temporary file renamed into place: never half a file). */
    void save(Profile profile, Path file, Progress progress, BooleanSupplier cancelled);

    /**
     * Writes a profile for other tools, in the format the name asks for; pictures (SVG, HTML) with the flame graph's
     * root frames (a tower per process or thread).
     */
    default void export(Profile profile, Path file, dev.pyrometer.model.aggregate.Roots roots, Progress progress,
                        BooleanSupplier cancelled) {
        save(profile, file, progress, cancelled);
    }

    /** Streams a live profile to a file as it grows, so a crash loses at most the last moments. */
    Autosave autosave(Profile profile, Path file);

    /** A running autosave; closing it writes what is left and ends the file. */
    interface Autosave extends AutoCloseable {
        Path file();

        /**
         * Why the autosave stopped writing (a full disk, the file removed), in one sentence, from the moment it did;
         * null while it works. The recording goes on in memory.
         */
        default String failure() {
            return null;
        }

        /** Ends the file; a {@link dev.pyrometer.model.PyrometerException} when it cannot be written. */
        @Override
        void close();
    }

    /** The extension of session files, with the dot. */
    String EXTENSION = ".pyro";
}
