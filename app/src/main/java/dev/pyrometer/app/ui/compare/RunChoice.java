package dev.pyrometer.app.ui.compare;

import dev.pyrometer.app.ui.session.WorkspaceViewModel;
import java.nio.file.Path;

/** One side of a comparison as the user picks it: a profile open in a tab (a session or a recording) or a file. */
public sealed interface RunChoice {

    /** An open tab's profile; a recording keeps growing, and the comparison follows it. */
    record Open(WorkspaceViewModel workspace) implements RunChoice {
        @Override
        public String toString() {
            return workspace.titleProperty().get() + (workspace.liveProperty().get() ? "  (recording)" : "  (open)");
        }
    }

    /** A session (or any profile the app reads) on disk. */
    record File(Path path) implements RunChoice {
        @Override
        public String toString() {
            Path parent = path.getParent();
            return path.getFileName() + (parent == null ? "" : "  —  " + parent);
        }
    }

    /** Both sides. */
    record Pair(RunChoice base, RunChoice news) {}
}
