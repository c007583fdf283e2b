package dev.pyrometer.app.ui.calltree;

import dev.pyrometer.app.ui.analysis.Analysis;
import dev.pyrometer.app.ui.analysis.FrameSelection;
import dev.pyrometer.model.aggregate.HotFunctions;
import dev.pyrometer.app.ui.common.MemoryFigure;
import dev.pyrometer.model.aggregate.KeyMemory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The hot functions table (bottom-up: each function, line, file or module with its self and total samples, the
 * hottest first), filtered as the user types, and linked to the shared selection both ways.
 */
public final class HotFunctionsViewModel {
    private final ObjectProperty<FrameSelection> selection;
    private final ObservableList<FrameRow> rows = FXCollections.observableArrayList();
    private final FilteredList<FrameRow> filtered = new FilteredList<>(rows);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ReadOnlyObjectWrapper<FrameRow> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyBooleanWrapper hasMemory = new ReadOnlyBooleanWrapper(this, "hasMemory");
    private HotFunctions hot;
    private boolean selecting;

    public HotFunctionsViewModel(ReadOnlyObjectProperty<Analysis> analysis, ObjectProperty<FrameSelection> selection) {
        this.selection = selection;
        analysis.addListener((o, before, now) -> show(now));
        show(analysis.get());
        filter.addListener((o, before, text) -> {
            String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            filtered.setPredicate(needle.isEmpty() ? null : row -> row.name().toLowerCase(Locale.ROOT).contains(needle)
                || row.location().toLowerCase(Locale.ROOT).contains(needle));
        });
        selection.addListener((o, before, now) -> {
            if (!selecting) follow(now);
        });
    }

    /** All rows after the filter, heaviest self first (the view may sort them otherwise). */
    public ObservableList<FrameRow> rows() { return filtered; }
    public StringProperty filterProperty() { return filter; }
    /** True when the profile has a memory track, so the rows' memory columns mean something. */
    public ReadOnlyBooleanProperty hasMemoryProperty() { return hasMemory.getReadOnlyProperty(); }
    /** The row the view should show selected, following selections made elsewhere. */
    public ReadOnlyObjectProperty<FrameRow> selectedProperty() { return selected.getReadOnlyProperty(); }

    /** The user picked a row. */
    public void select(FrameRow row) {
        if (row == null || hot == null) return;
        selecting = true;
        try {
            selected.set(row);
            selection.set(FrameSelection.of(hot.keys(), row.key()));
        } finally {
            selecting = false;
        }
    }

    private void show(Analysis analysis) {
        if (analysis == null) {
            hot = null;
            rows.clear();
            return;
        }
        hot = analysis.hot();
        hasMemory.set(analysis.memory().hasMemory());
        KeyMemory memory = analysis.keyMemory();
        int all = hot.sampleCount();
        List<FrameRow> list = new ArrayList<>(hot.size());
        for (int r = 0; r < hot.size(); r++) {
            int key = hot.key(r);
            double jitter = memory.memory().jitter();
            MemoryFigure self = new MemoryFigure(memory.selfGrowth(key), memory.selfRelease(key), memory.selfTicks(key),
                memory.selfBeyondNoise(key), jitter, "while the function itself was innermost");
            MemoryFigure total = new MemoryFigure(memory.totalGrowth(key), memory.totalRelease(key), memory.totalTicks(key),
                memory.totalBeyondNoise(key), jitter, "while the function was on the stack (its callees included)");
            list.add(FrameRow.of(hot.keys(), r, key, hot.self(r), hot.total(r), all, self, total));
        }
        FrameRow was = selected.get();
        if (rows.size() == list.size()) {
            // Row by row: the table updates the cells of changed rows instead of rebuilding every cell.
            for (int r = 0; r < list.size(); r++) if (!rows.get(r).equals(list.get(r))) rows.set(r, list.get(r));
        } else {
            rows.setAll(list);
        }
        if (was != null) {
            int key = selection.get() == null ? -1 : selection.get().keyIn(hot.keys());
            selected.set(key < 0 ? null : list.stream().filter(row -> row.key() == key).findFirst().orElse(null));
        }
    }

    private void follow(FrameSelection now) {
        if (hot == null || now == null) return;
        int key = now.keyIn(hot.keys());
        selected.set(key < 0 ? null : rows.stream().filter(row -> row.key() == key).findFirst().orElse(null));
    }
}
