package dev.pyrometer.app.ui.session;

import dev.pyrometer.app.ui.common.UiSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The most recently opened or saved session files, newest first, remembered in the settings and shared by every
 * window: each change is merged into the list on disk when it happens.
 */
public final class RecentFiles {
    static final int LIMIT = 10;
    private static final String KEY = "recent";

    private final UiSettings settings;
    private final ObservableList<Path> files = FXCollections.observableArrayList();

    public RecentFiles(UiSettings settings) {
        this.settings = settings;
        for (String path : settings.getList(KEY)) files.add(Path.of(path));
    }

    public ObservableList<Path> files() {
        return files;
    }

    /** Moves a file to the top of the list (written at once, merged with other windows' entries). */
    public void touch(Path file) {
        String absolute = file.toAbsolutePath().normalize().toString();
        update(paths -> {
            paths.remove(absolute);
            paths.addFirst(absolute);
            while (paths.size() > LIMIT) paths.removeLast();
            return paths;
        });
    }

    /** Forgets a file (it was deleted or moved), in every window's list: another may have added it. */
    public void forget(Path file) {
        String absolute = file.toAbsolutePath().normalize().toString();
        update(paths -> {
            paths.remove(absolute);
            return paths;
        });
    }

    /** Changes the list every window shares, on disk at once, and shows the result (other windows' additions too). */
    private void update(UnaryOperator<List<String>> change) {
        List<Path> merged = new ArrayList<>();
        for (String path : settings.updateSharedList(KEY, change)) merged.add(Path.of(path));
        if (!merged.equals(files)) files.setAll(merged);
    }
}
