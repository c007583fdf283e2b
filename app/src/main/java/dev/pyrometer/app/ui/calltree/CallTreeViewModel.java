package dev.pyrometer.app.ui.calltree;

import dev.pyrometer.app.ui.analysis.Analysis;
import dev.pyrometer.app.ui.analysis.FrameSelection;
import dev.pyrometer.model.aggregate.CallTree;
import dev.pyrometer.model.aggregate.Keys;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The top-down call tree: the current tree, rows for its nodes (built as the view expands them), the node to reveal
 * (found by search or picked in another view), and the shared selection.
 */
public final class CallTreeViewModel {
    private final ObjectProperty<FrameSelection> selection;
    private final ReadOnlyObjectWrapper<CallTree> tree = new ReadOnlyObjectWrapper<>(this, "tree");
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ReadOnlyIntegerWrapper revealed = new ReadOnlyIntegerWrapper(this, "revealed", -1);
    private final ReadOnlyStringWrapper searchStatus = new ReadOnlyStringWrapper(this, "searchStatus", "");
    private boolean selecting;

    public CallTreeViewModel(ReadOnlyObjectProperty<Analysis> analysis, ObjectProperty<FrameSelection> selection) {
        this.selection = selection;
        analysis.addListener((o, before, now) -> tree.set(now == null ? null : now.tree()));
        if (analysis.get() != null) tree.set(analysis.get().tree());
        selection.addListener((o, before, selected) -> {
            if (!selecting) reveal(selected);
        });
        search.addListener(o -> searchStatus.set(""));
    }

    public ReadOnlyObjectProperty<CallTree> treeProperty() { return tree.getReadOnlyProperty(); }
    public StringProperty searchProperty() { return search; }
    /** The node the view should expand to and select (its path is expanded), or -1. */
    public ReadOnlyIntegerProperty revealedProperty() { return revealed.getReadOnlyProperty(); }
    public ReadOnlyStringProperty searchStatusProperty() { return searchStatus.getReadOnlyProperty(); }

    /** The user selected a node in the tree. */
    public void select(int node) {
        CallTree t = tree.get();
        if (t == null || node < 0 || node >= t.size()) return;
        selecting = true;
        try {
            FrameSelection picked = FrameSelection.ofNode(t, node);
            if (picked != null) selection.set(picked);
        } finally {
            selecting = false;
        }
    }

    /**
     * Reveals the next node after {@code from} (depth-first, heaviest first) whose name or location contains the
     * search text, wrapping around; returns it, or -1 when nothing matches.
     */
    public int findNext(int from) {
        CallTree t = tree.get();
        String needle = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
        if (t == null || needle.isEmpty()) return -1;
        Keys keys = t.keys();
        boolean[] checked = new boolean[keys.size()];
        boolean[] hit = new boolean[keys.size()];
        for (int step = 1; step < t.size(); step++) {
            int node = 1 + Math.floorMod(from + step - 1, t.size() - 1);
            int key = t.key(node);
            if (!checked[key]) {
                checked[key] = true;
                String[] text = FrameRow.describe(keys, key);
                hit[key] = text[0].toLowerCase(Locale.ROOT).contains(needle) || text[1].toLowerCase(Locale.ROOT).contains(needle);
            }
            if (hit[key]) {
                revealed.set(-1);
                revealed.set(node);
                searchStatus.set("");
                return node;
            }
        }
        searchStatus.set("no match");
        return -1;
    }

    /** Reveals the shared selection again (a view made after it was picked). */
    public void revealSelection() {
        reveal(selection.get());
    }

    /** Reveals the heaviest occurrence of a selection made elsewhere. */
    private void reveal(FrameSelection selected) {
        CallTree t = tree.get();
        if (t == null || selected == null) return;
        int key = selected.keyIn(t.keys());
        if (key < 0) return;
        int exact = FrameSelection.resolve(t, selected.path());
        if (exact > 0 && t.key(exact) == key && t.depth(exact) == selected.path().size()) {
            revealed.set(-1);
            revealed.set(exact);
            return;
        }
        int heaviest = -1;
        for (int node = 1; node < t.size(); node++) {
            if (t.key(node) == key && (heaviest < 0 || t.total(node) > t.total(heaviest))) heaviest = node;
        }
        if (heaviest > 0) {
            revealed.set(-1);
            revealed.set(heaviest);
        }
    }
}
