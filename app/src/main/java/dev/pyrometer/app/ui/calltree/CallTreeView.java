package dev.pyrometer.app.ui.calltree;

import dev.pyrometer.app.ui.common.Formats;
import dev.pyrometer.model.aggregate.CallTree;
import dev.pyrometer.model.aggregate.FrameRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
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
        table.getColumns().setAll(List.of(nameColumn(), shareColumn("Total", true), countColumn("Total", true),
            shareColumn("Self", false), countColumn("Self", false), locationColumn()));

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
    }

    public TreeTableView<FrameRow> table() {
        return table;
    }

    private void rebuild(CallTree before, CallTree tree) {
        if (tree == null) {
            table.setRoot(null);
            return;
        }
        Set<List<FrameRef>> expanded = before == null ? Set.of() : expandedPaths(before);
        List<FrameRef> selected = selectedPath(before);
        NodeItem root = new NodeItem(tree, 0);
        syncing = true;
        try {
            table.setRoot(root);
            root.setExpanded(true);
            for (List<FrameRef> path : expanded) {
                NodeItem item = find(root, path);
                if (item != null) item.setExpanded(true);
            }
            if (selected != null) {
                NodeItem item = find(root, selected);
                if (item != null) table.getSelectionModel().select(item);
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

    private Set<List<FrameRef>> expandedPaths(CallTree tree) {
        Set<List<FrameRef>> paths = new HashSet<>();
        collectExpanded(table.getRoot(), tree, paths);
        return paths;
    }

    private static void collectExpanded(TreeItem<FrameRow> item, CallTree tree, Set<List<FrameRef>> paths) {
        if (item == null || !item.isExpanded() || !((NodeItem) item).loaded) return;
        paths.add(refs(tree, item.getValue().index()));
        for (TreeItem<FrameRow> child : item.getChildren()) collectExpanded(child, tree, paths);
    }

    private List<FrameRef> selectedPath(CallTree tree) {
        TreeItem<FrameRow> item = table.getSelectionModel().getSelectedItem();
        return tree == null || item == null ? null : refs(tree, item.getValue().index());
    }

    private static List<FrameRef> refs(CallTree tree, int node) {
        List<FrameRef> path = new ArrayList<>();
        for (int n : tree.path(node)) path.add(tree.ref(n));
        return path;
    }

    private static NodeItem find(NodeItem root, List<FrameRef> path) {
        NodeItem item = root;
        for (FrameRef ref : path) {
            NodeItem next = null;
            for (TreeItem<FrameRow> child : item.getChildren()) {
                if (ref.equals(item.tree.ref(child.getValue().index()))) {
                    next = (NodeItem) child;
                    break;
                }
            }
            if (next == null) return null;
            item = next;
        }
        return item;
    }

    private TreeTableColumn<FrameRow, FrameRow> nameColumn() {
        TreeTableColumn<FrameRow, FrameRow> column = new TreeTableColumn<>("Function");
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue()));
        column.setCellFactory(c -> new TreeTableCell<>() {
            @Override
            protected void updateItem(FrameRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : row.name());
            }
        });
        column.setComparator((a, b) -> a.name().compareToIgnoreCase(b.name()));
        column.setPrefWidth(320);
        return column;
    }

    private TreeTableColumn<FrameRow, FrameRow> locationColumn() {
        TreeTableColumn<FrameRow, FrameRow> column = new TreeTableColumn<>("Location");
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue()));
        column.setCellFactory(c -> new TreeTableCell<>() {
            @Override
            protected void updateItem(FrameRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : row.location());
            }
        });
        column.setComparator((a, b) -> a.location().compareTo(b.location()));
        column.setPrefWidth(200);
        return column;
    }

    private TreeTableColumn<FrameRow, FrameRow> shareColumn(String title, boolean total) {
        TreeTableColumn<FrameRow, FrameRow> column = new TreeTableColumn<>(title + " %");
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue()));
        column.setCellFactory(c -> new TreeTableCell<>() {
            private final ShareCell cell = new ShareCell();

            @Override
            protected void updateItem(FrameRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setGraphic(null);
                } else {
                    cell.set(total ? row.totalShare() : row.selfShare());
                    setGraphic(cell);
                }
            }
        });
        column.setComparator((a, b) -> total ? Integer.compare(a.total(), b.total()) : Integer.compare(a.self(), b.self()));
        column.setPrefWidth(88);
        column.setMinWidth(76);
        column.setMaxWidth(120);
        return column;
    }

    private TreeTableColumn<FrameRow, FrameRow> countColumn(String title, boolean total) {
        TreeTableColumn<FrameRow, FrameRow> column = new TreeTableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue()));
        column.setCellFactory(c -> new TreeTableCell<>() {
            @Override
            protected void updateItem(FrameRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : Formats.count(total ? row.total() : row.self()));
            }
        });
        column.getStyleClass().add("numeric");
        column.setComparator((a, b) -> total ? Integer.compare(a.total(), b.total()) : Integer.compare(a.self(), b.self()));
        column.setPrefWidth(84);
        column.setMinWidth(70);
        column.setMaxWidth(120);
        return column;
    }

    /** A tree node whose children are made the first time anyone asks for them. */
    private final class NodeItem extends TreeItem<FrameRow> {
        final CallTree tree;
        boolean loaded;

        NodeItem(CallTree tree, int node) {
            super(FrameRow.of(tree.keys(), node, tree.key(node), tree.self(node), tree.total(node), tree.total(0)));
            this.tree = tree;
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
