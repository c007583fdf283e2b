package dev.pyrometer.app.ui.source;

import dev.pyrometer.app.source.PathMapping;
import dev.pyrometer.app.ui.analysis.Analysis;
import dev.pyrometer.app.ui.analysis.FrameSelection;
import dev.pyrometer.app.ui.common.LatestJob;
import dev.pyrometer.app.ui.common.TaskRunner;
import java.util.List;
import java.util.function.IntSupplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;

/**
 * The source pane's state: which file is shown with which heat, and where to scroll. Follows the shared frame
 * selection (opening the selected frame's file at its line) and refreshes the heat whenever the analysis changes,
 * keeping the text and the reader's scroll position.
 */
public final class SourceViewModel {
    /** A request to scroll to a line; the sequence number makes a repeated jump to the same line fire again. */
    public record Jump(int line, long sequence) {}

    private final ReadOnlyObjectProperty<Analysis> analysis;
    private final LatestJob loading;
    private final IntSupplier livePid;
    private final ObservableList<PathMapping> mappings;
    private final ReadOnlyObjectWrapper<SourceDocument> document = new ReadOnlyObjectWrapper<>(this, "document");
    private final ReadOnlyObjectWrapper<Jump> jump = new ReadOnlyObjectWrapper<>(this, "jump");
    /** Kept here: the app-wide mappings hold it weakly, so a closed tab's source view can be collected. */
    private final javafx.collections.ListChangeListener<PathMapping> mappingsChanged = c -> reopen();
    private FrameSelection shownSelection;
    private boolean refreshWhenLanded;
    private long jumps;

    /**
     * @param livePid  the pid of a target that may still be running (for /proc/PID/root), or 0
     * @param mappings the user's path mappings; changing them reloads the file
     */
    public SourceViewModel(ReadOnlyObjectProperty<Analysis> analysis, ObjectProperty<FrameSelection> selection,
                           TaskRunner runner, IntSupplier livePid, ObservableList<PathMapping> mappings) {
        this.analysis = analysis;
        this.loading = new LatestJob(runner);
        this.livePid = livePid;
        this.mappings = mappings;
        selection.addListener((o, before, selected) -> open(selected));
        analysis.addListener(o -> refreshHeat());
        mappings.addListener(new javafx.collections.WeakListChangeListener<>(mappingsChanged));
    }

    public ReadOnlyObjectProperty<SourceDocument> documentProperty() { return document.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Jump> jumpProperty() { return jump.getReadOnlyProperty(); }
    public ObservableList<PathMapping> mappings() { return mappings; }

    public SourceDocument document() { return document.get(); }

    /** Shows a selected frame's file at its line; frames without a file (modules) leave the pane as it is. */
    public void open(FrameSelection selected) {
        if (selected == null || selected.file() == null) return;
        shownSelection = selected;
        boolean sameFile = document.get() != null && document.get().recordedPath().equals(selected.file());
        load(selected.file(), selected, sameFile ? document.get() : null, true);
    }

    /** Scrolls to a line (from the hottest-lines list). */
    public void jumpTo(int line) {
        jump.set(new Jump(line, ++jumps));
    }

    /** Adds a path mapping (from the "not found" banner); the file is looked up again. */
    public void addMapping(PathMapping mapping) {
        mappings.removeIf(m -> m.from().equals(mapping.from()));
        mappings.add(0, mapping);
    }

    private void refreshHeat() {
        SourceDocument shown = document.get();
        if (shown == null) return;
        if (loading.isRunning()) {
            // Let the load in flight land (it may carry a jump the user asked for), then refresh once.
            refreshWhenLanded = true;
            return;
        }
        load(shown.recordedPath(), null, shown, false);
    }

    private void reopen() {
        SourceDocument shown = document.get();
        if (shown != null) load(shown.recordedPath(), shownSelection, null, true);
    }

    private void load(String file, FrameSelection selected, SourceDocument previous, boolean jumpAfter) {
        Analysis current = analysis.get();
        if (current == null) return;
        int pid = livePid.getAsInt();
        List<PathMapping> rules = List.copyOf(mappings);
        loading.start("Reading " + file,
            (cancelled, progress) -> SourceLoader.load(file, pid, rules, current.counts(), current.memory(), selected, previous, cancelled),
            loaded -> {
                document.set(loaded);
                if (jumpAfter && loaded.targetLine() > 0) jumpTo(loaded.targetLine());
                if (refreshWhenLanded) {
                    refreshWhenLanded = false;
                    if (analysis.get() != current) refreshHeat();
                }
            },
            error -> refreshWhenLanded = false);
    }
}
