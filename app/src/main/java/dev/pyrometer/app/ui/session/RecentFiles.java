package dev.pyrometer.app.ui.session;

import dev.pyrometer.app.ui.common.UiSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The most recently opened or saved session files, newest first, remembered in the settings. */
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

    /** Moves a file to the top of the list. */
    public void touch(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        files.remove(absolute);
        files.addFirst(absolute);
        while (files.size() > LIMIT) files.removeLast();
        store();
    }

    /** Forgets a file (it was deleted or moved). */
    public void forget(Path file) {
        if (files.remove(file.toAbsolutePath().normalize())) store();
    }

    private void store() {
        List<String> paths = new ArrayList<>();
        for (Path p : files) paths.add(p.toString());
        settings.putList(KEY, paths);
    }
}
