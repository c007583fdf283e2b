package dev.pyrometer.app.ui.calltree;

import dev.pyrometer.app.ui.common.Formats;
import java.util.List;
import java.util.function.ToDoubleFunction;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/** The hot functions table: sortable columns, a filter field, selection linked with the other views. */
public final class HotFunctionsView extends BorderPane {
    private final HotFunctionsViewModel model;
    private final TableView<FrameRow> table = new TableView<>();
    private boolean syncing;

    public HotFunctionsView(HotFunctionsViewModel model) {
        this.model = model;
        getStyleClass().add("hot-functions-view");
        setId("hot-functions-view");
        SortedList<FrameRow> sorted = new SortedList<>(model.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setId("hot-functions");
        table.setPlaceholder(new Label("No samples yet"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        TableColumn<FrameRow, FrameRow> self = shareColumn("Self %", FrameRow::selfShare);
        TableColumn<FrameRow, FrameRow> grew = memoryColumn("Mem +", true,
            "Resident memory grown while the function itself was running (its callees not included)");
        TableColumn<FrameRow, FrameRow> freed = memoryColumn("Mem −", false,
            "Resident memory released while the function itself was running");
        for (TableColumn<FrameRow, FrameRow> c : List.of(grew, freed)) c.visibleProperty().bind(model.hasMemoryProperty());
        table.getColumns().setAll(List.of(functionColumn(), self, countColumn("Self", true),
            shareColumn("Total %", FrameRow::totalShare), countColumn("Total", false), grew, freed));

        TextField filter = new TextField();
        filter.setId("hot-functions-filter");
        filter.setPromptText("Filter functions");
        filter.textProperty().bindBidirectional(model.filterProperty());
        Label count = new Label();
        count.getStyleClass().add("muted");
        model.rows().addListener((javafx.collections.ListChangeListener<FrameRow>) c -> count.setText(Formats.count(model.rows().size()) + " rows"));
        HBox bar = new HBox(8, filter, count);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("table-toolbar");
        setTop(bar);
        setCenter(table);

        table.getSelectionModel().selectedItemProperty().addListener((o, before, row) -> {
            if (!syncing && row != null) model.select(row);
        });
        model.selectedProperty().addListener((o, before, row) -> {
            syncing = true;
            try {
                if (row == null) {
                    table.getSelectionModel().clearSelection();
                } else {
                    table.getSelectionModel().select(row);
                    int index = table.getSelectionModel().getSelectedIndex();
                    if (index >= 0) table.scrollTo(Math.max(0, index - 3));
                }
            } finally {
                syncing = false;
            }
        });
    }

    public TableView<FrameRow> table() {
        return table;
    }

    private static TableColumn<FrameRow, FrameRow> functionColumn() {
        TableColumn<FrameRow, FrameRow> column = new TableColumn<>("Function");
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            private final FunctionCell cell = new FunctionCell();

            @Override
            protected void updateItem(FrameRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setGraphic(null);
                } else {
                    cell.set(row);
                    setGraphic(cell);
                }
            }
        });
        column.setComparator((a, b) -> a.name().compareToIgnoreCase(b.name()));
        column.setPrefWidth(260);
        column.setMinWidth(120);
        return column;
    }

    private static TableColumn<FrameRow, FrameRow> shareColumn(String title, ToDoubleFunction<FrameRow> share) {
        TableColumn<FrameRow, FrameRow> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            private final ShareCell cell = new ShareCell();

            @Override
            protected void updateItem(FrameRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setGraphic(null);
                } else {
                    cell.set(share.applyAsDouble(row));
                    setGraphic(cell);
                }
            }
        });
        column.setComparator((a, b) -> Double.compare(share.applyAsDouble(a), share.applyAsDouble(b)));
        column.setPrefWidth(88);
        column.setMinWidth(76);
        column.setMaxWidth(120);
        return column;
    }

    private static TableColumn<FrameRow, FrameRow> memoryColumn(String title, boolean growth, String tip) {
        TableColumn<FrameRow, FrameRow> column = new TableColumn<>();
        Label header = new Label(title);
        header.setTooltip(new javafx.scene.control.Tooltip(tip));
        column.setGraphic(header);
        column.setId(growth ? "hot-memory-growth" : "hot-memory-release");
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(FrameRow row, boolean empty) {
                super.updateItem(row, empty);
                long bytes = empty || row == null ? 0 : growth ? row.growth() : row.release();
                setText(bytes == 0 ? null : Formats.bytes(bytes));
            }
        });
        column.getStyleClass().add("numeric");
        column.setComparator((a, b) -> growth ? Long.compare(a.growth(), b.growth()) : Long.compare(a.release(), b.release()));
        column.setPrefWidth(84);
        column.setMinWidth(70);
        column.setMaxWidth(120);
        return column;
    }

    private static TableColumn<FrameRow, FrameRow> countColumn(String title, boolean self) {
        TableColumn<FrameRow, FrameRow> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(FrameRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : Formats.count(self ? row.self() : row.total()));
            }
        });
        column.getStyleClass().add("numeric");
        column.setComparator((a, b) -> self ? Integer.compare(a.self(), b.self()) : Integer.compare(a.total(), b.total()));
        column.setPrefWidth(84);
        column.setMinWidth(70);
        column.setMaxWidth(120);
        return column;
    }
}
