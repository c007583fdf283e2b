package dev.pyrometer.app.ui.session;

import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.Loaded;
import dev.pyrometer.model.Profile;
import dev.pyrometer.model.Progress;
import dev.pyrometer.model.PyrometerException;
import dev.pyrometer.model.interchange.Format;
import dev.pyrometer.model.interchange.ProfileFiles;
import dev.pyrometer.model.session.SessionRecorder;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * Session files through the model: any profile it reads can be opened (sessions, collapsed stacks, speedscope,
 * pprof); saving writes a session unless the chosen name asks for another format; recordings stream into a
 * {@link SessionRecorder}.
 */
public final class ModelSessionFiles implements SessionFiles {

    @Override
    public Opened open(Path file, Progress progress, BooleanSupplier cancelled) {
        Loaded loaded = ProfileFiles.read(file, progress, cancelled);
        return new Opened(loaded.profile(), loaded.report().warning());
    }

    @Override
    public void save(Profile profile, Path file, Progress progress, BooleanSupplier cancelled) {
        Cancel.check(cancelled);
        Format format = Format.ofPath(file);
        ProfileFiles.write(profile, file, format == null ? Format.SESSION : format);
    }

    @Override
    public void export(Profile profile, Path file, dev.pyrometer.model.aggregate.Roots roots, Progress progress,
                       BooleanSupplier cancelled) {
        Cancel.check(cancelled);
        Format format = Format.ofPath(file);
        if (format == null || format == Format.SESSION) save(profile, file, progress, cancelled);
        else ProfileFiles.write(profile, file, format, dev.pyrometer.model.interchange.ExportOptions.DEFAULT.withRoots(roots));
    }

    @Override
    public Autosave autosave(Profile profile, Path file) {
        SessionRecorder recorder = SessionRecorder.start(profile, file);
        return new Autosave() {
            private boolean closed;

            @Override
            public Path file() {
                return file;
            }

            @Override
            public String failure() {
                PyrometerException failure = recorder.failure();
                return failure == null ? null : failure.getMessage();
            }

            @Override
            public synchronized void close() {
                if (closed) return;
                closed = true;
                recorder.close();
            }
        };
    }
}
