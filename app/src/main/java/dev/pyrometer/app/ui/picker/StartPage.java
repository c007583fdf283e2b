package dev.pyrometer.app.ui.picker;

import dev.pyrometer.app.ui.common.Controls;
import dev.pyrometer.app.ui.recording.RecordingSettings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The start page: the live table of Python processes as trees (a process's Python descendants indented under it,
 * collapsible) with a filter, recording settings, Attach with the choice to include the selected process's
 * subprocesses, Launch…, an inline attach error, and the recent sessions. Binds to {@link PickerViewModel}.
 */
public final class StartPage extends BorderPane {
    private static final List<Double> RATES = List.of(10.0, 50.0, 100.0, 250.0, 500.0, 1000.0, 2000.0);
    private static final List<Integer> DURATIONS = List.of(0, 10, 30, 60, 300, 900);

    private final PickerViewModel model;
    private final TreeTableView<ProcessRow> table = new TreeTableView<>(new TreeItem<>());
    /** The tree's items by pid, kept across refreshes so that collapsed parents and the selection stay. */
    private final Map<Integer, TreeItem<ProcessRow>> items = new HashMap<>();
    private final TextField filter = new TextField();

    /**
     * @param launch    opens the Launch… dialog
     * @param openFiles opens the Open dialog
     * @param openRecent opens one recent session
     */
    public StartPage(PickerViewModel model, javafx.collections.ObservableList<Path> recent, Runnable launch,
                     Runnable openFiles, Consumer<Path> openRecent) {
        this.model = model;
        getStyleClass().add("start-page");
        setId("start-page");

        Label title = new Label("Attach to a Python process");
        title.getStyleClass().add("page-title");
        Label subtitle = new Label("Pick a running program to record, or launch one. Nothing is added to the profiled program.");
        subtitle.getStyleClass().add("muted");

        filter.setId("picker-filter");
        filter.setPromptText("Filter by pid, user, command or version");
        filter.setPrefColumnCount(28);
        filter.textProperty().bindBidirectional(model.filterProperty());
        filter.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ENTER) {
                table.requestFocus();
                if (table.getSelectionModel().isEmpty()) table.getSelectionModel().select(0);
                if (e.getCode() == KeyCode.ENTER && model.processes().size() == 1) model.attach(model.processes().getFirst());
                e.consume();
            }
        });

        ComboBox<Double> rate = new ComboBox<>();
        rate.setId("picker-rate");
        rate.getItems().setAll(RATES);
        rate.setEditable(true);
        rate.setConverter(new StringConverter<>() {
            @Override public String toString(Double hz) { return hz == null ? "" : String.format(Locale.ROOT, "%.0f Hz", hz); }
            @Override public Double fromString(String text) {
                try {
                    double v = Double.parseDouble(text.replaceAll("[^0-9.]", ""));
                    return Math.max(1, Math.min(10_000, v));
                } catch (NumberFormatException e) {
                    return model.rateProperty().get();
                }
            }
        });
        rate.setValue(model.rateProperty().get());
        rate.valueProperty().addListener((o, b, v) -> { if (v != null) model.rateProperty().set(v); });
        rate.setTooltip(new Tooltip("Samples per second (py-spy's default is 100)"));
        rate.setPrefWidth(110);

        ComboBox<Integer> duration = new ComboBox<>();
        duration.setId("picker-duration");
        duration.getItems().setAll(DURATIONS);
        duration.setConverter(new StringConverter<>() {
            @Override public String toString(Integer s) {
                if (s == null || s == 0) return "until stopped";
                return s < 60 ? s + " s" : s / 60 + " min";
            }
            @Override public Integer fromString(String text) { return 0; }
        });
        duration.setValue(DURATIONS.contains(model.durationSecondsProperty().get()) ? model.durationSecondsProperty().get() : 0);
        duration.valueProperty().addListener((o, b, v) -> { if (v != null) model.durationSecondsProperty().set(v); });
        duration.setPrefWidth(140);

        Button attach = new Button("Attach and record");
        attach.setId("picker-attach");
        attach.setDefaultButton(false);
        attach.getStyleClass().add("accent");
        attach.disableProperty().bind(model.selectedProperty().isNull().or(model.attachingProperty()));
        attach.setOnAction(e -> model.attach(model.selectedProperty().get()));
        CheckBox subprocesses = new CheckBox();
        subprocesses.setId("picker-subprocesses");
        subprocesses.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            int n = model.subprocessCountProperty().get();
            return n == 0 ? "Include subprocesses" : "Include " + n + " Python subprocess" + (n == 1 ? "" : "es");
        }, model.subprocessCountProperty()));
        subprocesses.selectedProperty().bindBidirectional(model.includeSubprocessesProperty());
        subprocesses.disableProperty().bind(model.selectedProperty().isNull().or(model.nativeFramesProperty()));
        subprocesses.setTooltip(new Tooltip("Also record the Python processes the selected one has started (workers,"
            + " subprocesses, through a shell in between) and those it starts while recording, as Launch… does."
            + " A recording with native frames reads the one process."));
        subprocesses.setMinWidth(Region.USE_PREF_SIZE);
        Button launchButton = new Button("Launch…");
        launchButton.setId("picker-launch");
        launchButton.setTooltip(new Tooltip("Start a program under the profiler (Ctrl+L)"));
        launchButton.setOnAction(e -> launch.run());

        CheckBox nativeFrames = new CheckBox("Native frames");
        nativeFrames.setId("picker-native");
        nativeFrames.selectedProperty().bindBidirectional(model.nativeFramesProperty());
        nativeFrames.setTooltip(new Tooltip(RecordingSettings.NATIVE_COST));
        nativeFrames.setMinWidth(Region.USE_PREF_SIZE);
        CheckBox plumbing = new CheckBox("with interpreter plumbing");
        plumbing.setId("picker-native-plumbing");
        plumbing.selectedProperty().bindBidirectional(model.showPlumbingProperty());
        plumbing.setTooltip(new Tooltip("Keep CPython's own call plumbing between the frames (calls, vectorcall"
            + " trampolines, start-up): hidden by default, where only the Python and the C that does the work show."));
        plumbing.visibleProperty().bind(nativeFrames.selectedProperty());
        plumbing.managedProperty().bind(plumbing.visibleProperty());
        plumbing.setMinWidth(Region.USE_PREF_SIZE);

        Label rateLabel = new Label("Rate");
        Label durationLabel = new Label("Duration");
        for (Label l : new Label[] {rateLabel, durationLabel}) l.setMinWidth(Region.USE_PREF_SIZE);
        launchButton.setMinWidth(Region.USE_PREF_SIZE);
        attach.setMinWidth(Region.USE_PREF_SIZE);
        // The filter gives way first: a squeezed rate read "1" for "100 Hz".
        rate.setMinWidth(Region.USE_PREF_SIZE);
        duration.setMinWidth(Region.USE_PREF_SIZE);
        filter.setMinWidth(160);
        HBox tools = new HBox(8, filter, Controls.spacer(), rateLabel, rate, durationLabel, duration, nativeFrames,
            plumbing, Controls.gap(4), launchButton, attach);
        tools.setAlignment(Pos.CENTER_LEFT);
        tools.getStyleClass().add("picker-tools");
        // Right under Attach, on a line of its own: the tools line is full at common window widths.
        HBox attachChoices = new HBox(8, Controls.spacer(), subprocesses);
        attachChoices.setAlignment(Pos.CENTER_RIGHT);

        buildTable();
        Label error = new Label();
        error.setId("picker-error");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        Button dismiss = new Button("Dismiss");
        dismiss.setOnAction(e -> model.clearError());
        HBox errorBanner = new HBox(10, error, dismiss);
        errorBanner.getStyleClass().add("error-banner");
        errorBanner.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(error, Priority.ALWAYS);
        errorBanner.visibleProperty().bind(model.errorProperty().isNotEmpty());
        errorBanner.managedProperty().bind(errorBanner.visibleProperty());

        Label status = new Label();
        status.setId("picker-status");
        status.getStyleClass().add("muted");
        status.textProperty().bind(model.statusProperty());

        VBox processes = new VBox(10, title, subtitle, tools, attachChoices, errorBanner, table, status);
        processes.getStyleClass().add("picker");
        VBox.setVgrow(table, Priority.ALWAYS);

        setCenter(processes);
        setRight(recentPane(recent, openFiles, openRecent));
    }

    public TreeTableView<ProcessRow> table() {
        return table;
    }

    /** The process selected in the list, or null. */
    public ProcessRow selectedProcess() {
        return model.selectedProperty().get();
    }

    public void focusFilter() {
        filter.requestFocus();
    }

    private void buildTable() {
        table.setId("picker-table");
        table.setShowRoot(false);
        table.setPlaceholder(new Label("No Python processes yet"));
        table.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TreeTableColumn<ProcessRow, ProcessRow> pid =
            column("PID", 110, r -> Integer.toString(r.pid()), (a, b) -> Integer.compare(a.pid(), b.pid()), false);
        table.getColumns().setAll(List.of(
            pid,
            column("User", 90, r -> r.user() == null ? "" : r.user(), null, false),
            column("Python", 80, r -> r.python() == null ? "?" : r.python(), null, false),
            column("CPU", 70, r -> String.format(Locale.ROOT, "%.0f%%", r.cpuPercent()), (a, b) -> Double.compare(a.cpuPercent(), b.cpuPercent()), true),
            column("Uptime", 90, r -> r.uptime(Instant.now()), (a, b) -> compareStart(b, a), true),
            column("Command line", 500, ProcessRow::commandLine, null, false)));
        // The disclosure arrows and the indentation go in the PID column (left-aligned, unlike the other numbers, so
        // that a child's pid starts further right than its parent's).
        table.setTreeColumn(pid);
        table.setRowFactory(t -> {
            TreeTableRow<ProcessRow> row = new TreeTableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) model.attach(row.getItem());
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.attach(model.selectedProperty().get());
                e.consume();
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, b, item) -> {
            // Nothing selected while a refresh rebuilds a branch: the choice of process stays until another one is.
            if (item != null) model.selectedProperty().set(item.getValue());
            else if (table.getSelectionModel().isEmpty() && !syncing) model.selectedProperty().set(null);
        });
        model.treeProperty().addListener((o, b, tree) -> sync(tree));
        sync(model.treeProperty().get());
    }

    private boolean syncing;

    /**
     * Shows a new scan: the items of processes still running are kept (collapsed stays collapsed, the selection
     * stays), their values and children replaced; items of processes gone are dropped.
     */
    private void sync(ProcessTree tree) {
        syncing = true;
        try {
            ProcessRow chosen = model.selectedProperty().get();
            Map<Integer, TreeItem<ProcessRow>> kept = new HashMap<>();
            for (ProcessRow row : tree.rows()) {
                TreeItem<ProcessRow> item = items.get(row.pid());
                if (item == null) {
                    item = new TreeItem<>(row);
                    item.setExpanded(true);
                } else if (!row.equals(item.getValue())) {
                    item.setValue(row);
                }
                kept.put(row.pid(), item);
            }
            items.clear();
            items.putAll(kept);
            setChildren(table.getRoot(), tree.roots());
            for (ProcessRow row : tree.rows()) setChildren(items.get(row.pid()), tree.children(row.pid()));
            if (!table.getSortOrder().isEmpty()) table.sort();
            TreeItem<ProcessRow> again = chosen == null ? null : items.get(chosen.pid());
            if (again != null && table.getSelectionModel().getSelectedItem() != again) {
                table.getSelectionModel().select(again);
            }
            if (again != null) model.selectedProperty().set(again.getValue());
            else if (chosen != null && !items.containsKey(chosen.pid())) {
                table.getSelectionModel().clearSelection();
                model.selectedProperty().set(null);
            }
        } finally {
            syncing = false;
        }
    }

    /** Sets an item's children to those of the rows, touching nothing when they are the same. */
    private void setChildren(TreeItem<ProcessRow> parent, List<ProcessRow> rows) {
        List<TreeItem<ProcessRow>> wanted = new ArrayList<>(rows.size());
        for (ProcessRow r : rows) wanted.add(items.get(r.pid()));
        // Sorted order may differ from the scan's: compare as sets of items.
        if (parent.getChildren().size() == wanted.size()
            && new java.util.HashSet<>(parent.getChildren()).equals(new java.util.HashSet<>(wanted))) return;
        parent.getChildren().setAll(wanted);
    }

    private static int compareStart(ProcessRow a, ProcessRow b) {
        if (a.startTime() == null || b.startTime() == null) return 0;
        return a.startTime().compareTo(b.startTime());
    }

    private static TreeTableColumn<ProcessRow, ProcessRow> column(String title, double width, Function<ProcessRow, String> text,
                                                                  java.util.Comparator<ProcessRow> order, boolean numeric) {
        TreeTableColumn<ProcessRow, ProcessRow> column = new TreeTableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue()));
        column.setCellFactory(c -> new TreeTableCell<>() {
            @Override
            protected void updateItem(ProcessRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : text.apply(row));
            }
        });
        column.setComparator(order != null ? order : (a, b) -> text.apply(a).compareToIgnoreCase(text.apply(b)));
        column.setPrefWidth(width);
        column.setMinWidth(Math.min(width, 60));
        // Short columns keep their width; the command line takes the rest.
        if (width < 200) column.setMaxWidth(width * 1.3);
        if (numeric) column.getStyleClass().add("numeric");
        return column;
    }

    private VBox recentPane(javafx.collections.ObservableList<Path> recent, Runnable openFiles, Consumer<Path> openRecent) {
        Label title = new Label("Recent sessions");
        title.getStyleClass().add("section-title");
        ListView<Path> list = new ListView<>(recent);
        list.setId("recent-sessions");
        Label none = new Label("Sessions you open or save appear here.");
        none.setWrapText(true);
        none.getStyleClass().add("muted");
        none.setMaxWidth(220);
        list.setPlaceholder(none);
        list.setCellFactory(l -> new ListCell<>() {
            private final Label name = new Label();
            private final Label where = new Label();
            private final VBox box = new VBox(1, name, where);

            {
                name.getStyleClass().add("recent-name");
                where.getStyleClass().add("muted");
                where.setMinWidth(0);
            }

            @Override
            protected void updateItem(Path path, boolean empty) {
                super.updateItem(path, empty);
                if (empty || path == null) {
                    setGraphic(null);
                    return;
                }
                name.setText(path.getFileName().toString());
                where.setText(path.getParent() == null ? "" : path.getParent().toString());
                setGraphic(box);
                setTooltip(new Tooltip(path.toString()));
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                openRecent.accept(list.getSelectionModel().getSelectedItem());
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && list.getSelectionModel().getSelectedItem() != null) {
                openRecent.accept(list.getSelectionModel().getSelectedItem());
            }
        });
        Button open = new Button("Open session…");
        open.setId("start-open");
        open.setOnAction(e -> openFiles.run());
        open.setMaxWidth(Double.MAX_VALUE);
        Label hint = new Label("Or drop a .pyro file on the window.");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        VBox pane = new VBox(10, title, list, open, hint);
        pane.getStyleClass().add("recent-pane");
        pane.setPrefWidth(300);
        pane.setMinWidth(Region.USE_PREF_SIZE);
        VBox.setVgrow(list, Priority.ALWAYS);
        return pane;
    }
}
