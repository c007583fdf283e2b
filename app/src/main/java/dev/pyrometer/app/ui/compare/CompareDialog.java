package dev.pyrometer.app.ui.compare;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;

/**
 * File ▸ Compare…: pick the base run (before) and the new run (after) among the open tabs, the recent sessions, or
 * any file. The runs may differ in Python version, threads and length.
 */
public final class CompareDialog {
    private CompareDialog() {}

    /**
     * @param choices    open tabs and recent files, offered in both lists
     * @param base       the preselected base, or null
     * @param news       the preselected new run, or null
     * @param browse     asks for a session file (a file chooser); empty when cancelled
     */
    public static Optional<RunChoice.Pair> show(Window owner, List<RunChoice> choices, RunChoice base, RunChoice news,
                                                Supplier<Optional<Path>> browse) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Compare runs");
        dialog.setHeaderText("Compare two runs: where did the time go differently?");
        if (owner != null) {
            dialog.initOwner(owner);
            if (owner.getScene() != null) dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        ComboBox<RunChoice> baseBox = box(choices, base, "compare-choose-base");
        ComboBox<RunChoice> newBox = box(choices, news, "compare-choose-new");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.setPadding(new Insets(10, 4, 4, 4));
        grid.addRow(0, new Label("Base (before)"), baseBox, browseButton(baseBox, browse));
        grid.addRow(1, new Label("New (after)"), newBox, browseButton(newBox, browse));
        Label hint = new Label("The new run's flame graph is coloured by how each frame changed against the base run.");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        grid.add(hint, 0, 2, 3, 1);
        GridPane.setHgrow(baseBox, Priority.ALWAYS);
        GridPane.setHgrow(newBox, Priority.ALWAYS);
        dialog.getDialogPane().setContent(grid);
        ButtonType compare = new ButtonType("Compare", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(compare, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(compare).disableProperty()
            .bind(baseBox.valueProperty().isNull().or(newBox.valueProperty().isNull()));
        dialog.getDialogPane().setMinWidth(620);
        Optional<ButtonType> answer = dialog.showAndWait();
        if (answer.isEmpty() || answer.get() != compare) return Optional.empty();
        return Optional.of(new RunChoice.Pair(baseBox.getValue(), newBox.getValue()));
    }

    private static ComboBox<RunChoice> box(List<RunChoice> choices, RunChoice selected, String id) {
        ComboBox<RunChoice> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(choices);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setPromptText("Choose a run");
        if (selected != null) box.setValue(selected);
        return box;
    }

    private static Button browseButton(ComboBox<RunChoice> box, Supplier<Optional<Path>> browse) {
        Button button = new Button("Browse…");
        button.setOnAction(e -> browse.get().ifPresent(path -> {
            RunChoice file = new RunChoice.File(path.toAbsolutePath().normalize());
            if (!box.getItems().contains(file)) box.getItems().add(file);
            box.setValue(file);
        }));
        return button;
    }
}
