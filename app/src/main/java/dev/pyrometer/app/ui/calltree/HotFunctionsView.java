package dev.pyrometer.app.ui.calltree;

import dev.pyrometer.app.ui.common.Formats;
import dev.pyrometer.app.ui.common.RowColumns;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/** The hot functions table: sortable columns, a filter field, selection linked with the other views. */
public final class HotFunctionsView extends BorderPane {
    private final HotFunctionsViewModel model;
    private final TableView<FrameRow> table = new TableView<>();
    private final dev.pyrometer.app.ui.common.RowMenu rowMenu = new dev.pyrometer.app.ui.common.RowMenu(table);
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
        TableColumn<FrameRow, FrameRow> net = MemoryColumns.net("Mem net", "hot-memory-net", FrameRow::selfMemory,
            "Net change of resident memory (grown − released) while the function itself was innermost on the stack at two "
                + "consecutive ticks. Greyed: within the memory track's noise.");
        TableColumn<FrameRow, FrameRow> netTotal = MemoryColumns.net("Mem net total", "hot-memory-net-total", FrameRow::totalMemory,
            "Net change of resident memory while the function was on the stack at two consecutive ticks, its callees "
                + "included: what it kept. Greyed: within the memory track's noise.");
        TableColumn<FrameRow, FrameRow> grew = MemoryColumns.bytes("Mem +", "hot-memory-growth", FrameRow::growth,
            "Resident memory grown while the function itself was innermost (the ups behind the net)");
        TableColumn<FrameRow, FrameRow> freed = MemoryColumns.bytes("Mem −", "hot-memory-release", FrameRow::release,
            "Resident memory released while the function itself was innermost (the downs behind the net)");
        for (TableColumn<FrameRow, FrameRow> c : List.of(net, netTotal, grew, freed)) c.visibleProperty().bind(model.hasMemoryProperty());
        table.getColumns().setAll(List.of(RowColumns.table(FrameColumns.FUNCTION), RowColumns.table(FrameColumns.SELF_SHARE),
            RowColumns.table(FrameColumns.SELF), RowColumns.table(FrameColumns.TOTAL_SHARE), RowColumns.table(FrameColumns.TOTAL),
            net, netTotal, grew, freed));

        TextField filter = new TextField();
        filter.setId("hot-functions-filter");
        filter.setPromptText("Filter functions");
        filter.textProperty().bindBidirectional(model.filterProperty());
        Label count = new Label();
        count.getStyleClass().add("muted");
        model.rows().addListener((ListChangeListener<FrameRow>) c -> count.setText(Formats.count(model.rows().size(), "row")));
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

    /** Adds "Open in editor" (F4) to the rows' right-click menu; it acts on the selected row. */
    public void setOnOpenInEditor(Runnable open) {
        rowMenu.add("Open in editor", "hot-open-in-editor", open);
    }

    /** Adds "Show sandwich" (Ctrl+Shift+W) to the rows' right-click menu. */
    public void setOnShowSandwich(Runnable show) {
        rowMenu.add("Show sandwich", "hot-show-sandwich", show);
    }
}
