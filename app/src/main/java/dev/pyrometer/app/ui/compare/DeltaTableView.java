package dev.pyrometer.app.ui.compare;

import dev.pyrometer.model.diff.DiffValues.Presence;
import dev.pyrometer.model.diff.Normalization;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The delta table: function (or line, file, module), its value in each run, the change with a bar in the
 * comparison's colours, and its size in standard errors with whether it is beyond noise; sortable, filtered by name
 * and kind of change. Picking a row selects its frame in the flame graphs and opens its source.
 */
final class DeltaTableView extends BorderPane {
    private final DeltaTableViewModel model;
    private final TableView<DeltaRow> table = new TableView<>();
    private final Supplier<Normalization> normalization;
    private final Supplier<ChangePalette> palette;
    private final TableColumn<DeltaRow, DeltaRow> baseColumn;
    private final TableColumn<DeltaRow, DeltaRow> newColumn;
    private boolean dark;
    private boolean syncing;

    DeltaTableView(DeltaTableViewModel model, Supplier<Normalization> normalization, Supplier<ChangePalette> palette, boolean dark) {
        this.model = model;
        this.normalization = normalization;
        this.palette = palette;
        this.dark = dark;
        getStyleClass().add("delta-table-view");
        setId("delta-table-view");
        SortedList<DeltaRow> sorted = new SortedList<>(model.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setId("delta-table");
        table.setPlaceholder(new Label("Comparing…"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        baseColumn = valueColumn("Base", DeltaRow::base);
        newColumn = valueColumn("New", DeltaRow::news);
        table.getColumns().setAll(List.of(nameColumn(), baseColumn, newColumn, changeColumn(), noiseColumn()));

        TextField filter = new TextField();
        filter.setId("delta-filter");
        filter.setPromptText("Filter functions");
        filter.textProperty().bindBidirectional(model.filterProperty());
        ChoiceBox<DeltaFilter> show = new ChoiceBox<>();
        show.setId("delta-show");
        show.getItems().setAll(DeltaFilter.values());
        show.valueProperty().bindBidirectional(model.showProperty());
        Label summary = new Label();
        summary.setId("delta-summary");
        summary.getStyleClass().add("muted");
        summary.textProperty().bind(model.summaryProperty());
        summary.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(8, filter, show, summary);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("table-toolbar");
        HBox.setHgrow(filter, Priority.SOMETIMES);
        setTop(bar);
        setCenter(table);

        table.getSelectionModel().selectedItemProperty().addListener((o, before, row) -> {
            if (!syncing && row != null) model.select(row);
        });
        model.selectedProperty().addListener((o, before, row) -> showSelected(row));
    }

    TableView<DeltaRow> table() {
        return table;
    }

    void setDark(boolean dark) {
        this.dark = dark;
        table.refresh();
    }

    /** Column titles say what the values are: shares, or time per second (the legend says total or self). */
    void setTitles(Normalization n) {
        baseColumn.setText(n == Normalization.SHARE ? "Base" : "Base s/s");
        newColumn.setText(n == Normalization.SHARE ? "New" : "New s/s");
        table.refresh();
    }

    private void showSelected(DeltaRow row) {
        syncing = true;
        try {
            if (row == null) {
                table.getSelectionModel().clearSelection();
                return;
            }
            table.getSelectionModel().select(row);
            int index = table.getSelectionModel().getSelectedIndex();
            if (index >= 0) table.scrollTo(Math.max(0, index - 3));
        } finally {
            syncing = false;
        }
    }

    private TableColumn<DeltaRow, DeltaRow> nameColumn() {
        TableColumn<DeltaRow, DeltaRow> column = column("Function");
        column.setCellFactory(c -> new TableCell<>() {
            private final Label name = new Label();
            private final Label location = new Label();
            private final Label badge = new Label();
            private final HBox box = new HBox(8, name, badge, location);

            {
                name.getStyleClass().add("function-name");
                location.getStyleClass().add("function-location");
                badge.getStyleClass().add("presence-badge");
                name.setMinWidth(Region.USE_PREF_SIZE);
                badge.setMinWidth(Region.USE_PREF_SIZE);
                location.setMinWidth(0);
                HBox.setHgrow(location, Priority.ALWAYS);
                box.setAlignment(Pos.CENTER_LEFT);
                box.setMinWidth(0);
            }

            @Override
            protected void updateItem(DeltaRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setGraphic(null);
                    return;
                }
                name.setText(row.name());
                location.setText(row.location());
                boolean only = row.presence() != Presence.BOTH;
                badge.setText(row.presence() == Presence.NEW ? "new" : row.presence() == Presence.VANISHED ? "vanished" : "");
                badge.setVisible(only);
                badge.setManaged(only);
                setGraphic(box);
            }
        });
        column.setComparator((a, b) -> a.name().compareToIgnoreCase(b.name()));
        column.setPrefWidth(250);
        column.setMinWidth(120);
        return column;
    }

    private TableColumn<DeltaRow, DeltaRow> valueColumn(String title, ToDoubleFunction<DeltaRow> value) {
        TableColumn<DeltaRow, DeltaRow> column = column(title);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(DeltaRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : ChangeText.value(value.applyAsDouble(row), normalization.get()));
            }
        });
        column.getStyleClass().add("numeric");
        column.setComparator((a, b) -> Double.compare(value.applyAsDouble(a), value.applyAsDouble(b)));
        column.setPrefWidth(76);
        column.setMinWidth(64);
        column.setMaxWidth(120);
        return column;
    }

    private TableColumn<DeltaRow, DeltaRow> changeColumn() {
        TableColumn<DeltaRow, DeltaRow> column = column("Change");
        column.setCellFactory(c -> new TableCell<>() {
            private final DeltaBar bar = new DeltaBar(70);
            private final Label text = new Label();
            private final StackPane barBox = new StackPane(bar);
            private final HBox box = new HBox(6, barBox, text);

            {
                text.setMinWidth(Region.USE_PREF_SIZE);
                text.getStyleClass().add("delta-text");
                box.setAlignment(Pos.CENTER_RIGHT);
                setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            }

            @Override
            protected void updateItem(DeltaRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setGraphic(null);
                    return;
                }
                ChangePalette colours = palette.get();
                double largest = model.largestChange();
                bar.set(largest > 0 ? row.delta() / largest : 0,
                    row.level() == 0 ? colours.neutral(dark).darker() : colours.color(row.level(), dark));
                text.setText(ChangeText.delta(row.delta(), normalization.get()));
                text.getStyleClass().removeAll("delta-more", "delta-less", "delta-noise");
                text.getStyleClass().add(row.level() > 0 ? "delta-more" : row.level() < 0 ? "delta-less" : "delta-noise");
                setGraphic(box);
            }
        });
        column.setComparator((a, b) -> Double.compare(a.delta(), b.delta()));
        column.setPrefWidth(170);
        column.setMinWidth(150);
        column.setMaxWidth(220);
        return column;
    }

    private TableColumn<DeltaRow, DeltaRow> noiseColumn() {
        TableColumn<DeltaRow, DeltaRow> column = column("Beyond noise");
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(DeltaRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().remove("delta-noise");
                if (empty || row == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                String sigmas = ChangeText.sigmas(row.delta(), row.noise());
                setText(row.beyondNoise() ? "yes  " + sigmas : row.delta() == 0 ? "no" : "no  " + sigmas);
                if (!row.beyondNoise()) getStyleClass().add("delta-noise");
                setTooltip(new Tooltip(ChangeText.noise(row.beyondNoise(), row.delta(), row.noise())
                    + "\nOne standard error here is " + ChangeText.delta(row.noise(), normalization.get()).replace("+", "")));
            }
        });
        column.getStyleClass().add("numeric");
        column.setComparator((a, b) -> Double.compare(a.sigmas(), b.sigmas()));
        column.setPrefWidth(112);
        column.setMinWidth(108);
        column.setMaxWidth(140);
        return column;
    }

    private static TableColumn<DeltaRow, DeltaRow> column(String title) {
        TableColumn<DeltaRow, DeltaRow> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        return column;
    }
}
