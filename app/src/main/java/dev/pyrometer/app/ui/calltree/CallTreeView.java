package dev.pyrometer.app.ui.calltree;

import dev.pyrometer.app.ui.common.RowColumns;
import dev.pyrometer.model.aggregate.CallTree;
import dev.pyrometer.model.aggregate.FrameRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/**
 * The top-down call tree: a {@link TreeTableView} whose children are created only when a node is expanded, so a
 * tree of a million nodes costs what is open on screen. Rebuilt when the analysis changes, keeping what was
 * expanded and selected (by name, so it survives a live profile growing).
 */
public final class CallTreeView extends BorderPane {
    private final CallTreeViewModel model;
    private final TreeTableView<FrameRow> table = new TreeTableView<>();
    private final dev.pyrometer.app.ui.common.RowMenu rowMenu = new dev.pyrometer.app.ui.common.RowMenu(table);
    private final TextField search = new TextField();
    private boolean syncing;

    public CallTreeView(CallTreeViewModel model) {
        this.model = model;
        getStyleClass().add("call-tree-view");
        setId("call-tree-view");
        table.setId("call-tree");
        table.setShowRoot(true);
        table.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPlaceholder(new Label("No samples yet"));
        table.getColumns().setAll(List.of(RowColumns.tree(FrameColumns.FUNCTION), RowColumns.tree(FrameColumns.TOTAL_SHARE),
            RowColumns.tree(FrameColumns.TOTAL), RowColumns.tree(FrameColumns.SELF_SHARE), RowColumns.tree(FrameColumns.SELF)));

        search.setId("call-tree-search");
        search.setPromptText("Find in call tree (Enter: next)");
        search.textProperty().bindBidirectional(model.searchProperty());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                int current = table.getSelectionModel().getSelectedItem() == null ? 0
                    : table.getSelectionModel().getSelectedItem().getValue().index();
                model.findNext(current);
            }
        });
        Label status = new Label();
        status.getStyleClass().add("muted");
        status.textProperty().bind(model.searchStatusProperty());
        HBox bar = new HBox(8, search, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("table-toolbar");
        setTop(bar);
        setCenter(table);

        model.treeProperty().addListener((o, before, tree) -> rebuild(before, tree));
        if (model.treeProperty().get() != null) rebuild(null, model.treeProperty().get());
        model.revealedProperty().addListener((o, before, node) -> {
            if (node.intValue() > 0) reveal(node.intValue());
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, before, item) -> {
            if (!syncing && item != null) model.select(item.getValue().index());
        });
        model.revealSelection();
    }

    public TreeTableView<FrameRow> table() {
        return table;
    }

    /** Adds "Open in editor" (F4) to the rows' right-click menu; it acts on the selected row. */
    public void setOnOpenInEditor(Runnable open) {
        rowMenu.add("Open in editor", "call-tree-open-in-editor", open);
    }

    /** Adds "Show sandwich" (Ctrl+Shift+W) to the rows' right-click menu. */
    public void setOnShowSandwich(Runnable show) {
        rowMenu.add("Show sandwich", "call-tree-show-sandwich", show);
    }

    /**
     * Shows a new tree in place: items that stand for the same call path keep their expansion and selection and just
     * take the new counts; only children that appeared or vanished are added or removed. A live profile refreshes
     * several times a second, and this touches only the rows that are open.
     */
    private void rebuild(CallTree before, CallTree tree) {
        syncing = true;
        try {
            if (tree == null) {
                table.setRoot(null);
            } else if (table.getRoot() == null) {
                NodeItem root = new NodeItem(tree, 0);
                table.setRoot(root);
                root.setExpanded(true);
            } else {
                ((NodeItem) table.getRoot()).update(tree, 0);
            }
        } finally {
            syncing = false;
        }
    }

    private void reveal(int node) {
        NodeItem root = (NodeItem) table.getRoot();
        if (root == null) return;
        CallTree tree = root.tree;
        NodeItem item = root;
        for (int step : tree.path(node)) {
            item.setExpanded(true);
            NodeItem next = null;
            for (TreeItem<FrameRow> child : item.getChildren()) {
                if (child.getValue().index() == step) next = (NodeItem) child;
            }
            if (next == null) return;
            item = next;
        }
        syncing = true;
        try {
            table.getSelectionModel().select(item);
        } finally {
            syncing = false;
        }
        int row = table.getRow(item);
        if (row >= 0) table.scrollTo(Math.max(0, row - 3));
    }

    /** A tree node whose children are made the first time anyone asks for them. */
    private final class NodeItem extends TreeItem<FrameRow> {
        CallTree tree;
        boolean loaded;

        NodeItem(CallTree tree, int node) {
            super(FrameRow.of(tree.keys(), node, tree.key(node), tree.self(node), tree.total(node), tree.total(0)));
            this.tree = tree;
        }

        /** Takes the counts of {@code node} in a new tree, and reconciles the children already made. */
        void update(CallTree newTree, int node) {
            tree = newTree;
            FrameRow row = FrameRow.of(newTree.keys(), node, newTree.key(node), newTree.self(node), newTree.total(node), newTree.total(0));
            if (!row.equals(getValue())) setValue(row);
            if (!loaded) return;
            Map<FrameRef, NodeItem> existing = new HashMap<>();
            for (TreeItem<FrameRow> child : super.getChildren()) {
                NodeItem item = (NodeItem) child;
                existing.put(item.ref(), item);
            }
            List<TreeItem<FrameRow>> children = new ArrayList<>();
            for (int c = newTree.firstChild(node); c >= 0; c = newTree.nextSibling(c)) {
                NodeItem item = existing.remove(newTree.ref(c));
                if (item == null) item = new NodeItem(newTree, c);
                else item.update(newTree, c);
                children.add(item);
            }
            if (!children.equals(super.getChildren())) super.getChildren().setAll(children);
        }

        /** The path element this item stands for (null for the root). */
        FrameRef ref() {
            return tree.ref(getValue().index());
        }

        @Override
        public boolean isLeaf() {
            return tree.firstChild(getValue().index()) < 0;
        }

        @Override
        public ObservableList<TreeItem<FrameRow>> getChildren() {
            if (!loaded) {
                loaded = true;
                List<TreeItem<FrameRow>> children = new ArrayList<>();
                for (int c = tree.firstChild(getValue().index()); c >= 0; c = tree.nextSibling(c)) children.add(new NodeItem(tree, c));
                super.getChildren().setAll(children);
            }
            return super.getChildren();
        }
    }
}
