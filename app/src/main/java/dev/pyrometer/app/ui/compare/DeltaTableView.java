package dev.pyrometer.app.ui.compare;

import dev.pyrometer.app.ui.common.RowColumns;
import dev.pyrometer.app.ui.common.RowColumns.Spec;
import dev.pyrometer.model.diff.DiffValues.Presence;
import dev.pyrometer.model.diff.Normalization;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
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

    private static TableColumn<DeltaRow, DeltaRow> nameColumn() {
        return RowColumns.table(new Spec<>("Function", RowColumns.graphic(NameCell::new, NameCell::set),
            (a, b) -> a.name().compareToIgnoreCase(b.name()), false, 250, 120, Double.NaN));
    }

    private TableColumn<DeltaRow, DeltaRow> valueColumn(String title, ToDoubleFunction<DeltaRow> value) {
        return RowColumns.table(new Spec<>(title, RowColumns.text(row -> ChangeText.value(value.applyAsDouble(row), normalization.get())),
            Comparator.comparingDouble(value), true, 76, 64, 120));
    }

    private TableColumn<DeltaRow, DeltaRow> changeColumn() {
        return RowColumns.table(new Spec<>("Change", () -> {
            ChangeCell shown = new ChangeCell();
            return (cell, row) -> {
                cell.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
                if (row != null) shown.set(row);
                cell.setGraphic(row == null ? null : shown);
            };
        }, Comparator.comparingDouble(DeltaRow::delta), false, 170, 150, 220));
    }

    private TableColumn<DeltaRow, DeltaRow> noiseColumn() {
        return RowColumns.table(new Spec<>("Beyond noise", () -> (cell, row) -> {
            cell.getStyleClass().remove("delta-noise");
            if (row == null) {
                cell.setText(null);
                cell.setTooltip(null);
                return;
            }
            String sigmas = ChangeText.sigmas(row.delta(), row.noise());
            cell.setText(row.beyondNoise() ? "yes  " + sigmas : row.delta() == 0 ? "no" : "no  " + sigmas);
            if (!row.beyondNoise()) cell.getStyleClass().add("delta-noise");
            cell.setTooltip(new Tooltip(ChangeText.noise(row.beyondNoise(), row.delta(), row.noise())
                + "\nOne standard error here is " + ChangeText.delta(row.noise(), normalization.get()).replace("+", "")));
        }, Comparator.comparingDouble(DeltaRow::sigmas), true, 112, 108, 140));
    }

    /** A row's name, a "new" or "vanished" badge when only one run has it, and its location. */
    private static final class NameCell extends HBox {
        private final Label name = new Label();
        private final Label location = new Label();
        private final Label badge = new Label();

        NameCell() {
            super(8);
            getChildren().addAll(name, badge, location);
            name.getStyleClass().add("function-name");
            location.getStyleClass().add("function-location");
            badge.getStyleClass().add("presence-badge");
            name.setMinWidth(Region.USE_PREF_SIZE);
            badge.setMinWidth(Region.USE_PREF_SIZE);
            location.setMinWidth(0);
            HBox.setHgrow(location, Priority.ALWAYS);
            setAlignment(Pos.CENTER_LEFT);
            setMinWidth(0);
        }

        void set(DeltaRow row) {
            name.setText(row.name());
            location.setText(row.location());
            location.setTooltip(new Tooltip(row.whereText()));
            boolean only = row.presence() != Presence.BOTH;
            badge.setText(row.presence() == Presence.NEW ? "new" : row.presence() == Presence.VANISHED ? "vanished" : "");
            badge.setVisible(only);
            badge.setManaged(only);
        }
    }

    /** The change as a bar in the comparison's colours, scaled to the table's largest change, and as text. */
    private final class ChangeCell extends HBox {
        private final DeltaBar bar = new DeltaBar(70);
        private final Label text = new Label();

        ChangeCell() {
            super(6);
            getChildren().addAll(new StackPane(bar), text);
            text.setMinWidth(Region.USE_PREF_SIZE);
            text.getStyleClass().add("delta-text");
            setAlignment(Pos.CENTER_RIGHT);
        }

        void set(DeltaRow row) {
            ChangePalette colours = palette.get();
            double largest = model.largestChange();
            bar.set(largest > 0 ? row.delta() / largest : 0,
                row.level() == 0 ? colours.neutral(dark).darker() : colours.color(row.level(), dark));
            text.setText(ChangeText.delta(row.delta(), normalization.get()));
            text.getStyleClass().removeAll("delta-more", "delta-less", "delta-noise");
            text.getStyleClass().add(row.level() > 0 ? "delta-more" : row.level() < 0 ? "delta-less" : "delta-noise");
        }
    }
}
