package dev.pyrometer.app.ui.shell;

import dev.pyrometer.app.source.PathMapping;
import dev.pyrometer.app.ui.editor.EditorChoice;
import dev.pyrometer.app.ui.editor.EditorPreferences;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * File ▸ Preferences: which editor opens a frame at its line, and the source path mappings (where recorded
 * directories are on this machine), which apply to the source pane and the editor alike.
 */
final class PreferencesDialog {
    private PreferencesDialog() {}

    static void show(Window owner, WorkbenchViewModel model) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Preferences");
        dialog.setHeaderText("Preferences");
        if (owner != null) {
            dialog.initOwner(owner);
            dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        EditorPreferences current = model.editorPreferences();
        ChoiceBox<EditorChoice> choice = new ChoiceBox<>();
        choice.setId("preferences-editor");
        choice.getItems().setAll(EditorChoice.values());
        choice.setValue(current.choice());
        TextField command = new TextField(current.customCommand());
        command.setId("preferences-editor-command");
        command.setPromptText("idea --line {line} {file}");
        command.setPrefColumnCount(32);
        command.disableProperty().bind(choice.valueProperty().isNotEqualTo(EditorChoice.CUSTOM));
        Label help = new Label("Open in editor (F4, or the right-click menu of a frame, a table row or a source line) opens "
            + "the file at the line. $VISUAL / $EDITOR get the form their program takes (vim +LINE FILE, code -g FILE:LINE…); "
            + "terminal editors open in a terminal window. A custom command names the file as {file} and the line as {line}.");
        help.setWrapText(true);
        help.setMaxWidth(520);
        help.getStyleClass().add("muted");

        ListView<PathMapping> mappings = new ListView<>(model.mappings());
        mappings.setId("preferences-mappings");
        mappings.setPrefHeight(120);
        mappings.setPlaceholder(new Label("No path mappings: Map path… in the source pane adds one."));
        mappings.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(PathMapping item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.from() + "  →  " + item.to());
            }
        });
        Button remove = new Button("Remove");
        remove.setId("preferences-remove-mapping");
        remove.disableProperty().bind(mappings.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> model.mappings().remove(mappings.getSelectionModel().getSelectedItem()));

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label("Editor"), choice);
        grid.addRow(1, new Label("Command"), command);
        VBox content = new VBox(10, grid, help, new Label("Source path mappings"), new HBox(8, mappings, remove));
        content.setPadding(new Insets(4, 0, 0, 0));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.showAndWait().filter(b -> b == ButtonType.OK)
            .ifPresent(b -> model.setEditorPreferences(new EditorPreferences(choice.getValue(), command.getText())));
    }
}
